import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import pkg from '../package.json';
import {
  BACKUP_ID_PATTERN,
  backupCountsSchema,
  backupKindSchema,
  type BackupCounts,
  type BackupItem,
  type BackupKind,
} from '../shared/contract/backup';
import { writeFileAtomic } from './atomic-file';
import type { Db, RawDb } from './connection';
import { AppError } from './errors';
import { migrations } from './migrations';

/**
 * Backups are made with `VACUUM INTO` (better-sqlite3's `db.backup()` refuses
 * encrypted databases), so the copy is a consistent snapshot encrypted with
 * the same random key as the database. Beside each backup a small catalogue
 * file (`<name>.json`) holds its date and kind in clear and, sealed with a
 * key derived from the database key (AES-256-GCM), the app and schema
 * versions and the record counts a restore shows.
 */

export const APP_VERSION: string = pkg.version;

const PARTIAL = '.partial';
const CATALOGUE = '.json';

export const NOT_THIS_KEY =
  'Il backup non si apre con la chiave di questa installazione: è di un’altra installazione o è danneggiato.';
const NEWER =
  'Il backup è stato fatto da una versione più recente di Cortile: aggiornare Cortile prima di ripristinarlo.';

/** `cortile-backup-20261202T043512345Z.db`, from the UTC time. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  return `cortile-backup-${stamp}.db`;
}

/** The time in a backup's name, as ISO 8601. */
export function backupTime(id: string): string {
  const s = id.slice('cortile-backup-'.length, -'.db'.length);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/** Applies the database's raw key on a fresh connection (SQLCipher-compatible, as `openDatabase`). */
function applyKey(raw: RawDb, key: Buffer): void {
  raw.pragma(`cipher = 'sqlcipher'`);
  raw.pragma('legacy = 4');
  raw.pragma(`key = "x'${key.toString('hex')}'"`);
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Folders cannot be opened for fsync on Windows; renames there are atomic anyway.
  }
}

/** Moves a finished, synced file onto its final name in one step and makes the rename durable. */
export function moveIntoPlace(tmp: string, file: string): void {
  fsyncFile(tmp);
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

// ---------- counts ----------

const COUNTED: [keyof BackupCounts, string][] = [
  ['operators', 'operators'],
  ['buildings', 'buildings'],
  ['households', 'households'],
  ['members', 'members'],
  ['interventions', 'interventions'],
  ['arrearsStatements', 'arrears_statements'],
  ['activities', 'activities'],
  ['meetings', 'meetings'],
  ['letters', 'letters'],
];

/** How many records of each kind the database holds (a table not there yet counts 0, letters null). */
export function readCounts(raw: RawDb): BackupCounts {
  const tables = new Set(
    (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]).map(
      String,
    ),
  );
  const counts: Record<string, number | null> = {};
  for (const [field, table] of COUNTED) {
    counts[field] = tables.has(table)
      ? (raw.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number)
      : field === 'letters'
        ? null
        : 0;
  }
  return backupCountsSchema.parse(counts);
}

