import type { Db } from '../connection';
import type { LegalStageValue } from '../schema';
import { allRows, firstRow, prepared, runSql, unitLabel } from './registry-common';

/**
 * Queries of the rent-arrears import. Lookups take whole lists (as a JSON
 * array through json_each) so that matching a 10,000-row file costs a few
 * queries, not 10,000; writes are cached prepared statements, run by the
 * handler inside one transaction.
 */

const json = (values: readonly unknown[]) => JSON.stringify(values);

/**
 * Rows as arrays: on lists of thousands, better-sqlite3 builds arrays much
 * faster than objects. Each text here is used only in array mode.
 */
function allArrays(db: Db, text: string, params: unknown[] = []): unknown[][] {
  return prepared(db.raw, text)
    .raw(true)
    .all(...params) as unknown[][];
}

// ---------- matching ----------

/**
 * Above this many values, a lookup reads the whole (small) table once
 * instead of searching the index value by value: for a 10,000-row statement
 * a scan of the units costs a third of 10,000 index searches.
 */
const SCAN_ABOVE = 500;

/** Units by agency code (upper-case, trimmed), for the given codes (already upper-case and trimmed). */
export function unitsByAgencyCode(db: Db, codes: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  if (codes.length === 0) return found;
  if (codes.length > SCAN_ABOVE) {
    for (const [id, code] of allArrays(
      db,
      'SELECT id, agency_code FROM units WHERE agency_code IS NOT NULL',
    )) {
      found.set((code as string).trim().toUpperCase(), id as number);
    }
    return found;
  }
  const rows = allRows<{ id: number; code: string }>(
    db.raw,
    `SELECT id, upper(trim(agency_code)) AS code FROM units
      WHERE agency_code IN (SELECT value FROM json_each(?))`,
    [json(codes)],
  );
  for (const row of rows) found.set(row.code, row.id);
  // Codes stored with stray spaces escape the indexed lookup: look for the rest the slow way.
  const missing = codes.filter((code) => !found.has(code));
  if (missing.length > 0 && hasUntrimmedCodes(db)) {
    const slow = allRows<{ id: number; code: string }>(
      db.raw,
      `SELECT id, upper(trim(agency_code)) AS code FROM units
        WHERE agency_code IS NOT NULL AND agency_code <> trim(agency_code)
          AND upper(trim(agency_code)) IN (SELECT value FROM json_each(?))`,
      [json(missing)],
    );
    for (const row of slow) found.set(row.code, row.id);
  }
  return found;
}

function hasUntrimmedCodes(db: Db): boolean {
  return (
    firstRow(
      db.raw,
      'SELECT 1 FROM units WHERE agency_code IS NOT NULL AND agency_code <> trim(agency_code) LIMIT 1',
    ) !== undefined
  );
}

/** Unit codes linked by hand (unit_code_aliases), for the given codes. */
export function unitsByAlias(db: Db, codes: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  if (codes.length === 0) return found;
  const rows = allRows<{ code: string; unit_id: number }>(
    db.raw,
    `SELECT upper(code) AS code, unit_id FROM unit_code_aliases WHERE code IN (SELECT value FROM json_each(?))`,
    [json(codes)],
  );
  for (const row of rows) found.set(row.code, row.unit_id);
  return found;
}

/**
 * Active households (and their unit) of the members with these tax codes who
 * have not left. A tax code found in more than one household maps to all of
 * them: the caller treats it as no match.
 */
export function householdsByTaxCode(
  db: Db,
  taxCodes: readonly string[],
): Map<string, { householdId: number; unitId: number }[]> {
  const found = new Map<string, { householdId: number; unitId: number }[]>();
  if (taxCodes.length === 0) return found;
  const rows = allRows<{ tax_code: string; household_id: number; unit_id: number }>(
    db.raw,
    `SELECT DISTINCT m.tax_code, h.id AS household_id, h.unit_id
       FROM members m JOIN households h ON h.id = m.household_id
      WHERE m.tax_code IN (SELECT value FROM json_each(?))
        AND m.tax_code IS NOT NULL AND m.left_on IS NULL AND h.status = 'attivo'`,
    [json(taxCodes)],
  );
  for (const row of rows) {
    const list = found.get(row.tax_code) ?? [];
    list.push({ householdId: row.household_id, unitId: row.unit_id });
    found.set(row.tax_code, list);
  }
  return found;
}

