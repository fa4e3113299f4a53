import { appendAudit, recordRead } from '../../db/audit';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import { arrearsStartDate, householdStatementFacts } from '../../db/queries/arrears-facts';
import {
  causeView,
  deleteCause,
  deleteIsee,
  getCause,
  getIsee,
  getLegalStage,
  householdCauses,
  householdStatements,
  insertCause,
  iseeView,
  putIsee,
  putLegalStageByHand,
  type LegalStageRow,
} from '../../db/queries/arrears-household';
import { householdPlanRows, planViews } from '../../db/queries/plans';
import { getArrearsSettings, riskRow, riskTrend } from '../../db/queries/risk';
import { transaction } from '../../db/sync';
import { assessIncolpevole } from '../../shared/arrears/incolpevole';
import { ARREARS_SERIES_MONTHS, RISK_TREND_MONTHS } from '../../shared/contract';
import type { Handler } from '../core/context';
import { localDate } from './agenda';
import { afterStatementsChanged, settlePendingScores } from './risk';
import { nextUpdatedAt, requireHousehold } from './scope';

const NOT_IN_FUTURE = (what: string) => `${what} non può essere nel futuro.`;
const STAGE_CHANGED =
  'La fase legale è stata modificata da qualcun altro (o da un’importazione) nel frattempo: ricaricare la pagina e ripetere la modifica.';
const ISEE_CHANGED =
  'L’ISEE è stato modificato da qualcun altro nel frattempo: ricaricare la pagina e ripetere la modifica.';

/**
 * This household's plan payments matched from its statements and its score of today, stored
 * like every other (one transaction); it is no longer pending after an import.
 */
export function recomputeHousehold(db: Db, householdId: number, now: string): void {
  afterStatementsChanged(db, [householdId], now);
}

function legalStageView(row: LegalStageRow) {
  return {
    stage: row.legal_stage,
    setAt: row.legal_stage_set_at,
    setBy: row.set_by_name,
    source: row.legal_stage_set_by === null ? ('importazione' as const) : ('manuale' as const),
    updatedAt: row.updated_at,
  };
}

/** Balance in months of the usual due, one decimal, rounded toward zero (never more than counted). */
function monthsOf(balanceCents: number, dueCents: number | null): number | null {
  if (dueCents === null || dueCents <= 0) return null;
  return Math.trunc((balanceCents * 10) / dueCents) / 10;
}

/**
 * The arrears panel of the household page. The score shown is the one stored for this month;
 * when it was computed on an earlier day it is computed again first (the days without payment
 * or contact have changed), so the page and the worklist agree.
 */
export const household: Handler<'arrears.household'> = (input, ctx) => {
  const { db, operator } = ctx;
  const id = input.householdId;
  requireHousehold(db.raw, operator, id);
  const now = ctx.now();
  const today = localDate(now);
  const month = today.slice(0, 7);
  const { settings } = getArrearsSettings(db);
  settlePendingScores(db, now, [id]);

  let risk = riskRow(db, id, month);
  if (risk === null || localDate(risk.computedAt) < today) {
    recomputeHousehold(db, id, now);
    risk = riskRow(db, id, month);
  }

  const statements = householdStatements(db, id);
  const facts = householdStatementFacts(db, id);
  const arrearsStart = arrearsStartDate(statements);
  const planRows = householdPlanRows(db, id);
  const plans = planViews(db, planRows, today, settings);

  // A payment of the open plan recorded by hand after the statement's last payment is the latest one.
  let lastPaymentDate = facts.lastPaymentDate;
  let lastPaymentSource: 'estratto' | 'stimata' | 'piano' | null = facts.lastPaymentSource;
  for (const payment of plans.find((p) => p.closedOn === null)?.payments ?? []) {
    if (payment.source === 'manuale' && payment.paidOn <= today) {
      if (lastPaymentDate === null || payment.paidOn > lastPaymentDate) {
        lastPaymentDate = payment.paidOn;
        lastPaymentSource = 'piano';
      }
    }
  }

  const stage = getLegalStage(db, id);
  const causes = householdCauses(db, id);
  const isee = getIsee(db, id);
  const assessment = assessIncolpevole({
    causes: causes.map((c) => ({ cause: c.cause, eventDate: c.event_date })),
    arrearsStartDate: arrearsStart,
    isee: isee ? { valueCents: isee.value_cents, date: isee.isee_date } : null,
    thresholdCents: settings.iseeThresholdCents,
    asOf: today,
  });

  // Reading a household's arrears is recorded in the access log, like opening its page.
  recordRead(db.raw, {
    operatorId: operator.id,
    action: 'arrearsPanel.open',
    recordType: 'household',
    recordId: id,
  });
  return {
    householdId: id,
    series: statements.slice(-ARREARS_SERIES_MONTHS).map((s) => ({
      period: s.period,
      dueCents: s.due_cents,
      paidCents: s.paid_cents,
      balanceCents: s.balance_cents,
    })),
    latestPeriod: facts.latestPeriod,
    balanceCents: facts.balanceCents,
    monthsUnpaid: facts.monthsUnpaid,
    monthlyDueCents: facts.monthlyDueCents,
    balanceInMonths: monthsOf(facts.balanceCents, facts.monthlyDueCents),
    lastPaymentDate,
    lastPaymentSource,
    arrearsStartDate: arrearsStart,
    legalStage: stage ? legalStageView(stage) : null,
    plans,
    incolpevole: {
      causes: causes.map(causeView),
      isee: isee ? iseeView(isee) : null,
      thresholdCents: settings.iseeThresholdCents,
      assessment,
    },
    risk: statements.length === 0 && planRows.length === 0 ? null : risk,
    trend: riskTrend(db, id, month, RISK_TREND_MONTHS),
  };
};

