import type { LegalStage } from '../../shared/risk/score';
import type { Db } from '../connection';
import { allRows } from './registry-common';

/**
 * What the risk score and the household's arrears panel read from a household's monthly
 * statements, computed in SQL for many households at once (a full recompute reads 10,000
 * households: the statements stay in SQLite and only one row per household reaches
 * JavaScript). The rules:
 *
 * - the latest statement is the one with the latest period (up to a ceiling, for history);
 * - months unpaid: the latest statement's own column when the file gave it; otherwise the
 *   statements after the latest one with a payment (or with nothing due): a partial payment
 *   ends the run, as docs/risk-score.md says ("months with no payment");
 * - usual monthly due: the median of the last three dues above zero (one odd month, a
 *   conguaglio, does not change the unit of the "months of rent");
 * - balance three months before: the latest statement of three or more months before;
 * - last payment: the latest statement's date column when present, else the 15th of the
 *   latest month with a payment (a statement says the month, not the day: the middle of the
 *   month is wrong by 15 days at most).
 */
export interface StatementFacts {
  latestPeriod: string | null;
  balanceCents: number;
  monthsUnpaid: number;
  monthlyDueCents: number | null;
  balanceThreeMonthsAgoCents: number | null;
  lastPaymentDate: string | null;
  lastPaymentSource: 'estratto' | 'stimata' | null;
  /** History only: the latest legal stage written in a statement up to the ceiling. */
  statementLegalStage: LegalStage | null;
}

/** `YYYY-MM` as a month number, for differences between periods. */
export function monthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/** `YYYY-MM` moved by `months`. */
export function addToPeriod(period: string, months: number): string {
  const index = monthIndex(period) + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  return Math.round(day(to) - day(from));
}

/** Median of the values (for two, their mean rounded down); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? null;
  return Math.floor(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

/** The SQL condition limiting `column` to a JSON list of household ids, or every household. */
export function householdCondition(ids: readonly number[] | 'all', column: string): string {
  return ids === 'all' ? '1' : `${column} IN (SELECT value FROM json_each(@ids))`;
}

/**
 * Per-household statement columns for a query over `households h` that has joined the latest
 * statement as `l` (see LATEST_STATEMENT_JOIN). @ceiling bounds the periods.
 */
export const STATEMENT_FACT_COLUMNS = `
  l.period AS latest_period, l.balance_cents, l.months_unpaid, l.last_payment_date,
  (SELECT group_concat(d.due_cents) FROM (
     SELECT s.due_cents FROM arrears_statements s
      WHERE s.household_id = h.id AND s.period <= l.period AND s.due_cents > 0
      ORDER BY s.period DESC LIMIT 3) d) AS last_dues,
  (SELECT s.balance_cents FROM arrears_statements s
    WHERE s.household_id = h.id AND s.period <= strftime('%Y-%m', l.period || '-01', '-3 months')
    ORDER BY s.period DESC LIMIT 1) AS balance_before,
  CASE WHEN l.id IS NOT NULL AND l.last_payment_date IS NULL THEN
    (SELECT s.period FROM arrears_statements s
      WHERE s.household_id = h.id AND s.period <= l.period AND s.paid_cents > 0
      ORDER BY s.period DESC LIMIT 1) END AS last_paid_period,
  CASE WHEN l.id IS NOT NULL AND l.months_unpaid IS NULL THEN
    (SELECT count(*) FROM arrears_statements s
      WHERE s.household_id = h.id AND s.period <= l.period
        AND s.period > coalesce((SELECT b.period FROM arrears_statements b
                                  WHERE b.household_id = h.id AND b.period <= l.period
                                    AND (b.paid_cents > 0 OR b.due_cents <= 0)
                                  ORDER BY b.period DESC LIMIT 1), '')) END AS unpaid_run`;

/** The latest statement (up to @ceiling) of household `h`, as `l`. */
export const LATEST_STATEMENT_JOIN = `
  LEFT JOIN arrears_statements l ON l.id = (
    SELECT t.id FROM arrears_statements t
     WHERE t.household_id = h.id AND t.period <= @ceiling ORDER BY t.period DESC LIMIT 1)`;

/** The latest legal stage written in a statement up to @ceiling (for history). */
export const STATEMENT_STAGE_COLUMN = `
  (SELECT s.legal_stage FROM arrears_statements s
    WHERE s.household_id = h.id AND s.period <= @ceiling AND s.legal_stage IS NOT NULL
    ORDER BY s.period DESC LIMIT 1) AS statement_stage`;

export interface StatementFactColumns {
  latest_period: string | null;
  balance_cents: number | null;
  months_unpaid: number | null;
  last_payment_date: string | null;
  last_dues: string | null;
  balance_before: number | null;
  last_paid_period: string | null;
  unpaid_run: number | null;
  statement_stage?: LegalStage | null;
}

export function factsFromColumns(row: StatementFactColumns): StatementFacts {
  if (row.latest_period === null) {
    return {
      latestPeriod: null,
      balanceCents: 0,
      monthsUnpaid: 0,
      monthlyDueCents: null,
      balanceThreeMonthsAgoCents: null,
      lastPaymentDate: null,
      lastPaymentSource: null,
      statementLegalStage: row.statement_stage ?? null,
    };
  }
  const dues = row.last_dues === null ? [] : row.last_dues.split(',').map(Number);
  let lastPaymentDate: string | null = row.last_payment_date;
  let lastPaymentSource: StatementFacts['lastPaymentSource'] = lastPaymentDate === null ? null : 'estratto';
  if (lastPaymentDate === null && row.last_paid_period !== null) {
    lastPaymentDate = `${row.last_paid_period}-15`;
    lastPaymentSource = 'stimata';
  }
  return {
    latestPeriod: row.latest_period,
    balanceCents: row.balance_cents ?? 0,
    monthsUnpaid: row.months_unpaid ?? row.unpaid_run ?? 0,
    monthlyDueCents: median(dues),
    balanceThreeMonthsAgoCents: row.balance_before,
    lastPaymentDate,
    lastPaymentSource,
    statementLegalStage: row.statement_stage ?? null,
  };
}

/** The facts of one household's latest statements (no ceiling). */
export function householdStatementFacts(db: Db, householdId: number): StatementFacts {
  const [row] = allRows<StatementFactColumns>(
    db.raw,
    `SELECT ${STATEMENT_FACT_COLUMNS} FROM households h ${LATEST_STATEMENT_JOIN} WHERE h.id = @id`,
    [{ id: householdId, ceiling: '9999-99' }],
  );
  return factsFromColumns(
    row ?? {
      latest_period: null,
      balance_cents: null,
      months_unpaid: null,
      last_payment_date: null,
      last_dues: null,
      balance_before: null,
      last_paid_period: null,
      unpaid_run: null,
    },
  );
}

/**
 * First day of the first month of the current run of statements with something owed (rows
 * oldest first); null when nothing is owed now. For the morosità incolpevole check.
 */
export function arrearsStartDate(rows: readonly { period: string; balance_cents: number }[]): string | null {
  let start: string | null = null;
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    const row = rows[i];
    if (row === undefined || row.balance_cents <= 0) break;
    start = row.period;
  }
  return start === null ? null : `${start}-01`;
}