/** The active household living in each of these units now (the lowest id if, against the rules, several). */
export function activeHouseholds(db: Db, unitIds: readonly number[]): Map<number, number> {
  const found = new Map<number, number>();
  if (unitIds.length === 0) return found;
  const rows =
    unitIds.length > SCAN_ABOVE
      ? allArrays(db, `SELECT unit_id, min(id) FROM households WHERE status = 'attivo' GROUP BY unit_id`)
      : allArrays(
          db,
          `SELECT unit_id, min(id) FROM households
            WHERE status = 'attivo' AND unit_id IN (SELECT value FROM json_each(?))
            GROUP BY unit_id`,
          [json(unitIds)],
        );
  for (const [unitId, id] of rows) found.set(unitId as number, id as number);
  return found;
}

export interface UnitDescription {
  label: string;
  address: string;
  agencyCode: string | null;
}

/** How the given units read to a person, with their building's address. */
export function describeUnits(db: Db, unitIds: readonly number[]): Map<number, UnitDescription> {
  const found = new Map<number, UnitDescription>();
  if (unitIds.length === 0) return found;
  const rows = allRows<{
    id: number;
    staircase: string;
    floor: number;
    number: string;
    agency_code: string | null;
    address: string;
  }>(
    db.raw,
    `SELECT u.id, u.staircase, u.floor, u.number, u.agency_code, b.address
       FROM units u JOIN buildings b ON b.id = u.building_id
      WHERE u.id IN (SELECT value FROM json_each(?))`,
    [json(unitIds)],
  );
  for (const row of rows) {
    found.set(row.id, {
      label: unitLabel(row.staircase, row.floor, row.number),
      address: row.address,
      agencyCode: row.agency_code,
    });
  }
  return found;
}

/** Pseudonymous codes (N-000123) of the given households. */
export function householdCodes(db: Db, householdIds: readonly number[]): Map<number, string> {
  const found = new Map<number, string>();
  if (householdIds.length === 0) return found;
  const rows = allRows<{ id: number; code: string }>(
    db.raw,
    'SELECT id, code FROM households WHERE id IN (SELECT value FROM json_each(?))',
    [json(householdIds)],
  );
  for (const row of rows) found.set(row.id, row.code);
  return found;
}

/** Existing units among the given ids. */
export function existingUnits(db: Db, unitIds: readonly number[]): Set<number> {
  if (unitIds.length === 0) return new Set();
  return new Set(
    allRows<{ id: number }>(db.raw, 'SELECT id FROM units WHERE id IN (SELECT value FROM json_each(?))', [
      json(unitIds),
    ]).map((row) => row.id),
  );
}

// ---------- statements ----------

/** The values of a statement that an import writes (and compares, to tell unchanged rows). */
export interface StatementValues {
  household_id: number | null;
  rent_cents: number | null;
  charges_cents: number | null;
  due_cents: number;
  paid_cents: number;
  balance_cents: number;
  months_unpaid: number | null;
  legal_stage: LegalStageValue | null;
  last_payment_date: string | null;
}

export interface StoredStatement extends StatementValues {
  unit_id: number;
  period: string;
  import_id: number;
}

const STATEMENT_COLUMNS = `household_id, rent_cents, charges_cents, due_cents, paid_cents, balance_cents,
  months_unpaid, legal_stage, last_payment_date, import_id, unit_id, period`;

/** A row of STATEMENT_COLUMNS read as an array. */
function toStored(row: unknown[]): StoredStatement {
  return {
    household_id: row[0] as number | null,
    rent_cents: row[1] as number | null,
    charges_cents: row[2] as number | null,
    due_cents: row[3] as number,
    paid_cents: row[4] as number,
    balance_cents: row[5] as number,
    months_unpaid: row[6] as number | null,
    legal_stage: row[7] as LegalStageValue | null,
    last_payment_date: row[8] as string | null,
    import_id: row[9] as number,
    unit_id: row[10] as number,
    period: row[11] as string,
  };
}

export const pairKey = (unitId: number, period: string) => `${unitId}|${period}`;

