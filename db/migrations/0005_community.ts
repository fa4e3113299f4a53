import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// Community work: activities (building meetings, workshops, parties…) on one or
// more buildings or on a whole area, with attendance by household, guests not in
// the registry and named people from outside; weekly series; resident groups with
// their buildings and referents. Activity types are their own editable list: the
// vocabulary table's kinds are fixed by a CHECK that a STRICT table cannot change.
export async function up(db: Kysely<any>): Promise<void> {
  const audit =
    'created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by INTEGER REFERENCES operators(id)';
  const date = (column: string, nullable = false) =>
    `${column} TEXT ${nullable ? '' : 'NOT NULL '}CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;
  const time = (column: string) => `${column} TEXT NOT NULL CHECK (${column} GLOB '[0-2][0-9]:[0-5][0-9]')`;
  const statements = [
    `CREATE TABLE activity_types (
      id INTEGER PRIMARY KEY,
      label TEXT NOT NULL COLLATE NOCASE UNIQUE,
      position INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${audit}
    ) STRICT`,
    `CREATE TABLE resident_groups (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      purpose TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('attivo', 'sospeso', 'concluso')),
      ${date('started_on')},
      ${audit}
    ) STRICT`,
    `CREATE TABLE group_buildings (
      group_id INTEGER NOT NULL REFERENCES resident_groups(id),
      building_id INTEGER NOT NULL REFERENCES buildings(id),
      PRIMARY KEY (group_id, building_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX group_buildings_building ON group_buildings (building_id, group_id)`,
    `CREATE TABLE group_referents (
      group_id INTEGER NOT NULL REFERENCES resident_groups(id),
      member_id INTEGER NOT NULL REFERENCES members(id),
      PRIMARY KEY (group_id, member_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX group_referents_member ON group_referents (member_id)`,
    // A weekly series: its occurrences are ordinary activities sharing series_id.
    `CREATE TABLE activity_series (
      id INTEGER PRIMARY KEY,
      every_weeks INTEGER NOT NULL CHECK (every_weeks BETWEEN 1 AND 4),
      ${date('until_on')},
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    // On buildings (activity_buildings) or on a whole area (area_id: its buildings, whichever they are).
    `CREATE TABLE activities (
      id INTEGER PRIMARY KEY,
      series_id INTEGER REFERENCES activity_series(id),
      type_id INTEGER NOT NULL REFERENCES activity_types(id),
      title TEXT NOT NULL,
      ${date('held_on')},
      ${time('starts_at')},
      ${time('ends_at')},
      place TEXT NOT NULL DEFAULT '',
      promoter TEXT NOT NULL CHECK (promoter IN ('tutor', 'gruppo', 'servizi', 'ente_gestore', 'associazione')),
      group_id INTEGER REFERENCES resident_groups(id),
      area_id INTEGER REFERENCES areas(id),
      description TEXT NOT NULL DEFAULT '',
      outcome TEXT NOT NULL DEFAULT '',
      guests INTEGER NOT NULL DEFAULT 0 CHECK (guests >= 0),
      ${audit},
      CHECK (ends_at > starts_at)
    ) STRICT`,
    `CREATE INDEX activities_held ON activities (held_on, id)`,
    `CREATE INDEX activities_series ON activities (series_id, held_on) WHERE series_id IS NOT NULL`,
    `CREATE INDEX activities_group ON activities (group_id, held_on) WHERE group_id IS NOT NULL`,
    `CREATE INDEX activities_area ON activities (area_id, held_on) WHERE area_id IS NOT NULL`,
    `CREATE INDEX activities_type ON activities (type_id)`,
    `CREATE TABLE activity_buildings (
      activity_id INTEGER NOT NULL REFERENCES activities(id),
      building_id INTEGER NOT NULL REFERENCES buildings(id),
      PRIMARY KEY (activity_id, building_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX activity_buildings_building ON activity_buildings (building_id, activity_id)`,
    `CREATE TABLE activity_attendance (
      activity_id INTEGER NOT NULL REFERENCES activities(id),
      household_id INTEGER NOT NULL REFERENCES households(id),
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id),
      PRIMARY KEY (activity_id, household_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX activity_attendance_household ON activity_attendance (household_id, activity_id)`,
    // People from outside the registry, named on the attendance sheet.
    `CREATE TABLE activity_outsiders (
      activity_id INTEGER NOT NULL REFERENCES activities(id),
      seq INTEGER NOT NULL CHECK (seq >= 1),
      name TEXT NOT NULL,
      PRIMARY KEY (activity_id, seq)
    ) STRICT, WITHOUT ROWID`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);

  const now = new Date().toISOString();
  const types = [
    'incontro di caseggiato / assemblea',
    'laboratorio',
    'festa o evento',
    'cura degli spazi comuni',
    'gruppo autopromosso',
    'sportello itinerante',
    'altro',
  ];
  for (const [position, label] of types.entries()) {
    await sql`INSERT INTO activity_types (label, position, active, created_at, updated_at, created_by)
              VALUES (${label}, ${position}, 1, ${now}, ${now}, NULL)`.execute(db);
  }
}
