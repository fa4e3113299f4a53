import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// Rent arrears (morosità) as imported from the housing office's statements:
// column-mapping profiles per sender, the log of imports with what each one
// replaced (for undo), the statements keyed by (unit, period), the unit codes
// linked by hand, and the current legal stage per household.
export async function up(db: Kysely<any>): Promise<void> {
  const stages = `'nessuna', 'sollecito', 'diffida', 'decreto_ingiuntivo', 'sfratto_convalidato', 'esecuzione'`;
  const period = (column: string) =>
    `${column} TEXT NOT NULL CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND substr(${column}, 6, 2) BETWEEN '01' AND '12')`;
  const statements = [
    // mapping: JSON object, statement field -> header NAME (not index: a profile survives reordered columns).
    `CREATE TABLE arrears_profiles (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      mapping TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'object'),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id),
      updated_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    // AUTOINCREMENT: "a later import" is a larger id, so ids are never reused.
    `CREATE TABLE arrears_imports (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      profile_id INTEGER REFERENCES arrears_profiles(id) ON DELETE SET NULL,
      imported_at TEXT NOT NULL,
      imported_by INTEGER NOT NULL REFERENCES operators(id),
      rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
      rows_written INTEGER NOT NULL CHECK (rows_written >= 0),
      rows_unchanged INTEGER NOT NULL CHECK (rows_unchanged >= 0),
      rows_skipped INTEGER NOT NULL CHECK (rows_skipped >= 0),
      rows_error INTEGER NOT NULL CHECK (rows_error >= 0),
      period_min TEXT,
      period_max TEXT,
      undone_at TEXT,
      undone_by INTEGER REFERENCES operators(id),
      CHECK ((undone_at IS NULL) = (undone_by IS NULL))
    ) STRICT`,
    `CREATE INDEX arrears_imports_sha256 ON arrears_imports (sha256)`,
    `CREATE TABLE arrears_statements (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      household_id INTEGER REFERENCES households(id),
      ${period('period')},
      rent_cents INTEGER,
      charges_cents INTEGER,
      due_cents INTEGER NOT NULL,
      paid_cents INTEGER NOT NULL,
      balance_cents INTEGER NOT NULL,
      months_unpaid INTEGER CHECK (months_unpaid IS NULL OR months_unpaid >= 0),
      legal_stage TEXT CHECK (legal_stage IS NULL OR legal_stage IN (${stages})),
      last_payment_date TEXT,
      import_id INTEGER NOT NULL REFERENCES arrears_imports(id),
      UNIQUE (unit_id, period)
    ) STRICT`,
    `CREATE INDEX arrears_statements_household ON arrears_statements (household_id, period)`,
    `CREATE INDEX arrears_statements_period ON arrears_statements (period, unit_id)`,
    // What each import replaced, for undo: previous = the statement as it was, as a JSON array
    // [household_id, rent_cents, charges_cents, due_cents, paid_cents, balance_cents, months_unpaid,
    //  legal_stage, last_payment_date, import_id] (compact: an import writes thousands), NULL when the
    // import added it. Whether a later import wrote the same (unit, period) is read from
    // arrears_statements.import_id, so this table needs no second index. Rows go when the import is undone.
    `CREATE TABLE arrears_statement_changes (
      import_id INTEGER NOT NULL REFERENCES arrears_imports(id),
      unit_id INTEGER NOT NULL REFERENCES units(id),
      period TEXT NOT NULL,
      previous TEXT CHECK (previous IS NULL OR json_valid(previous)),
      PRIMARY KEY (import_id, unit_id, period)
    ) STRICT, WITHOUT ROWID`,
    // Unit codes of a sender linked by hand to a unit, stored upper-case: the next import matches them.
    `CREATE TABLE unit_code_aliases (
      code TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX unit_code_aliases_unit ON unit_code_aliases (unit_id)`,
    // The current legal stage per household. set_by NULL = set by an import (import_id, period say which).
    `CREATE TABLE household_arrears (
      household_id INTEGER PRIMARY KEY REFERENCES households(id),
      legal_stage TEXT NOT NULL CHECK (legal_stage IN (${stages})),
      legal_stage_set_at TEXT NOT NULL,
      legal_stage_set_by INTEGER REFERENCES operators(id),
      legal_stage_import_id INTEGER REFERENCES arrears_imports(id),
      legal_stage_period TEXT,
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id),
      updated_at TEXT NOT NULL
    ) STRICT`,
    // What each import did to household_arrears: previous row as JSON, NULL when it added the row.
    `CREATE TABLE arrears_stage_changes (
      import_id INTEGER NOT NULL REFERENCES arrears_imports(id),
      household_id INTEGER NOT NULL REFERENCES households(id),
      previous TEXT CHECK (previous IS NULL OR json_valid(previous)),
      PRIMARY KEY (import_id, household_id)
    ) STRICT, WITHOUT ROWID`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