export function sameValues(a: StatementValues, b: StatementValues): boolean {
  return (
    a.household_id === b.household_id &&
    a.rent_cents === b.rent_cents &&
    a.charges_cents === b.charges_cents &&
    a.due_cents === b.due_cents &&
    a.paid_cents === b.paid_cents &&
    a.balance_cents === b.balance_cents &&
    a.months_unpaid === b.months_unpaid &&
    a.legal_stage === b.legal_stage &&
    a.last_payment_date === b.last_payment_date
  );
}

/** Stored statements of these units between two periods, by pairKey. */
export function storedStatements(
  db: Db,
  unitIds: readonly number[],
  periodMin: string,
  periodMax: string,
): Map<string, StoredStatement> {
  const found = new Map<string, StoredStatement>();
  if (unitIds.length === 0) return found;
  // Many units: every statement of those months (a few extra rows cost less than the index searches).
  const rows =
    unitIds.length > SCAN_ABOVE
      ? allArrays(db, `SELECT ${STATEMENT_COLUMNS} FROM arrears_statements WHERE period BETWEEN ? AND ?`, [
          periodMin,
          periodMax,
        ])
      : allArrays(
          db,
          `SELECT ${STATEMENT_COLUMNS} FROM arrears_statements
            WHERE unit_id IN (SELECT value FROM json_each(?)) AND period BETWEEN ? AND ?`,
          [json(unitIds), periodMin, periodMax],
        );
  for (const row of rows) {
    const stored = toStored(row);
    found.set(pairKey(stored.unit_id, stored.period), stored);
  }
  return found;
}

function valueParams(values: StatementValues): unknown[] {
  return [
    values.household_id,
    values.rent_cents,
    values.charges_cents,
    values.due_cents,
    values.paid_cents,
    values.balance_cents,
    values.months_unpaid,
    values.legal_stage,
    values.last_payment_date,
  ];
}

