import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_registry';

/** Every migration, in order, imported statically so the bundle holds them all. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_registry': m0002,
};

export class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly upTo?: string) {}

  getMigrations(): Promise<Record<string, Migration>> {
    const picked = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => this.upTo === undefined || name <= this.upTo),
    );
    return Promise.resolve(picked);
  }
}
