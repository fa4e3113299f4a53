import { addDays, addMonths } from '../../shared/arrears/plan';
import {
  arrearsSettingsSchema,
  DEFAULT_ARREARS_SETTINGS,
  type ArrearsSettings,
  type RiskScoreView,
} from '../../shared/contract';
import {
  computeRisk,
  riskScore,
  type LegalStage,
  type RiskBand,
  type RiskContribution,
  type RiskInput,
} from '../../shared/risk/score';
import type { Db } from '../connection';
import { transaction } from '../sync';
import {
  addToPeriod,
  daysBetween,
  factsFromColumns,
  householdCondition,
  LATEST_STATEMENT_JOIN,
  STATEMENT_FACT_COLUMNS,
  STATEMENT_STAGE_COLUMN,
  type StatementFactColumns,
} from './arrears-facts';
import { evaluatePlan } from './plans';
import { allRows, firstRow, prepared, runSql } from './registry-common';

// ---------- settings ----------

const SETTINGS_KEY = 'arrears';
/** When the last full recompute ran (local date), so the worklist refreshes once a day. */
const RECOMPUTE_KEY = 'riskRecompute';

export interface StoredArrearsSettings {
  settings: ArrearsSettings;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The arrears settings in force: the stored ones, or the defaults when absent (or unreadable). */
export function getArrearsSettings(db: Db): StoredArrearsSettings {
  const row = firstRow<{ value: string; updated_at: string; updated_by_name: string | null }>(
    db.raw,
    `SELECT s.value, s.updated_at, o.full_name AS updated_by_name
       FROM settings s LEFT JOIN operators o ON o.id = s.updated_by WHERE s.key = ?`,
    [SETTINGS_KEY],
  );
  if (!row) return { settings: DEFAULT_ARREARS_SETTINGS, updatedAt: null, updatedBy: null };
  const parsed = arrearsSettingsSchema.safeParse(JSON.parse(row.value));
  return {
    settings: parsed.success ? parsed.data : DEFAULT_ARREARS_SETTINGS,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
  };
}

/** Saves the settings and records the change, values before and after; returns the history id. */
export function saveArrearsSettings(
  db: Db,
  settings: ArrearsSettings,
  before: ArrearsSettings | null,
  operatorId: number,
  now: string,
): number {
  const value = JSON.stringify(settings);
  runSql(
    db.raw,
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                     updated_by = excluded.updated_by`,
    [SETTINGS_KEY, value, now, operatorId],
  );
  return runSql(
    db.raw,
    'INSERT INTO settings_history (key, before, after, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)',
    [SETTINGS_KEY, before === null ? null : JSON.stringify(before), value, now, operatorId],
  );
}

/** Every numeric leaf by dotted path. */
function leaves(value: unknown, prefix = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') out.set(prefix, value);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

/** The values that differ between two settings objects, by dotted path. */
export function settingsDiff(
  before: unknown,
  after: unknown,
): { path: string; before: number | null; after: number | null }[] {
  const a = leaves(before);
  const b = leaves(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((path) => a.get(path) !== b.get(path))
    .map((path) => ({ path, before: a.get(path) ?? null, after: b.get(path) ?? null }));
}

/** The latest settings changes, newest first. */
export function settingsHistory(db: Db, limit = 20) {
  const rows = allRows<{
    id: number;
    before: string | null;
    after: string;
    changed_at: string;
    full_name: string | null;
  }>(
    db.raw,
    `SELECT h.id, h.before, h.after, h.changed_at, o.full_name
       FROM settings_history h LEFT JOIN operators o ON o.id = h.changed_by
      WHERE h.key = ? ORDER BY h.id DESC LIMIT ?`,
    [SETTINGS_KEY, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    changedAt: row.changed_at,
    operatorName: row.full_name,
    changes: settingsDiff(
      row.before === null ? DEFAULT_ARREARS_SETTINGS : (JSON.parse(row.before) as unknown),
      JSON.parse(row.after) as unknown,
    ),
  }));
}

// ---------- the inputs of the score, read set-based ----------

const BAND_RANK: Record<RiskBand, number> = { basso: 0, medio: 1, alto: 2, critico: 3 };

export interface ScoreOptions {
  /** The day the score is computed for (local calendar date). */
  asOf: string;
  /** The month the row is stored under. */
  month: string;
  /** Statements after this period are ignored (history); null takes every statement. */
  periodCeiling: string | null;
  /** Refresh the cached status of the open plans (only for the current month). */
  refreshPlanStatus: boolean;
  computedAt: string;
}

interface PlanTerms {
  planId: number;
  storedStatus: string;
  installments: { dueDate: string; amountCents: number }[];
  payments: { date: string; amountCents: number }[];
  lastManualPayment: string | null;
}

/** The plan open on `asOf` per household (created by then, not closed by then). */
function readPlans(db: Db, ids: readonly number[] | 'all', asOf: string): Map<number, PlanTerms> {
  const open = `FROM repayment_plans p
     WHERE ${householdCondition(ids, 'p.household_id')}
       AND substr(p.created_at, 1, 10) <= @asOf AND (p.closed_on IS NULL OR p.closed_on > @asOf)`;
  const params = ids === 'all' ? { asOf } : { asOf, ids: JSON.stringify(ids) };
  const byPlan = new Map<number, PlanTerms>();
  const byHousehold = new Map<number, PlanTerms>();
  for (const row of allRows<{ id: number; household_id: number; status: string }>(
    db.raw,
    `SELECT p.id, p.household_id, p.status ${open} ORDER BY p.id`,
    [params],
  )) {
    const terms: PlanTerms = {
      planId: row.id,
      storedStatus: row.status,
      installments: [],
      payments: [],
      lastManualPayment: null,
    };
    byPlan.set(row.id, terms);
    byHousehold.set(row.household_id, terms);
  }
  if (byPlan.size === 0) return byHousehold;
  for (const row of allRows<{ plan_id: number; due_on: string; amount_cents: number }>(
    db.raw,
    `SELECT plan_id, due_on, amount_cents FROM plan_installments
      WHERE plan_id IN (SELECT p.id ${open}) ORDER BY plan_id, seq`,
    [params],
  )) {
    byPlan.get(row.plan_id)?.installments.push({ dueDate: row.due_on, amountCents: row.amount_cents });
  }
  for (const row of allRows<{ plan_id: number; paid_on: string; amount_cents: number; source: string }>(
    db.raw,
    `SELECT plan_id, paid_on, amount_cents, source FROM plan_payments
      WHERE plan_id IN (SELECT p.id ${open}) AND paid_on <= @asOf`,
    [params],
  )) {
    const terms = byPlan.get(row.plan_id);
    if (!terms) continue;
    terms.payments.push({ date: row.paid_on, amountCents: row.amount_cents });
    if (
      row.source === 'manuale' &&
      (terms.lastManualPayment === null || row.paid_on > terms.lastManualPayment)
    ) {
      terms.lastManualPayment = row.paid_on;
    }
  }
  return byHousehold;
}

interface HouseholdInputRow extends StatementFactColumns {
  household_id: number;
  stored_stage: LegalStage | null;
  life_event: number;
  fragility: number;
  last_contact: string | null;
}

/**
 * One row per household with everything the score needs but the plan, in one query: the
 * statements stay in SQLite (indexed look-ups per household), only the answers reach
 * JavaScript.
 */
function readHouseholdInputs(
  db: Db,
  ids: readonly number[] | 'all',
  asOf: string,
  periodCeiling: string | null,
): HouseholdInputRow[] {
  const params: Record<string, string> = {
    ceiling: periodCeiling ?? '9999-99',
    asOf,
    yearAgo: addMonths(asOf, -12),
    asOfEnd: `${asOf}T99`,
  };
  if (ids !== 'all') params.ids = JSON.stringify(ids);
  return allRows<HouseholdInputRow>(
    db.raw,
    `SELECT h.id AS household_id, ${STATEMENT_FACT_COLUMNS},
            ${periodCeiling === null ? 'NULL AS statement_stage' : STATEMENT_STAGE_COLUMN},
            (SELECT a.legal_stage FROM household_arrears a
              WHERE a.household_id = h.id AND substr(a.legal_stage_set_at, 1, 10) <= @asOf) AS stored_stage,
            EXISTS (SELECT 1 FROM incolpevole_causes c
                     WHERE c.household_id = h.id AND c.event_date > @yearAgo AND c.event_date <= @asOf) AS life_event,
            (SELECT count(DISTINCT mf.fragility_id) FROM members m JOIN member_fragilities mf ON mf.member_id = m.id
              WHERE m.household_id = h.id AND (m.left_on IS NULL OR m.left_on > @asOf)) AS fragility,
            (SELECT max(i.occurred_at) FROM interventions i
              WHERE i.household_id = h.id AND i.occurred_at <= @asOfEnd) AS last_contact
       FROM households h ${LATEST_STATEMENT_JOIN}
      WHERE ${householdCondition(ids, 'h.id')}
      ORDER BY h.id`,
    [params],
  );
}

export interface ScoredHousehold {
  householdId: number;
  input: RiskInput;
  score: number;
  band: RiskBand;
  /** The open plan and its status as of asOf, if any. */
  plan: { id: number; storedStatus: string; status: string } | null;
}

/** The risk inputs and score of each household, from a few set-based queries. */
export function scoreHouseholds(
  db: Db,
  ids: readonly number[] | 'all',
  options: Pick<ScoreOptions, 'asOf' | 'periodCeiling'>,
  settings: ArrearsSettings,
): ScoredHousehold[] {
  const { asOf, periodCeiling } = options;
  const rows = readHouseholdInputs(db, ids, asOf, periodCeiling);
  if (rows.length === 0) return [];
  const plans = readPlans(db, ids, asOf);
  const rules = { planTolerance: settings.planTolerance, breachAfterMissed: settings.breachAfterMissed };

  return rows.map((row) => {
    const facts = factsFromColumns(row);
    const plan = plans.get(row.household_id);
    const planResult = plan ? evaluatePlan(plan.installments, plan.payments, asOf, rules) : null;
    // A plan payment recorded by hand after the statement's last payment is the latest payment.
    let lastPayment = facts.lastPaymentDate;
    if (plan?.lastManualPayment && (lastPayment === null || plan.lastManualPayment > lastPayment)) {
      lastPayment = plan.lastManualPayment;
    }
    const input: RiskInput = {
      balanceCents: facts.balanceCents,
      monthlyRentCents: facts.monthlyDueCents,
      consecutiveMonthsUnpaid: facts.monthsUnpaid,
      balanceThreeMonthsAgoCents: facts.balanceThreeMonthsAgoCents,
      daysSinceLastPayment: lastPayment === null ? null : Math.max(0, daysBetween(lastPayment, asOf)),
      missedInstallments: planResult?.missedInstallments ?? 0,
      // The stage set by hand or by an import applies from the day it was set; before that
      // (history) the statements' own stage column.
      legalStage: row.stored_stage ?? facts.statementLegalStage,
      lifeEventInLast12Months: row.life_event === 1,
      fragilityCount: row.fragility,
      daysSinceLastContact:
        row.last_contact === null ? null : Math.max(0, daysBetween(row.last_contact.slice(0, 10), asOf)),
    };
    const { score, band } = riskScore(input, settings.risk);
    return {
      householdId: row.household_id,
      input,
      score,
      band,
      plan:
        plan && planResult
          ? { id: plan.planId, storedStatus: plan.storedStatus, status: planResult.status }
          : null,
    };
  });
}

// ---------- writing the scores ----------

const UPSERT_SCORE = `INSERT INTO risk_scores (household_id, month, score, band, band_rank, contributions, computed_at)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (household_id, month) DO UPDATE SET score = excluded.score, band = excluded.band,
    band_rank = excluded.band_rank, contributions = excluded.contributions, computed_at = excluded.computed_at`;

/** Scores the households and stores one row each under options.month (replacing that month's row). */
export function storeScores(
  db: Db,
  ids: readonly number[] | 'all',
  options: ScoreOptions,
  settings: ArrearsSettings = getArrearsSettings(db).settings,
): number {
  return transaction(db, () => {
    const scored = scoreHouseholds(db, ids, options, settings);
    const upsert = prepared(db.raw, UPSERT_SCORE);
    const setStatus = prepared(db.raw, 'UPDATE repayment_plans SET status = ? WHERE id = ?');
    for (const s of scored) {
      // Sentences only where there is something to explain; riskScore gave the same score and band.
      const contributions: RiskContribution[] =
        s.score > 0 ? computeRisk(s.input, settings.risk).contributions : [];
      upsert.run(
        s.householdId,
        options.month,
        s.score,
        s.band,
        BAND_RANK[s.band],
        JSON.stringify(contributions),
        options.computedAt,
      );
      if (options.refreshPlanStatus && s.plan && s.plan.status !== s.plan.storedStatus) {
        setStatus.run(s.plan.status, s.plan.id);
      }
    }
    return scored.length;
  });
}

/**
 * Recomputes the score of these households (or all) for the month of `asOf` (a local
 * calendar date) from every statement they have, refreshes the cached status of their open
 * plans, and stores one row per household for that month. One transaction.
 */
export function recomputeRisk(
  db: Db,
  {
    householdIds,
    asOf,
    now = new Date().toISOString(),
  }: { householdIds: readonly number[] | 'all'; asOf: string; now?: string },
): number {
  if (householdIds !== 'all' && householdIds.length === 0) return 0;
  return transaction(db, () => {
    const count = storeScores(db, householdIds, {
      asOf,
      month: asOf.slice(0, 7),
      periodCeiling: null,
      refreshPlanStatus: true,
      computedAt: now,
    });
    if (householdIds === 'all') markFullRecompute(db, asOf, now);
    return count;
  });
}

/** Marks households whose statements changed: their plans and scores are brought up to date at the next read. */
export function markScoresPending(db: Db, householdIds: Iterable<number>): void {
  const insert = prepared(db.raw, 'INSERT OR IGNORE INTO risk_pending (household_id) VALUES (?)');
  for (const id of householdIds) insert.run(id);
}

/** The households still to be brought up to date: all of them, or those of `among`. */
export function pendingScores(db: Db, among?: readonly number[]): number[] {
  if (among === undefined) {
    return db.raw.prepare('SELECT household_id FROM risk_pending').pluck().all() as number[];
  }
  return db.raw
    .prepare('SELECT household_id FROM risk_pending WHERE household_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(among)) as number[];
}

export function clearPendingScores(db: Db, householdIds: readonly number[] | 'all'): void {
  if (householdIds === 'all') runSql(db.raw, 'DELETE FROM risk_pending', []);
  else {
    runSql(db.raw, 'DELETE FROM risk_pending WHERE household_id IN (SELECT value FROM json_each(?))', [
      JSON.stringify(householdIds),
    ]);
  }
}

/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

/**
 * The score of `asOfMonth` as it stood at the end of that month (or on `today`, when earlier),
 * from the statements up to that month only: for building the monthly history (the seed).
 */
export function computeRiskAsOf(
  db: Db,
  householdIds: readonly number[] | 'all',
  asOfMonth: string,
  { today, now = new Date().toISOString() }: { today?: string; now?: string } = {},
): number {
  const end = monthEnd(asOfMonth);
  const asOf = today !== undefined && today < end ? today : end;
  return storeScores(db, householdIds, {
    asOf,
    month: asOfMonth,
    periodCeiling: asOfMonth,
    refreshPlanStatus: false,
    computedAt: now,
  });
}

function markFullRecompute(db: Db, asOf: string, now: string): void {
  runSql(
    db.raw,
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, NULL)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [RECOMPUTE_KEY, JSON.stringify({ on: asOf }), now],
  );
}

/** The local date of the last full recompute, if any. */
export function lastFullRecompute(db: Db): string | null {
  const row = firstRow<{ value: string }>(db.raw, 'SELECT value FROM settings WHERE key = ?', [
    RECOMPUTE_KEY,
  ]);
  if (!row) return null;
  const value = JSON.parse(row.value) as { on?: unknown };
  return typeof value.on === 'string' ? value.on : null;
}

// ---------- reading the scores ----------

interface ScoreDbRow {
  month: string;
  score: number;
  band: RiskBand;
  contributions: string;
  computed_at: string;
}

export function riskRow(db: Db, householdId: number, month: string): RiskScoreView | null {
  const row = firstRow<ScoreDbRow>(
    db.raw,
    'SELECT month, score, band, contributions, computed_at FROM risk_scores WHERE household_id = ? AND month = ?',
    [householdId, month],
  );
  if (!row) return null;
  return {
    month: row.month,
    score: row.score,
    band: row.band,
    contributions: JSON.parse(row.contributions) as RiskContribution[],
    computedAt: row.computed_at,
  };
}

/** Scores per month, oldest first, the last `months` months up to `month`. */
export function riskTrend(
  db: Db,
  householdId: number,
  month: string,
  months: number,
): { month: string; score: number; band: RiskBand }[] {
  return allRows<{ month: string; score: number; band: RiskBand }>(
    db.raw,
    `SELECT month, score, band FROM risk_scores
      WHERE household_id = ? AND month > ? AND month <= ? ORDER BY month`,
    [householdId, addToPeriod(month, -months), month],
  );
}

// ---------- the worklist ----------

export interface WorklistQuery {
  month: string;
  /** A condition on `u.building_id`, with its parameters. */
  scope: { sql: string; params: readonly unknown[] };
  band: RiskBand | null;
  /** Interventions on or after this (`YYYY-MM-DDTHH:MM`) hide the household; null hides none. */
  contactedSince: string | null;
  page: number;
  pageSize: number;
}

export interface WorklistDbRow {
  household_id: number;
  code: string;
  reference_name: string | null;
  building_id: number;
  address: string;
  staircase: string;
  floor: number;
  number: string;
  score: number;
  band: RiskBand;
  contributions: string;
  balance_cents: number | null;
  last_contact_at: string | null;
  plan_status: 'in_regola' | 'in_ritardo' | 'non_rispettato' | 'concluso' | null;
}

/**
 * Households to contact: this month's scores above zero, worst band first then highest score,
 * without those with an open plan "in regola" or an intervention since `contactedSince`,
 * among the active households of the buildings in scope. The page is chosen on the narrow
 * index first; its details are read for that page only.
 */
export function worklist(db: Db, q: WorklistQuery): { rows: WorklistDbRow[]; total: number } {
  const where = [
    'r.month = ?',
    'r.score > 0',
    "h.status = 'attivo'",
    `(${q.scope.sql})`,
    `NOT EXISTS (SELECT 1 FROM repayment_plans p
                  WHERE p.household_id = r.household_id AND p.closed_on IS NULL AND p.status = 'in_regola')`,
  ];
  const params: unknown[] = [q.month, ...q.scope.params];
  if (q.band !== null) {
    where.push('r.band = ?');
    params.push(q.band);
  }
  if (q.contactedSince !== null) {
    where.push(
      'NOT EXISTS (SELECT 1 FROM interventions i WHERE i.household_id = r.household_id AND i.occurred_at >= ?)',
    );
    params.push(q.contactedSince);
  }
  const from = `FROM risk_scores r
       JOIN households h ON h.id = r.household_id
       JOIN units u ON u.id = h.unit_id
      WHERE ${where.join(' AND ')}`;
  const total = firstRow<{ n: number }>(db.raw, `SELECT count(*) AS n ${from}`, params)?.n ?? 0;
  const page = allRows<{ household_id: number; score: number; band: RiskBand; contributions: string }>(
    db.raw,
    `SELECT r.household_id, r.score, r.band, r.contributions ${from}
      ORDER BY r.band_rank DESC, r.score DESC, r.household_id
      LIMIT ? OFFSET ?`,
    [...params, q.pageSize, q.page * q.pageSize],
  );
  if (page.length === 0) return { rows: [], total };
  const details = new Map(
    allRows<Omit<WorklistDbRow, 'score' | 'band' | 'contributions'>>(
      db.raw,
      `SELECT h.id AS household_id, h.code,
              CASE WHEN m.id IS NULL THEN NULL ELSE m.surname || ' ' || m.first_name END AS reference_name,
              b.id AS building_id, b.address, u.staircase, u.floor, u.number,
              (SELECT s.balance_cents FROM arrears_statements s
                WHERE s.household_id = h.id ORDER BY s.period DESC LIMIT 1) AS balance_cents,
              (SELECT max(i.occurred_at) FROM interventions i WHERE i.household_id = h.id) AS last_contact_at,
              (SELECT p.status FROM repayment_plans p WHERE p.household_id = h.id AND p.closed_on IS NULL) AS plan_status
         FROM households h
         JOIN units u ON u.id = h.unit_id
         JOIN buildings b ON b.id = u.building_id
         LEFT JOIN members m ON m.id = h.reference_member_id
        WHERE h.id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(page.map((p) => p.household_id))],
    ).map((d) => [d.household_id, d]),
  );
  const rows = page.flatMap((p) => {
    const d = details.get(p.household_id);
    return d ? [{ ...d, score: p.score, band: p.band, contributions: p.contributions }] : [];
  });
  return { rows, total };
}