export function insertStatement(
  db: Db,
  unitId: number,
  period: string,
  values: StatementValues,
  importId: number,
): void {
  prepared(
    db.raw,
    `INSERT INTO arrears_statements (household_id, rent_cents, charges_cents, due_cents, paid_cents, balance_cents,
       months_unpaid, legal_stage, last_payment_date, unit_id, period, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...valueParams(values), unitId, period, importId);
}

export function updateStatement(
  db: Db,
  unitId: number,
  period: string,
  values: StatementValues,
  importId: number,
): void {
  prepared(
    db.raw,
    `UPDATE arrears_statements SET household_id = ?, rent_cents = ?, charges_cents = ?, due_cents = ?, paid_cents = ?,
       balance_cents = ?, months_unpaid = ?, legal_stage = ?, last_payment_date = ?, import_id = ?
     WHERE unit_id = ? AND period = ?`,
  ).run(...valueParams(values), importId, unitId, period);
}

export function deleteStatement(db: Db, unitId: number, period: string): void {
  prepared(db.raw, 'DELETE FROM arrears_statements WHERE unit_id = ? AND period = ?').run(unitId, period);
}

/** Records what an import replaced at (unit, period); `previous` null when it added the statement. */
export function insertStatementChange(
  db: Db,
  importId: number,
  unitId: number,
  period: string,
  previous: StoredStatement | null,
): void {
  prepared(
    db.raw,
    'INSERT INTO arrears_statement_changes (import_id, unit_id, period, previous) VALUES (?, ?, ?, ?)',
  ).run(
    importId,
    unitId,
    period,
    previous === null ? null : JSON.stringify([...valueParams(previous), previous.import_id]),
  );
}

/** What an import replaced: the previous values and import of each (unit, period), null where it added. */
export function statementChanges(
  db: Db,
  importId: number,
): { unit_id: number; period: string; previous: (StatementValues & { import_id: number }) | null }[] {
  return allRows<{ unit_id: number; period: string; previous: string | null }>(
    db.raw,
    'SELECT unit_id, period, previous FROM arrears_statement_changes WHERE import_id = ?',
    [importId],
  ).map((row) => {
    if (row.previous === null) return { unit_id: row.unit_id, period: row.period, previous: null };
    const stored = toStored([...(JSON.parse(row.previous) as unknown[]), row.unit_id, row.period]);
    return { unit_id: row.unit_id, period: row.period, previous: stored };
  });
}

/** The households of the statements an import wrote, as they are stored now. */
export function householdsOfImportedStatements(db: Db, importId: number): number[] {
  return db.raw
    .prepare(
      `SELECT DISTINCT s.household_id FROM arrears_statement_changes c
         JOIN arrears_statements s ON s.unit_id = c.unit_id AND s.period = c.period
        WHERE c.import_id = ? AND s.household_id IS NOT NULL`,
    )
    .pluck()
    .all(importId) as number[];
}

/** Forgets what an undone import replaced (it has been put back). */
export function deleteChanges(db: Db, importId: number): void {
  prepared(db.raw, 'DELETE FROM arrears_statement_changes WHERE import_id = ?').run(importId);
  prepared(db.raw, 'DELETE FROM arrears_stage_changes WHERE import_id = ?').run(importId);
}

// ---------- aliases ----------

/** Links a sender's unit code to a unit (replacing an earlier link of the same code). */
export function saveAlias(db: Db, code: string, unitId: number, now: string, by: number): void {
  prepared(
    db.raw,
    `INSERT INTO unit_code_aliases (code, unit_id, created_at, created_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET unit_id = excluded.unit_id, created_at = excluded.created_at,
       created_by = excluded.created_by`,
  ).run(code, unitId, now, by);
}

// ---------- legal stage per household ----------

export interface HouseholdArrearsRow {
  household_id: number;
  legal_stage: LegalStageValue;
  legal_stage_set_at: string;
  legal_stage_set_by: number | null;
  legal_stage_import_id: number | null;
  legal_stage_period: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export function getHouseholdArrears(db: Db, householdId: number): HouseholdArrearsRow | undefined {
  return firstRow<HouseholdArrearsRow>(db.raw, 'SELECT * FROM household_arrears WHERE household_id = ?', [
    householdId,
  ]);
}

/** Writes the whole row (insert or replace): used by imports and by their undo. */
export function putHouseholdArrears(db: Db, row: HouseholdArrearsRow): void {
  prepared(
    db.raw,
    `INSERT INTO household_arrears (household_id, legal_stage, legal_stage_set_at, legal_stage_set_by,
       legal_stage_import_id, legal_stage_period, created_at, created_by, updated_at)
     VALUES (@household_id, @legal_stage, @legal_stage_set_at, @legal_stage_set_by, @legal_stage_import_id,
       @legal_stage_period, @created_at, @created_by, @updated_at)
     ON CONFLICT (household_id) DO UPDATE SET legal_stage = excluded.legal_stage,
       legal_stage_set_at = excluded.legal_stage_set_at, legal_stage_set_by = excluded.legal_stage_set_by,
       legal_stage_import_id = excluded.legal_stage_import_id, legal_stage_period = excluded.legal_stage_period,
       created_at = excluded.created_at, created_by = excluded.created_by, updated_at = excluded.updated_at`,
  ).run(row);
}

export function deleteHouseholdArrears(db: Db, householdId: number): void {
  prepared(db.raw, 'DELETE FROM household_arrears WHERE household_id = ?').run(householdId);
}

export function insertStageChange(
  db: Db,
  importId: number,
  householdId: number,
  previous: HouseholdArrearsRow | null,
): void {
  prepared(
    db.raw,
    'INSERT INTO arrears_stage_changes (import_id, household_id, previous) VALUES (?, ?, ?)',
  ).run(importId, householdId, previous === null ? null : JSON.stringify(previous));
}

export function stageChanges(
  db: Db,
  importId: number,
): { household_id: number; previous: HouseholdArrearsRow | null }[] {
  return allRows<{ household_id: number; previous: string | null }>(
    db.raw,
    'SELECT household_id, previous FROM arrears_stage_changes WHERE import_id = ?',
    [importId],
  ).map((row) => ({
    household_id: row.household_id,
    previous: row.previous === null ? null : (JSON.parse(row.previous) as HouseholdArrearsRow),
  }));
}

// ---------- the import log ----------

export interface ImportCounts {
  rows_read: number;
  rows_written: number;
  rows_unchanged: number;
  rows_skipped: number;
  rows_error: number;
}

export function insertImport(
  db: Db,
  values: ImportCounts & {
    file_name: string;
    sha256: string;
    profile_id: number | null;
    imported_at: string;
    imported_by: number;
    period_min: string | null;
    period_max: string | null;
  },
): number {
  return runSql(
    db.raw,
    `INSERT INTO arrears_imports (file_name, sha256, profile_id, imported_at, imported_by, rows_read, rows_written,
       rows_unchanged, rows_skipped, rows_error, period_min, period_max)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      values.file_name,
      values.sha256,
      values.profile_id,
      values.imported_at,
      values.imported_by,
      values.rows_read,
      values.rows_written,
      values.rows_unchanged,
      values.rows_skipped,
      values.rows_error,
      values.period_min,
      values.period_max,
    ],
  );
}