export const setLegalStage: Handler<'arrears.setLegalStage'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const id = input.householdId;
  transaction(db, () => {
    requireHousehold(db.raw, me, id);
    const current = getLegalStage(db, id);
    if ((current?.updated_at ?? null) !== input.expectedUpdatedAt)
      throw new AppError('conflict', STAGE_CHANGED);
    const updatedAt = current ? nextUpdatedAt(current.updated_at, now) : now;
    putLegalStageByHand(db, id, input.stage, localDate(now).slice(0, 7), me.id, now, updatedAt);
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'arrears.setLegalStage',
      recordType: 'household',
      recordId: id,
    });
    recomputeHousehold(db, id, now);
  });
  const stage = getLegalStage(db, id);
  if (!stage) throw new AppError('not_found', 'Fase legale non trovata: ricaricare la pagina.');
  return { legalStage: legalStageView(stage) };
};

export const addCause: Handler<'arrears.addCause'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  if (input.eventDate !== null && input.eventDate > localDate(now)) {
    throw new AppError('validation', NOT_IN_FUTURE('La data dell’evento'), {
      fields: { eventDate: NOT_IN_FUTURE('La data dell’evento') },
    });
  }
  const causeId = transaction(db, () => {
    requireHousehold(db.raw, me, input.householdId);
    const created = insertCause(db, input, now, me.id);
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'arrears.addCause',
      recordType: 'incolpevole_cause',
      recordId: created,
    });
    recomputeHousehold(db, input.householdId, now);
    return created;
  });
  const row = getCause(db, causeId);
  if (!row) throw new AppError('not_found', 'Causa non trovata: ricaricare la pagina.');
  return { cause: causeView(row) };
};

export const removeCause: Handler<'arrears.removeCause'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = getCause(db, input.id);
    if (!row)
      throw new AppError('not_found', 'Causa non trovata: forse è già stata tolta. Ricaricare la pagina.');
    requireHousehold(db.raw, me, row.household_id);
    deleteCause(db, row.id);
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'arrears.removeCause',
      recordType: 'incolpevole_cause',
      recordId: row.id,
    });
    recomputeHousehold(db, row.household_id, now);
  });
  return { done: true as const };
};

export const setIsee: Handler<'arrears.setIsee'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const id = input.householdId;
  if (input.isee !== null && input.isee.iseeDate > localDate(now)) {
    throw new AppError('validation', NOT_IN_FUTURE('La data dell’ISEE'), {
      fields: { 'isee.iseeDate': NOT_IN_FUTURE('La data dell’ISEE') },
    });
  }
  transaction(db, () => {
    requireHousehold(db.raw, me, id);
    const current = getIsee(db, id);
    if ((current?.updated_at ?? null) !== input.expectedUpdatedAt)
      throw new AppError('conflict', ISEE_CHANGED);
    if (input.isee === null) {
      if (current) deleteIsee(db, id);
    } else {
      putIsee(db, id, input.isee, current ? nextUpdatedAt(current.updated_at, now) : now, me.id);
    }
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'arrears.setIsee',
      recordType: 'household',
      recordId: id,
    });
    recomputeHousehold(db, id, now);
  });
  const row = getIsee(db, id);
  return { isee: row ? iseeView(row) : null };
};
