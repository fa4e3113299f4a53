import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_registry';
import * as m0003 from './0003_arrears';
import * as m0004 from './0004_plans_risk';
import * as m0005 from './0005_community';
import * as m0006 from './0006_meetings';
import * as m0007 from './0007_dashboard';
import * as m0008 from './0008_letters';
import * as m0009 from './0009_exports';
import * as m0011 from './0011_privacy';
import * as m0012 from './0012_letter_output';

/** Every migration, in order, imported statically so the bundle holds them all. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_registry': m0002,
  '0003_arrears': m0003,
  '0004_plans_risk': m0004,
  '0005_community': m0005,
  '0006_meetings': m0006,
  '0007_dashboard': m0007,
  '0008_letters': m0008,
  '0009_exports': m0009,
  '0011_privacy': m0011,
  '0012_letter_output': m0012,
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
