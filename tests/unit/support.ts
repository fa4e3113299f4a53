import type { AuditRow } from '../../db/audit';
import { openDatabase, type Db } from '../../db/connection';
import { KeyRing } from '../../db/keyring';
import { dataPaths } from '../../db/paths';
import { ADMIN } from './helpers';

/**
 * Test-side access to a data folder, independent of the app: unwraps the
 * database key from the key ring with a password, as an administrator with
 * standard tools would, and opens a second connection with it.
 */
export async function unwrapKey(
  dir: string,
  username = ADMIN.username,
  password = ADMIN.password,
): Promise<Buffer> {
  const keyring = KeyRing.load(dataPaths(dir).keyring);
  const slot = keyring.findByUsername(username);
  if (!slot) throw new Error(`no key slot for ${username}`);
  const key = await keyring.unwrap(slot, password);
  if (!key) throw new Error(`wrong password for ${username}`);
  return key;
}

/** A second connection to the folder's database, opened with the given raw key. */
export function openWithKey(dir: string, key: Buffer): Db {
  return openDatabase(dataPaths(dir).database, key);
}

export type AuditRowView = AuditRow;

export function auditRows(db: Db): AuditRowView[] {
  return db.raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRowView[];
}

export function count(db: Db, table: 'operators' | 'audit_log' | 'settings'): number {
  return (db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
