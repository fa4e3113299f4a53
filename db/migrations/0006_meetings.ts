import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// The weekly team meeting (riunione d'équipe): its participants (operators, and
// external guests by name and role), the cases discussed with notes and decisions,
// and the actions decided, each of which is a follow-up in the assignee's agenda.
export async function up(db: Kysely<any>): Promise<void> {
  const date = (column: string) =>
    `${column} TEXT NOT NULL CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;
  const audit =
    'created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by INTEGER REFERENCES operators(id)';
  const statements = [
    // guests: JSON array of {name, role}; people from outside the cooperative, never operators.
    `CREATE TABLE meetings (
      id INTEGER PRIMARY KEY,
      ${date('held_on')},
      guests TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(guests) AND json_type(guests) = 'array'),
      agenda TEXT NOT NULL DEFAULT '',
      minutes TEXT NOT NULL DEFAULT '',
      ${audit}
    ) STRICT`,
    `CREATE INDEX meetings_held ON meetings (held_on, id)`,
    `CREATE TABLE meeting_participants (
      meeting_id INTEGER NOT NULL REFERENCES meetings(id),
      operator_id INTEGER NOT NULL REFERENCES operators(id),
      PRIMARY KEY (meeting_id, operator_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX meeting_participants_operator ON meeting_participants (operator_id, meeting_id)`,
    // One row per household on a meeting's agenda. notes are confidential by default:
    // only their author (notes_by) and coordinators read them when confidential = 1.
    `CREATE TABLE meeting_cases (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id),
      household_id INTEGER NOT NULL REFERENCES households(id),
      position INTEGER NOT NULL CHECK (position >= 0),
      notes TEXT NOT NULL DEFAULT '',
      confidential INTEGER NOT NULL DEFAULT 1 CHECK (confidential IN (0, 1)),
      notes_by INTEGER REFERENCES operators(id),
      decisions TEXT NOT NULL DEFAULT '',
      discussed INTEGER NOT NULL DEFAULT 0 CHECK (discussed IN (0, 1)),
      keep_flag INTEGER NOT NULL DEFAULT 0 CHECK (keep_flag IN (0, 1)),
      ${audit},
      UNIQUE (meeting_id, household_id)
    ) STRICT`,
    `CREATE INDEX meeting_cases_meeting ON meeting_cases (meeting_id, position)`,
    `CREATE INDEX meeting_cases_household ON meeting_cases (household_id, meeting_id)`,
    // An action decided on a case is a follow-up (text, assignee, due date, done) in the
    // assignee's agenda; this row only links it to the meeting and the case.
    `CREATE TABLE meeting_actions (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id),
      case_id INTEGER NOT NULL REFERENCES meeting_cases(id),
      followup_id INTEGER NOT NULL UNIQUE REFERENCES followups(id),
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    `CREATE INDEX meeting_actions_meeting ON meeting_actions (meeting_id, case_id)`,
    `CREATE INDEX meeting_actions_case ON meeting_actions (case_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
