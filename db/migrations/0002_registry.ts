import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// The registry: areas, buildings, housing units, households and their members,
// moves, editable lists, interventions, referrals, follow-ups and the search index.
export async function up(db: Kysely<any>): Promise<void> {
  const audit =
    'created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by INTEGER REFERENCES operators(id)';
  const statements = [
    `CREATE TABLE areas (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${audit}
    ) STRICT`,
    `CREATE TABLE buildings (
      id INTEGER PRIMARY KEY,
      area_id INTEGER NOT NULL REFERENCES areas(id),
      address TEXT NOT NULL,
      city TEXT NOT NULL,
      agency_code TEXT COLLATE NOCASE UNIQUE,
      owner TEXT NOT NULL CHECK (owner IN ('ALER', 'Comune', 'altro')),
      declared_units INTEGER CHECK (declared_units IS NULL OR declared_units >= 0),
      notes TEXT NOT NULL DEFAULT '',
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${audit}
    ) STRICT`,
    `CREATE INDEX buildings_area ON buildings (area_id)`,
    `CREATE INDEX buildings_address ON buildings (address COLLATE NOCASE)`,
    `CREATE TABLE building_operators (
      building_id INTEGER NOT NULL REFERENCES buildings(id),
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      PRIMARY KEY (building_id, operator_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX building_operators_operator ON building_operators (operator_id, building_id)`,
    `CREATE TABLE units (
      id INTEGER PRIMARY KEY,
      building_id INTEGER NOT NULL REFERENCES buildings(id),
      staircase TEXT NOT NULL DEFAULT '',
      floor INTEGER NOT NULL,
      number TEXT NOT NULL,
      agency_code TEXT COLLATE NOCASE UNIQUE,
      rooms INTEGER CHECK (rooms IS NULL OR rooms > 0),
      size_sqm INTEGER CHECK (size_sqm IS NULL OR size_sqm > 0),
      ${audit},
      UNIQUE (building_id, staircase, floor, number)
    ) STRICT`,
    // AUTOINCREMENT: a household id, and so its pseudonymous code, is never reused.
    `CREATE TABLE households (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      code TEXT NOT NULL UNIQUE,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      since TEXT NOT NULL,
      reference_member_id INTEGER,
      status TEXT NOT NULL CHECK (status IN ('attivo', 'trasferito', 'chiuso')),
      phone TEXT NOT NULL DEFAULT '',
      language TEXT NOT NULL DEFAULT 'italiano',
      to_team INTEGER NOT NULL DEFAULT 0 CHECK (to_team IN (0, 1)),
      notes TEXT NOT NULL DEFAULT '',
      ${audit}
    ) STRICT`,
    `CREATE INDEX households_unit ON households (unit_id, status)`,
    `CREATE INDEX households_to_team ON households (to_team) WHERE to_team = 1`,
    `CREATE TABLE members (
      id INTEGER PRIMARY KEY,
      household_id INTEGER NOT NULL REFERENCES households(id),
      first_name TEXT NOT NULL,
      surname TEXT NOT NULL,
      surname_norm TEXT NOT NULL,
      sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
      birth_date TEXT,
      tax_code TEXT,
      phone TEXT NOT NULL DEFAULT '',
      relationship TEXT NOT NULL,
      left_on TEXT,
      ${audit}
    ) STRICT`,
    `CREATE INDEX members_household ON members (household_id)`,
    `CREATE INDEX members_tax_code ON members (tax_code) WHERE tax_code IS NOT NULL`,
    `CREATE INDEX members_surname_birth ON members (surname_norm, birth_date)`,
    `CREATE TABLE household_moves (
      id INTEGER PRIMARY KEY,
      household_id INTEGER NOT NULL REFERENCES households(id),
      from_unit_id INTEGER REFERENCES units(id),
      to_unit_id INTEGER NOT NULL REFERENCES units(id),
      moved_on TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    `CREATE INDEX household_moves_household ON household_moves (household_id, moved_on)`,
    `CREATE INDEX household_moves_to_unit ON household_moves (to_unit_id, moved_on)`,
    // Editable lists (types, channels, topics, ...): values are deactivated, never deleted.
    `CREATE TABLE vocabulary (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('fragility', 'intervention_type', 'channel', 'origin', 'topic', 'referral_service')),
      label TEXT NOT NULL,
      position INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${audit},
      UNIQUE (kind, label COLLATE NOCASE)
    ) STRICT`,
    `CREATE TABLE member_fragilities (
      member_id INTEGER NOT NULL REFERENCES members(id),
      fragility_id INTEGER NOT NULL REFERENCES vocabulary(id),
      PRIMARY KEY (member_id, fragility_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX member_fragilities_fragility ON member_fragilities (fragility_id)`,
    // A group intervention is one row per household sharing a group_id (the first row's id).
    `CREATE TABLE interventions (
      id INTEGER PRIMARY KEY,
      group_id INTEGER,
      occurred_at TEXT NOT NULL,
      duration_min INTEGER NOT NULL CHECK (duration_min >= 0),
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      household_id INTEGER REFERENCES households(id),
      building_id INTEGER NOT NULL REFERENCES buildings(id),
      type_id INTEGER NOT NULL REFERENCES vocabulary(id),
      channel_id INTEGER NOT NULL REFERENCES vocabulary(id),
      origin_id INTEGER NOT NULL REFERENCES vocabulary(id),
      notes TEXT NOT NULL DEFAULT '',
      outcome TEXT NOT NULL DEFAULT '',
      confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
      ${audit}
    ) STRICT`,
    `CREATE INDEX interventions_household ON interventions (household_id, occurred_at)`,
    `CREATE INDEX interventions_building ON interventions (building_id, occurred_at)`,
    `CREATE INDEX interventions_operator ON interventions (operator_id, occurred_at)`,
    `CREATE INDEX interventions_occurred ON interventions (occurred_at)`,
    `CREATE INDEX interventions_building_level ON interventions (building_id, occurred_at) WHERE household_id IS NULL`,
    `CREATE INDEX interventions_type ON interventions (type_id, occurred_at)`,
    // For "is this list value used?" (a used value can be deactivated, never deleted).
    `CREATE INDEX interventions_channel ON interventions (channel_id)`,
    `CREATE INDEX interventions_origin ON interventions (origin_id)`,
    `CREATE TABLE intervention_topics (
      intervention_id INTEGER NOT NULL REFERENCES interventions(id),
      topic_id INTEGER NOT NULL REFERENCES vocabulary(id),
      PRIMARY KEY (intervention_id, topic_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX intervention_topics_topic ON intervention_topics (topic_id)`,
    `CREATE TABLE referrals (
      id INTEGER PRIMARY KEY,
      household_id INTEGER NOT NULL REFERENCES households(id),
      intervention_id INTEGER REFERENCES interventions(id),
      service_id INTEGER NOT NULL REFERENCES vocabulary(id),
      referred_on TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('inviato', 'preso_in_carico', 'concluso', 'non_accolto')),
      check_by TEXT,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      ${audit}
    ) STRICT`,
    `CREATE INDEX referrals_household ON referrals (household_id, referred_on)`,
    `CREATE INDEX referrals_service ON referrals (service_id)`,
    `CREATE TABLE followups (
      id INTEGER PRIMARY KEY,
      due_on TEXT NOT NULL,
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      text TEXT NOT NULL,
      household_id INTEGER REFERENCES households(id),
      building_id INTEGER REFERENCES buildings(id),
      intervention_id INTEGER REFERENCES interventions(id),
      referral_id INTEGER REFERENCES referrals(id),
      done_at TEXT,
      done_by INTEGER REFERENCES operators(id),
      ${audit}
    ) STRICT`,
    `CREATE INDEX followups_agenda ON followups (operator_id, done_at, due_on)`,
    `CREATE INDEX followups_household ON followups (household_id)`,
    // One row per household (rowid = households.id): names, codes, phones, address, unit code,
    // folded by shared/normalize.ts. Diacritics are removed by the tokenizer too.
    `CREATE VIRTUAL TABLE household_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2')`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);

  const now = new Date().toISOString();
  const lists: Record<string, string[]> = {
    fragility: [
      'anziano solo',
      'disabilità',
      'minori',
      'disoccupazione',
      'problemi di salute',
      'barriere linguistiche',
    ],
    intervention_type: [
      'ascolto',
      'informazione',
      'orientamento',
      'accompagnamento',
      'mediazione dei conflitti',
      'visita domiciliare',
      'colloquio allo sportello',
      'contatto telefonico',
      'incontro di gruppo',
      'segnalazione ai servizi',
    ],
    channel: ['sportello', 'domicilio', 'telefono', 'spazi comuni', 'ufficio', 'altro'],
    origin: [
      'proattivo',
      'richiesta del residente',
      'segnalazione dei servizi',
      "segnalazione dell'ente gestore",
    ],
    topic: [
      'morosità',
      'manutenzione',
      'convivenza e conflitti',
      'salute',
      'lavoro',
      'pratiche amministrative',
      'solitudine',
      'scuola e minori',
      'altro',
    ],
    referral_service: [
      'servizi sociali',
      'ufficio casa',
      'ALER/ente gestore',
      'centro per l’impiego',
      'servizi sanitari',
      'CPS',
      'SerD',
      'associazioni',
      'altro',
    ],
  };
  for (const [kind, labels] of Object.entries(lists)) {
    for (const [position, label] of labels.entries()) {
      await sql`INSERT INTO vocabulary (kind, label, position, active, created_at, updated_at, created_by)
                VALUES (${kind}, ${label}, ${position}, 1, ${now}, ${now}, NULL)`.execute(db);
    }
  }
}
