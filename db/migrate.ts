import { Migrator } from 'kysely';
import type { Db } from './connection';
import { AppError } from './errors';
import { migrations, StaticMigrationProvider } from './migrations';

const NEWER =
  'Questo database è stato creato da una versione più recente di Cortile. ' +
  'Aggiornare Cortile prima di aprirlo: i dati non sono stati modificati.';

/** Names of the migrations already applied to this database. */
export function appliedMigrations(db: Db): string[] {
  const table = db.raw
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`)
    .get();
  if (!table) return [];
  return (db.raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

/** Brings the schema up to `upTo` (default: the latest); refuses a database made by a newer version. */
export async function migrate(db: Db, upTo?: string): Promise<void> {
  const unknown = appliedMigrations(db).filter((name) => !(name in migrations));
  if (unknown.length > 0) throw new AppError('conflict', NEWER);
  const migrator = new Migrator({ db: db.kysely, provider: new StaticMigrationProvider(upTo) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'sconosciuta';
    throw new Error(`migration ${failed} failed`, { cause: error });
  }
  db.raw.pragma(`user_version = ${appliedMigrations(db).length}`);
}

export function schemaVersion(db: Db): number {
  return db.raw.pragma('user_version', { simple: true }) as number;
}
