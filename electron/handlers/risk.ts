import { appendAudit } from '../../db/audit';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import { getOperator } from '../../db/queries/operators';
import { matchStatementPayments } from '../../db/queries/plans';
import {
  clearPendingScores,
  getArrearsSettings,
  lastFullRecompute,
  pendingScores,
  recomputeRisk,
  saveArrearsSettings,
  settingsDiff,
  settingsHistory,
  worklist as worklistQuery,
} from '../../db/queries/risk';
import { transaction } from '../../db/sync';
import { DEFAULT_ARREARS_SETTINGS } from '../../shared/contract';
import type { RiskContribution } from '../../shared/risk/score';
import { unitLabel } from '../../db/queries/registry-common';
import type { Handler } from '../core/context';
import { localDate } from './agenda';
import { buildingFilter, nextUpdatedAt, seesAll } from './scope';

const OTHERS_LIST = 'Solo un coordinatore può vedere la lista «Da contattare» di un altro operatore.';
const SETTINGS_CHANGED =
  'Le impostazioni della morosità sono state modificate da qualcun altro nel frattempo: ricaricare la pagina per vedere i valori attuali e ripetere la modifica.';

/**
 * After the statements of these households changed (an import committed or undone): match
 * the repayment-plan payments from the statements again, then recompute the scores of this
 * month. Call it inside the import's transaction, so the scores change with the data.
 */
export function afterStatementsChanged(db: Db, householdIds: readonly number[] | 'all', now: string): number {
  return transaction(db, () => {
    matchStatementPayments(db, householdIds, now);
    const count = recomputeRisk(db, { householdIds, asOf: localDate(now), now });
    clearPendingScores(db, householdIds);
    return count;
  });
}

/**
 * An import marks the households it touched (risk_pending) instead of scoring them inside its
 * own transaction, so a 10,000-row file commits in well under a second; every read that shows
 * plans or scores first brings those households up to date (all of them, or just `among`).
 */
export function settlePendingScores(db: Db, now: string, among?: readonly number[]): void {
  const ids = pendingScores(db, among);
  if (ids.length > 0) afterStatementsChanged(db, ids, now);
}

/**
 * Scores depend on the day (days without payment or contact, installments falling due), so
 * the first worklist of a day recomputes every household (under a second on 10,000); the
 * same run opens the month's row of the trend when a new month starts.
 */
export function ensureScoresOfToday(db: Db, now: string): void {
  const today = localDate(now);
  const last = lastFullRecompute(db);
  if (last === null || last < today) afterStatementsChanged(db, 'all', now);
  else settlePendingScores(db, now);
}

/** Whose households: everyone's (coordinators, no operator given), else one operator's buildings. */
function worklistScope(
  ctx: Parameters<Handler<'risk.worklist'>>[1],
  operatorId: number | null,
): { sql: string; params: readonly unknown[] } {
  const { db, operator: me } = ctx;
  if (operatorId === null) return buildingFilter(me, 'u.building_id');
  if (operatorId !== me.id) {
    if (!seesAll(me)) throw new AppError('forbidden', OTHERS_LIST);
    if (!getOperator(db, operatorId)) {
      throw new AppError('not_found', 'Operatore non trovato: forse è stato eliminato.');
    }
  }
  return {
    sql: 'u.building_id IN (SELECT building_id FROM building_operators WHERE operator_id = ?)',
    params: [operatorId],
  };
}

export const worklist: Handler<'risk.worklist'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  ensureScoresOfToday(db, now);
  const scope = worklistScope(ctx, input.operatorId);
  const { settings } = getArrearsSettings(db);
  const days = settings.worklistContactDays;
  const month = localDate(now).slice(0, 7);
  const { rows, total } = worklistQuery(db, {
    month,
    scope,
    band: input.band,
    contactedSince: days > 0 ? `${localDate(now, -days)}T00:00` : null,
    page: input.page,
    pageSize: input.pageSize,
  });
  return {
    month,
    contactDays: days,
    total,
    rows: rows.map((r) => ({
      householdId: r.household_id,
      code: r.code,
      referenceName: r.reference_name,
      buildingId: r.building_id,
      buildingAddress: r.address,
      unitLabel: unitLabel(r.staircase, r.floor, r.number),
      band: r.band,
      score: r.score,
      topReasons: (JSON.parse(r.contributions) as RiskContribution[]).slice(0, 3).map((c) => c.label),
      balanceCents: r.balance_cents,
      lastContactAt: r.last_contact_at,
      planStatus: r.plan_status,
    })),
  };
};

export const recompute: Handler<'risk.recompute'> = (_input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const households = transaction(db, () => {
    const count = afterStatementsChanged(db, 'all', now);
    appendAudit(db.raw, { operatorId: me.id, action: 'risk.recompute', recordType: null, recordId: null });
    return count;
  });
  return { month: localDate(now).slice(0, 7), households };
};

function settingsOutput(db: Db) {
  const stored = getArrearsSettings(db);
  return {
    settings: stored.settings,
    defaults: DEFAULT_ARREARS_SETTINGS,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    history: settingsHistory(db),
  };
}

export const settings: Handler<'risk.settings'> = (_input, ctx) => settingsOutput(ctx.db);

/**
 * Saves the weights, thresholds and tolerances (validated by the contract with Italian messages
 * naming the field), records the values before and after, audits the change and scores every
 * household again, all in one transaction.
 */
export const updateSettings: Handler<'risk.updateSettings'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const current = getArrearsSettings(db);
    if (current.updatedAt !== input.expectedUpdatedAt) throw new AppError('conflict', SETTINGS_CHANGED);
    if (settingsDiff(current.settings, input.settings).length === 0) return;
    const historyId = saveArrearsSettings(
      db,
      input.settings,
      current.updatedAt === null ? null : current.settings,
      me.id,
      current.updatedAt === null ? now : nextUpdatedAt(current.updatedAt, now),
    );
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'risk.updateSettings',
      recordType: 'settings_history',
      recordId: historyId,
    });
    afterStatementsChanged(db, 'all', now);
  });
  return settingsOutput(db);
};
