import { appendAudit } from '../../db/audit';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import {
  closePlanRow,
  currentPlanStatus,
  deletePayment,
  evaluatePlan,
  getPaymentRow,
  getPlanRow,
  insertManualPayment,
  insertPlan,
  matchStatementPayments,
  openPlanRow,
  planView,
  touchPlan,
  type PlanRow,
  type PlanRules,
} from '../../db/queries/plans';
import { getArrearsSettings } from '../../db/queries/risk';
import { transaction } from '../../db/sync';
import { buildInstallments, PLAN_STATUS_LABELS } from '../../shared/arrears/plan';
import type { Plan } from '../../shared/contract';
import { formatDate } from '../../shared/format';
import type { OperatorRow } from '../../db/queries/operators';
import type { Handler } from '../core/context';
import { localDate } from './agenda';
import { recomputeHousehold } from './arrears-household';
import { CHANGED_BY_OTHERS, checkVersion, nextUpdatedAt, requireHousehold } from './scope';

const NOT_FOUND = 'Piano di rientro non trovato: forse è stato eliminato. Ricaricare la pagina.';
const CLOSED = 'Il piano di rientro è chiuso: non si può più modificare.';
const NOT_IN_FUTURE = (what: string) => `${what} non può essere nel futuro.`;

function rulesOf(db: Db): PlanRules {
  const { settings } = getArrearsSettings(db);
  return { planTolerance: settings.planTolerance, breachAfterMissed: settings.breachAfterMissed };
}

function view(db: Db, id: number, today: string): Plan {
  const plan = planView(db, id, today, rulesOf(db));
  if (!plan) throw new AppError('not_found', NOT_FOUND);
  return plan;
}

/** The plan, visible to the operator, at the version the form started from, still open. */
function requireOpenPlan(db: Db, me: OperatorRow, planId: number, expectedUpdatedAt: string): PlanRow {
  const row = getPlanRow(db, planId);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  requireHousehold(db.raw, me, row.household_id);
  checkVersion(row.updated_at, expectedUpdatedAt, CHANGED_BY_OTHERS('Il piano di rientro'));
  if (row.closed_on !== null) throw new AppError('conflict', CLOSED);
  return row;
}

function refuseFuture(date: string, today: string, label: string, field: string): void {
  if (date > today) {
    throw new AppError('validation', NOT_IN_FUTURE(label), { fields: { [field]: NOT_IN_FUTURE(label) } });
  }
}

/**
 * Opens a plan with equal installments (buildInstallments). A household has one open plan at
 * most: an open plan already paid in full is closed as "concluso"; any other is replaced
 * (closed as "sostituito") only when the caller confirms with replaceActive.
 */
export const create: Handler<'plans.create'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const today = localDate(now);
  if (input.totalCents < input.installmentCount) {
    throw new AppError('validation', 'L’importo concordato è troppo basso per questo numero di rate.', {
      fields: { totalCents: 'L’importo concordato è troppo basso per questo numero di rate.' },
    });
  }
  const created = transaction(db, () => {
    requireHousehold(db.raw, me, input.householdId);
    const rules = rulesOf(db);
    let closedPlanId: number | null = null;
    const open = openPlanRow(db, input.householdId);
    if (open) {
      const status = currentPlanStatus(db, open.id, today, rules).status;
      if (status !== 'concluso' && !input.replaceActive) {
        throw new AppError(
          'conflict',
          `Il nucleo ha già un piano di rientro aperto (del ${formatDate(open.created_at)}, ${PLAN_STATUS_LABELS[status].toLowerCase()}): ` +
            'per aprirne uno nuovo bisogna chiudere quello attuale. Confermare la sostituzione per chiuderlo come «sostituito».',
        );
      }
      closePlanRow(
        db,
        open.id,
        { closedOn: today, reason: status === 'concluso' ? 'concluso' : 'sostituito', status },
        nextUpdatedAt(open.updated_at, now),
        me.id,
      );
      appendAudit(db.raw, {
        operatorId: me.id,
        action: 'plans.close',
        recordType: 'repayment_plan',
        recordId: open.id,
      });
      closedPlanId = open.id;
    }
    const installments = buildInstallments({
      totalCents: input.totalCents,
      count: input.installmentCount,
      firstDueDate: input.firstDueOn,
      everyMonths: input.everyMonths,
    });
    const status = evaluatePlan(installments, [], today, rules).status;
    const id = insertPlan(db, input, installments, status, now, me.id);
    matchStatementPayments(db, [input.householdId], now);
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'plans.create',
      recordType: 'repayment_plan',
      recordId: id,
    });
    recomputeHousehold(db, input.householdId, now);
    return { id, closedPlanId };
  });
  return { plan: view(db, created.id, today), closedPlanId: created.closedPlanId };
};

/** After a change by hand: statement matches, the cached status, a new version, the score. */
function afterPlanChange(db: Db, row: PlanRow, me: OperatorRow, now: string): void {
  const today = localDate(now);
  matchStatementPayments(db, [row.household_id], now);
  const status = currentPlanStatus(db, row.id, today, rulesOf(db)).status;
  touchPlan(db, row.id, status, nextUpdatedAt(row.updated_at, now), me.id);
  recomputeHousehold(db, row.household_id, now);
}

export const recordPayment: Handler<'plans.recordPayment'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const today = localDate(now);
  refuseFuture(input.paidOn, today, 'La data del pagamento', 'paidOn');
  transaction(db, () => {
    const row = requireOpenPlan(db, me, input.planId, input.expectedUpdatedAt);
    const paymentId = insertManualPayment(db, row.id, input, now, me.id);
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'plans.recordPayment',
      recordType: 'plan_payment',
      recordId: paymentId,
    });
    afterPlanChange(db, row, me, now);
  });
  return { plan: view(db, input.planId, today) };
};

export const removePayment: Handler<'plans.removePayment'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const planId = transaction(db, () => {
    const payment = getPaymentRow(db, input.paymentId);
    if (!payment)
      throw new AppError(
        'not_found',
        'Pagamento non trovato: forse è già stato tolto. Ricaricare la pagina.',
      );
    const row = requireOpenPlan(db, me, payment.plan_id, input.expectedUpdatedAt);
    if (payment.source === 'estratto') {
      throw new AppError(
        'validation',
        'Questo pagamento viene dall’estratto della morosità: si corregge con una nuova importazione, non a mano.',
      );
    }
    deletePayment(db, payment.id);
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'plans.removePayment',
      recordType: 'plan_payment',
      recordId: payment.id,
    });
    afterPlanChange(db, row, me, now);
    return row.id;
  });
  return { plan: view(db, planId, localDate(now)) };
};

export const close: Handler<'plans.close'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const today = localDate(now);
  refuseFuture(input.closedOn, today, 'La data di chiusura', 'closedOn');
  transaction(db, () => {
    const row = requireOpenPlan(db, me, input.planId, input.expectedUpdatedAt);
    if (input.closedOn < row.created_at.slice(0, 10)) {
      throw new AppError('validation', 'La data di chiusura non può precedere l’apertura del piano.', {
        fields: { closedOn: 'La data di chiusura non può precedere l’apertura del piano.' },
      });
    }
    const status = currentPlanStatus(db, row.id, input.closedOn, rulesOf(db)).status;
    closePlanRow(
      db,
      row.id,
      { closedOn: input.closedOn, reason: input.reason, status },
      nextUpdatedAt(row.updated_at, now),
      me.id,
    );
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'plans.close',
      recordType: 'repayment_plan',
      recordId: row.id,
    });
    recomputeHousehold(db, row.household_id, now);
  });
  return { plan: view(db, input.planId, today) };
};
