import { expect } from 'vitest';
import type { Db } from '../../db/connection';
import { addToPeriod } from '../../db/queries/arrears-facts';
import type { ApiError, ApiResult } from '../../shared/contract';
import type { LegalStage } from '../../shared/risk/score';
import { localDay } from './casework-fixtures';

/**
 * Arrears fixtures on top of the casework world (tests/unit/casework-fixtures.ts): monthly
 * statements written straight into arrears_statements, as an import would leave them, and
 * the dates the tests reason about, relative to the real local today.
 */

/** This month, `YYYY-MM`, on this machine's calendar. */
export const thisMonth = () => localDay().slice(0, 7);

export interface StatementSpec {
  period: string;
  due: number;
  paid: number;
  balance: number;
  monthsUnpaid?: number | null;
  legalStage?: LegalStage | null;
  lastPaymentDate?: string | null;
}

/**
 * `paidMonths` months paid in full, then `unpaidMonths` with nothing paid, the last one being
 * this month (or `endPeriod`). The balance grows by the due of each unpaid month.
 */
export function arrearsRun(options: {
  due: number;
  paidMonths: number;
  unpaidMonths: number;
  endPeriod?: string;
  /** Paid beyond the due in each paid month (a plan installment paid with the rent). */
  extraPaid?: number;
}): StatementSpec[] {
  const total = options.paidMonths + options.unpaidMonths;
  const end = options.endPeriod ?? thisMonth();
  const rows: StatementSpec[] = [];
  let balance = 0;
  for (let i = 0; i < total; i += 1) {
    const period = addToPeriod(end, i - total + 1);
    const paid = i < options.paidMonths ? options.due + (options.extraPaid ?? 0) : 0;
    balance += options.due - paid;
    rows.push({ period, due: options.due, paid, balance });
  }
  return rows;
}

/** Writes statements for the household's current unit, under one import row. */
export function insertStatements(
  db: Db,
  householdId: number,
  importedBy: number,
  rows: StatementSpec[],
): void {
  const unitId = db.raw
    .prepare('SELECT unit_id FROM households WHERE id = ?')
    .pluck()
    .get(householdId) as number;
  const importId = Number(
    db.raw
      .prepare(
        `INSERT INTO arrears_imports (file_name, sha256, imported_at, imported_by, rows_read, rows_written,
                                      rows_unchanged, rows_skipped, rows_error, period_min, period_max)
         VALUES ('estratto.csv', ?, ?, ?, ?, ?, 0, 0, 0, NULL, NULL)`,
      )
      .run('0'.repeat(64), new Date().toISOString(), importedBy, rows.length, rows.length).lastInsertRowid,
  );
  const insert = db.raw.prepare(
    `INSERT INTO arrears_statements (unit_id, household_id, period, due_cents, paid_cents, balance_cents,
                                     months_unpaid, legal_stage, last_payment_date, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, period) DO UPDATE SET household_id = excluded.household_id, due_cents = excluded.due_cents,
       paid_cents = excluded.paid_cents, balance_cents = excluded.balance_cents, months_unpaid = excluded.months_unpaid,
       legal_stage = excluded.legal_stage, last_payment_date = excluded.last_payment_date, import_id = excluded.import_id`,
  );
  db.raw.transaction(() => {
    for (const r of rows) {
      insert.run(
        unitId,
        householdId,
        r.period,
        r.due,
        r.paid,
        r.balance,
        r.monthsUnpaid ?? null,
        r.legalStage ?? null,
        r.lastPaymentDate ?? null,
        importId,
      );
    }
  })();
}

/** The error of a refused call, failing the test when the call succeeded. */
export function errorOf(result: ApiResult<unknown>): ApiError {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}
