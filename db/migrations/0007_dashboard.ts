import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// Indexes for the dashboard's aggregates (issue 6). The dashboard reads the base tables
// directly (no summary table to keep in step with every write); each index below lets one
// of its grouped statements read only the rows of the months it shows.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    // Households per band in a month (overview, buildings table): the primary key is
    // (household_id, month), so without this every month's count reads the whole table
    // (one row per household and month, 60,000+ on the large data set). The table is
    // WITHOUT ROWID: household_id rides along, so the count never touches the table.
    `CREATE INDEX risk_scores_month ON risk_scores (month, band_rank)`,
    // Arrears per month (12-month trend, per building, per unit): covering, so a month's
    // statements are summed from the index alone instead of one table lookup per unit.
    `CREATE INDEX arrears_statements_dashboard ON arrears_statements (period, unit_id, balance_cents)`,
    // Open follow-ups and the overdue ones, now: most follow-ups are done; the partial index
    // holds only the open ones, with the columns that place them in a building.
    `CREATE INDEX followups_open ON followups (due_on, building_id, household_id) WHERE done_at IS NULL`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
