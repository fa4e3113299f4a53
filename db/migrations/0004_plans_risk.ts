import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// Arrears follow-up per household: repayment plans (piani di rientro) with their
// installments and payments, the morosità incolpevole checklist (causes, ISEE),
// the risk score kept per household and month, and the history of settings
// changes (the risk weights are changed by coordinators and must be traceable).
export async function up(db: Kysely<any>): Promise<void> {
  const month = (column: string) =>
    `${column} TEXT NOT NULL CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND substr(${column}, 6, 2) BETWEEN '01' AND '12')`;
  const date = (column: string, nullable = false) =>
    `${column} TEXT ${nullable ? '' : 'NOT NULL '}CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;
  const statements = [
    // status is a cache of planStatus() (refreshed on every payment, change and risk recompute),
    // so the worklist can hide plans "in regola" without recomputing them.
    `CREATE TABLE repayment_plans (
      id INTEGER PRIMARY KEY,
      household_id INTEGER NOT NULL REFERENCES households(id),
      total_cents INTEGER NOT NULL CHECK (total_cents > 0),
      installment_count INTEGER NOT NULL CHECK (installment_count >= 1),
      ${date('first_due_on')},
      every_months INTEGER NOT NULL DEFAULT 1 CHECK (every_months >= 1),
      notes TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('in_regola', 'in_ritardo', 'non_rispettato', 'concluso')),
      ${date('closed_on', true)},
      close_reason TEXT CHECK (close_reason IS NULL OR close_reason IN ('concluso', 'annullato', 'sostituito', 'decaduto')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id),
      updated_by INTEGER REFERENCES operators(id),
      CHECK ((closed_on IS NULL) = (close_reason IS NULL))
    ) STRICT`,
    // One open plan per household at most.
    `CREATE UNIQUE INDEX repayment_plans_open ON repayment_plans (household_id) WHERE closed_on IS NULL`,
    `CREATE INDEX repayment_plans_household ON repayment_plans (household_id, id)`,
    `CREATE TABLE plan_installments (
      plan_id INTEGER NOT NULL REFERENCES repayment_plans(id),
      seq INTEGER NOT NULL CHECK (seq >= 1),
      ${date('due_on')},
      amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
      PRIMARY KEY (plan_id, seq)
    ) STRICT, WITHOUT ROWID`,
    // source 'estratto': matched from a statement (statement_period says which), rebuilt after each import.
    `CREATE TABLE plan_payments (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES repayment_plans(id),
      ${date('paid_on')},
      amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
      source TEXT NOT NULL CHECK (source IN ('manuale', 'estratto')),
      statement_period TEXT CHECK (statement_period IS NULL OR statement_period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id),
      CHECK (source = 'manuale' OR statement_period IS NOT NULL)
    ) STRICT`,
    `CREATE INDEX plan_payments_plan ON plan_payments (plan_id, paid_on)`,
    `CREATE UNIQUE INDEX plan_payments_statement ON plan_payments (plan_id, statement_period) WHERE source = 'estratto'`,
    // The cause code is checked by the contract, not here: regional calls add causes, and a
    // CHECK on a STRICT table can only change by rebuilding it.
    `CREATE TABLE incolpevole_causes (
      id INTEGER PRIMARY KEY,
      household_id INTEGER NOT NULL REFERENCES households(id),
      cause TEXT NOT NULL,
      ${date('event_date', true)},
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    `CREATE INDEX incolpevole_causes_household ON incolpevole_causes (household_id, event_date)`,
    `CREATE INDEX incolpevole_causes_event ON incolpevole_causes (event_date, household_id)`,
    `CREATE TABLE household_isee (
      household_id INTEGER PRIMARY KEY REFERENCES households(id),
      value_cents INTEGER NOT NULL CHECK (value_cents >= 0),
      ${date('isee_date')},
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    // One row per household and month: the latest computation of that month, with the
    // contributions (JSON array of {signal, points, label}) that explain it.
    `CREATE TABLE risk_scores (
      household_id INTEGER NOT NULL REFERENCES households(id),
      ${month('month')},
      score INTEGER NOT NULL CHECK (score >= 0),
      band TEXT NOT NULL CHECK (band IN ('basso', 'medio', 'alto', 'critico')),
      band_rank INTEGER NOT NULL CHECK (band_rank BETWEEN 0 AND 3),
      contributions TEXT NOT NULL CHECK (json_valid(contributions) AND json_type(contributions) = 'array'),
      computed_at TEXT NOT NULL,
      PRIMARY KEY (household_id, month)
    ) STRICT, WITHOUT ROWID`,
    // Households whose statements changed (an import committed or undone) and whose plan
    // payments and score are still to be brought up to date: done at the next read of the
    // household's arrears or of the worklist, so a 10,000-row import commits fast.
    `CREATE TABLE risk_pending (household_id INTEGER PRIMARY KEY REFERENCES households(id)) STRICT`,
    // The worklist: one month, worst band first, then the highest score.
    `CREATE INDEX risk_scores_worklist ON risk_scores (month, band_rank DESC, score DESC, household_id) WHERE score > 0`,
    // Settings changes with the values before and after (settings hold no personal data).
    `CREATE TABLE settings_history (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL,
      before TEXT CHECK (before IS NULL OR json_valid(before)),
      after TEXT NOT NULL CHECK (json_valid(after)),
      changed_at TEXT NOT NULL,
      changed_by INTEGER REFERENCES operators(id)
    ) STRICT`,
    `CREATE INDEX settings_history_key ON settings_history (key, id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
