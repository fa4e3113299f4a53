import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// GDPR duties: the privacy notice (informativa) given and signed per person,
// the privacy settings (retention, the record of processing), the households
// anonymised after retention, and indexes that let the access log be filtered.
export async function up(db: Kysely<any>): Promise<void> {
  const date = (column: string) =>
    `${column} TEXT CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;
  const statements = [
    `CREATE TABLE member_privacy (
      member_id INTEGER PRIMARY KEY REFERENCES members(id),
      ${date('given_on')},
      ${date('signed_on')},
      version TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    // One row (id = 1) holding the settings as JSON; they hold no personal data.
    `CREATE TABLE privacy_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      data TEXT NOT NULL CHECK (json_valid(data)),
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    `CREATE TABLE household_anonymised (
      household_id INTEGER PRIMARY KEY REFERENCES households(id),
      anonymised_at TEXT NOT NULL,
      anonymised_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    `CREATE INDEX audit_log_record ON audit_log (record_type, record_id)`,
    `CREATE INDEX audit_log_action ON audit_log (action, id)`,
    `CREATE INDEX audit_log_at ON audit_log (at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
