import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// The export register: every file written for the Comune (who, when, what, how many rows,
// the SHA-256 of the bytes), so the cooperative can say later exactly what left it.
export async function up(db: Kysely<any>): Promise<void> {
  const date = (column: string) =>
    `${column} TEXT NOT NULL CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;
  const statements = [
    `CREATE TABLE export_register (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      preset TEXT NOT NULL CHECK (preset IN ('interventi', 'riepilogo_mensile', 'morosita', 'attivita')),
      format TEXT NOT NULL CHECK (format IN ('excel', 'tecnico')),
      period_kind TEXT NOT NULL,
      ${date('period_from')},
      ${date('period_to')},
      period_label TEXT NOT NULL,
      -- JSON {areaIds, buildingIds}; the scope in words is kept too, as it read that day.
      filters TEXT NOT NULL CHECK (json_valid(filters)),
      scope TEXT NOT NULL,
      layout_version INTEGER NOT NULL,
      rows INTEGER NOT NULL CHECK (rows >= 0),
      bytes INTEGER NOT NULL CHECK (bytes >= 0),
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      CHECK (period_from <= period_to)
    ) STRICT`,
    `CREATE INDEX export_register_created ON export_register (created_at, id)`,
    // The Interventi export reads each intervention's referrals.
    `CREATE INDEX referrals_intervention ON referrals (intervention_id) WHERE intervention_id IS NOT NULL`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