function migrationNames(raw: RawDb): string[] {
  const table = raw
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`)
    .get();
  if (!table) return [];
  return raw.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[];
}

// ---------- the sealed catalogue entry ----------

const sealedSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: backupCountsSchema,
});
type Sealed = z.infer<typeof sealedSchema>;

const catalogueSchema = z.object({
  format: z.literal('cortile-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  kind: backupKindSchema,
  bytes: z.number().int(),
  iv: z.string(),
  tag: z.string(),
  sealed: z.string(),
});
type Catalogue = z.infer<typeof catalogueSchema>;

function catalogueKey(dbKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dbKey, Buffer.alloc(0), 'cortile backup catalogue v1', 32));
}

/** The clear fields are bound as additional data, so a catalogue cannot be moved onto another backup. */
function aad(id: string, createdAt: string, kind: string, bytes: number): Buffer {
  return Buffer.from(JSON.stringify([id, createdAt, kind, bytes]));
}

function sealCatalogue(
  dbKey: Buffer,
  id: string,
  head: { createdAt: string; kind: BackupKind; bytes: number },
  body: Sealed,
): Catalogue {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', catalogueKey(dbKey), iv);
  cipher.setAAD(aad(id, head.createdAt, head.kind, head.bytes));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return {
    format: 'cortile-backup',
    version: 1,
    ...head,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    sealed: sealed.toString('base64'),
  };
}

function openCatalogue(dbKey: Buffer, id: string, cat: Catalogue): Sealed | null {
  try {
    const decipher = crypto.createDecipheriv(
      'aes-256-gcm',
      catalogueKey(dbKey),
      Buffer.from(cat.iv, 'base64'),
    );
    decipher.setAAD(aad(id, cat.createdAt, cat.kind, cat.bytes));
    decipher.setAuthTag(Buffer.from(cat.tag, 'base64'));
    const clear = Buffer.concat([decipher.update(Buffer.from(cat.sealed, 'base64')), decipher.final()]);
    return sealedSchema.parse(JSON.parse(clear.toString('utf8')));
  } catch {
    return null;
  }
}

/** Writes the catalogue entry of a backup file already in place. */
export function writeCatalogue(
  file: string,
  dbKey: Buffer,
  kind: BackupKind,
  createdAt: string,
  counts: BackupCounts,
  schemaVersion: number,
): BackupItem {
  const id = path.basename(file);
  const bytes = fs.statSync(file).size;
  const cat = sealCatalogue(
    dbKey,
    id,
    { createdAt, kind, bytes },
    { appVersion: APP_VERSION, schemaVersion, counts },
  );
  writeFileAtomic(file + CATALOGUE, JSON.stringify(cat, null, 2) + '\n');
  return {
    id,
    createdAt,
    kind,
    folder: path.dirname(file),
    bytes,
    readable: true,
    appVersion: APP_VERSION,
    schemaVersion,
    counts,
  };
}

// ---------- making, listing, checking ----------

/**
 * Writes an encrypted snapshot of `db` into `folder` under a temporary name,
 * syncs it and renames it into place, then writes its catalogue entry. A crash
 * leaves at most a `.partial` file, which the next backup removes.
 */
export function makeBackup(db: Db, dbKey: Buffer, folder: string, kind: BackupKind, at: Date): BackupItem {
  fs.mkdirSync(folder, { recursive: true });
  removePartials(folder);
  let file = path.join(folder, backupFileName(at));
  // Two backups in the same millisecond (tests, a double click) get distinct names.
  for (let n = 1; fs.existsSync(file); n++)
    file = path.join(folder, backupFileName(new Date(at.getTime() + n)));
  const tmp = file + PARTIAL;
  try {
    db.raw.prepare('VACUUM INTO ?').run(tmp);
    moveIntoPlace(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  const counts = readCounts(db.raw);
  const schemaVersion = db.raw.pragma('user_version', { simple: true }) as number;
  return writeCatalogue(file, dbKey, kind, backupTime(path.basename(file)), counts, schemaVersion);
}

function removePartials(folder: string): void {
  for (const name of fs.readdirSync(folder)) {
    if (name.startsWith('cortile-backup-') && name.endsWith(PARTIAL)) {
      fs.rmSync(path.join(folder, name), { force: true });
    }
  }
}

/** The backups in one folder, newest first; throws when the folder cannot be read. */
export function listFolder(folder: string, dbKey: Buffer): BackupItem[] {
  const items: BackupItem[] = [];
  for (const name of fs.readdirSync(folder)) {
    if (!BACKUP_ID_PATTERN.test(name)) continue;
    const file = path.join(folder, name);
    let bytes: number;
    try {
      bytes = fs.statSync(file).size;
    } catch {
      continue;
    }
    const item: BackupItem = {
      id: name,
      createdAt: backupTime(name),
      kind: null,
      folder,
      bytes,
      readable: false,
      appVersion: null,
      schemaVersion: null,
      counts: null,
    };
    try {
      const cat = catalogueSchema.parse(JSON.parse(fs.readFileSync(file + CATALOGUE, 'utf8')));
      const sealed = cat.bytes === bytes ? openCatalogue(dbKey, name, cat) : null;
      if (sealed) Object.assign(item, { kind: cat.kind, readable: true, ...sealed });
    } catch {
      // No catalogue entry, or an unreadable one: listed without counts, still restorable if it opens.
    }
    items.push(item);
  }
  return items.sort((a, b) => (a.id < b.id ? 1 : -1));
}

/** Beside each backup: a key ring holding only the recovery slot (see writeRecoveryRing). */
export const RECOVERY_RING = '.recovery-keyring.json';

/**
 * Copies the key ring's recovery slot beside a backup, as a key ring file of
 * its own: with the recovery key it opens the backup on a new PC even when the
 * key ring is lost. Operators' slots stay out, so a lost USB disk offers no
 * password to guess, only a 160-bit random key.
 */
export function writeRecoveryRing(keyringFile: string, backupFile: string): void {
  const ring = JSON.parse(fs.readFileSync(keyringFile, 'utf8')) as { slots?: { id?: unknown }[] };
  const slots = (ring.slots ?? []).filter((slot) => slot.id === 'recovery');
  if (slots.length === 0) return;
  writeFileAtomic(backupFile + RECOVERY_RING, JSON.stringify({ ...ring, slots }, null, 2) + '\n');
}

/** Deletes a backup and the files beside it. */
export function removeBackup(folder: string, id: string): void {
  fs.rmSync(path.join(folder, id + RECOVERY_RING), { force: true });
  fs.rmSync(path.join(folder, id + CATALOGUE), { force: true });
  fs.rmSync(path.join(folder, id), { force: true });
}

export interface CheckedBackup {
  /** Active operators by id, with their role, as the backup holds them. */
  operators: Map<number, { role: string; active: boolean }>;
}

/**
 * Opens a copy of a backup with the key and runs `PRAGMA integrity_check` on
 * it; refuses a file that does not open with the key, is damaged, or was made
 * by a newer version of Cortile.
 */
export function checkBackupCopy(file: string, dbKey: Buffer): CheckedBackup {
  let raw: RawDb;
  try {
    raw = new Sqlite(file, { fileMustExist: true });
  } catch {
    throw new AppError('validation', NOT_THIS_KEY);
  }
  try {
    applyKey(raw, dbKey);
    try {
      raw.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new AppError('validation', NOT_THIS_KEY);
    }
    let result: unknown;
    try {
      result = raw.pragma('integrity_check', { simple: true });
    } catch {
      result = 'error';
    }
    if (result !== 'ok') {
      throw new AppError(
        'validation',
        'Il backup è danneggiato (la verifica di integrità non è riuscita): sceglierne un altro.',
      );
    }
    if (migrationNames(raw).some((name) => !(name in migrations))) throw new AppError('conflict', NEWER);
    const rows = raw.prepare('SELECT id, role, active FROM operators').all() as {
      id: number;
      role: string;
      active: number;
    }[];
    return { operators: new Map(rows.map((r) => [r.id, { role: r.role, active: r.active === 1 }])) };
  } finally {
    raw.close();
  }
}

/**
 * The start-up check: `PRAGMA quick_check` on a read-only connection, so a
 * damaged file is never written to. Returns null when the database is sound.
 */
export function quickCheck(file: string, dbKey: Buffer): string | null {
  let raw: RawDb | null = null;
  try {
    raw = new Sqlite(file, { fileMustExist: true, readonly: true });
    applyKey(raw, dbKey);
    const result = raw.pragma('quick_check', { simple: true });
    return result === 'ok' ? null : 'quick_check';
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? code : 'open';
  } finally {
    raw?.close();
  }
}