export interface ImportLogRow extends ImportCounts {
  id: number;
  file_name: string;
  sha256: string;
  profile_id: number | null;
  profile_name: string | null;
  imported_at: string;
  imported_by: number;
  imported_by_name: string;
  period_min: string | null;
  period_max: string | null;
  undone_at: string | null;
  undone_by: number | null;
  undone_by_name: string | null;
}

const SELECT_IMPORTS = `
  SELECT i.id, i.file_name, i.sha256, i.profile_id, p.name AS profile_name, i.imported_at, i.imported_by,
         o.full_name AS imported_by_name, i.rows_read, i.rows_written, i.rows_unchanged, i.rows_skipped,
         i.rows_error, i.period_min, i.period_max, i.undone_at, i.undone_by, u.full_name AS undone_by_name
    FROM arrears_imports i
    JOIN operators o ON o.id = i.imported_by
    LEFT JOIN operators u ON u.id = i.undone_by
    LEFT JOIN arrears_profiles p ON p.id = i.profile_id`;

export function getImport(db: Db, id: number): ImportLogRow | undefined {
  return firstRow<ImportLogRow>(db.raw, `${SELECT_IMPORTS} WHERE i.id = ?`, [id]);
}

/** The newest import of a file with this SHA-256 that is not undone. */
export function activeImportOfFile(db: Db, sha256: string): ImportLogRow | undefined {
  return firstRow<ImportLogRow>(
    db.raw,
    `${SELECT_IMPORTS} WHERE i.sha256 = ? AND i.undone_at IS NULL ORDER BY i.id DESC LIMIT 1`,
    [sha256],
  );
}

export function listImports(
  db: Db,
  options: { page: number; pageSize: number; sortDir: 'asc' | 'desc' },
): { rows: ImportLogRow[]; total: number } {
  const direction = options.sortDir === 'asc' ? 'ASC' : 'DESC';
  const rows = allRows<ImportLogRow>(
    db.raw,
    `${SELECT_IMPORTS} ORDER BY i.id ${direction} LIMIT ? OFFSET ?`,
    [options.pageSize, options.page * options.pageSize],
  );
  const total = firstRow<{ n: number }>(db.raw, 'SELECT count(*) AS n FROM arrears_imports')?.n ?? 0;
  return { rows, total };
}

/**
 * The first later import, not undone, that changed a (unit, period) this
 * import changed too: while there is one, this import cannot be undone. A
 * statement carries the import that wrote it last (undo puts the earlier one
 * back), so a pair this import changed that now carries another import was
 * written later by that one.
 */
export function laterImportOnSamePairs(
  db: Db,
  importId: number,
): { id: number; imported_at: string; imported_by_name: string } | undefined {
  return firstRow(
    db.raw,
    `SELECT i.id, i.imported_at, o.full_name AS imported_by_name
       FROM arrears_statement_changes c
       JOIN arrears_statements s ON s.unit_id = c.unit_id AND s.period = c.period AND s.import_id <> c.import_id
       JOIN arrears_imports i ON i.id = s.import_id
       JOIN operators o ON o.id = i.imported_by
      WHERE c.import_id = ?
      ORDER BY i.id
      LIMIT 1`,
    [importId],
  );
}

export function markImportUndone(db: Db, importId: number, at: string, by: number): void {
  prepared(db.raw, 'UPDATE arrears_imports SET undone_at = ?, undone_by = ? WHERE id = ?').run(
    at,
    by,
    importId,
  );
}
