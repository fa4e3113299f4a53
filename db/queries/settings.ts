import { settingsSchema, cooperativeSchema, type Cooperative } from '../../shared/contract';
import type { Db } from '../connection';
import { first, run } from '../sync';
import type { z } from 'zod';

export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15 };

function read(db: Db, key: string): unknown {
  const row = first(db, db.kysely.selectFrom('settings').select('value').where('key', '=', key));
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

function write(db: Db, key: string, value: unknown, operatorId: number | null, now: string): void {
  run(
    db,
    db.kysely
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: now, updated_by: operatorId })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ value: JSON.stringify(value), updated_at: now, updated_by: operatorId }),
      ),
  );
}

export function getCooperative(db: Db): Cooperative {
  return cooperativeSchema.parse(read(db, 'cooperative'));
}

export function setCooperative(db: Db, value: Cooperative, operatorId: number | null, now: string): void {
  write(db, 'cooperative', value, operatorId, now);
}

export function getSettings(db: Db): Settings {
  const parsed = settingsSchema.safeParse(read(db, 'app') ?? DEFAULT_SETTINGS);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Whether the current recovery key was confirmed as kept; absent means yes (nothing to ask). */
export function isRecoveryKeyPending(db: Db): boolean {
  return read(db, 'recoveryKeyPending') === true;
}

export function setRecoveryKeyPending(
  db: Db,
  pending: boolean,
  operatorId: number | null,
  now: string,
): void {
  write(db, 'recoveryKeyPending', pending, operatorId, now);
}

export function setSettings(db: Db, value: Settings, operatorId: number | null, now: string): void {
  write(db, 'app', value, operatorId, now);
}
