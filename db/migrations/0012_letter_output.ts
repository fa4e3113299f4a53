import { sql, type Kysely } from 'kysely';

// Frozen once released: never edit, add a new numbered migration instead.
// How each batch of letters left the office: saved as one PDF, or printed through the
// system print dialog (the desktop app). Batches before this migration were all PDFs.
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `ALTER TABLE letter_batches ADD COLUMN output TEXT NOT NULL DEFAULT 'pdf' CHECK (output IN ('pdf', 'stampa'))`,
    )
    .execute(db);
}
