import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE operators (
      id INTEGER PRIMARY KEY,
      full_name TEXT NOT NULL,
      username TEXT NOT NULL COLLATE NOCASE UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('operatore', 'coordinatore', 'amministratore')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
      last_login_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id)
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES operators(id)
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      operator_id INTEGER,
      action TEXT NOT NULL,
      record_type TEXT,
      record_id TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX audit_log_operator ON audit_log (operator_id, at)`.execute(db);
}
