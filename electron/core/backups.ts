import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_ROTATION, planRotation, type RotationPolicy } from '../../shared/backup-rotation';
import {
  BACKUP_ID_PATTERN,
  type BackupItem,
  type BackupKind,
  type BackupSettings,
} from '../../shared/contract/backup';
import { appendAudit } from '../../db/audit';
import { writeFileAtomic } from '../../db/atomic-file';
import {
  checkBackupCopy,
  fsyncDir,
  listFolder,
  makeBackup,
  moveIntoPlace,
  quickCheck,
  readCounts,
  removeBackup,
  backupFileName,
  backupTime,
  writeCatalogue,
  writeRecoveryRing,
} from '../../db/backup';
import { openDatabase } from '../../db/connection';
import { AppError } from '../../db/errors';
import type { KeyRing } from '../../db/keyring';
import { migrate } from '../../db/migrate';
import { transaction } from '../../db/sync';
import type { Logger } from './logger';
import type { Vault } from './vault';

export const DAMAGED_MESSAGE =
  'Il database di Cortile è danneggiato: non è stato aperto e non verrà modificato. ' +
  'Un amministratore può ripristinare l’ultimo backup integro.';

/** How long the key unwrapped at a sign-in that found the database damaged is kept for a restore. */
const DAMAGED_TTL_MS = 10 * 60_000;

const settingsFileSchema = z.object({
  folder: z.string().nullable(),
  keepDaily: z.number().int().min(1),
  keepWeekly: z.number().int().min(0),
  keepMonthly: z.number().int().min(0),
});
type StoredSettings = z.infer<typeof settingsFileSchema>;

interface DamagedState {
  key: Buffer;
  keyring: KeyRing;
  operatorId: number;
  since: number;
}

/** The local calendar day of an instant, `YYYY-MM-DD` (the machine's time zone, as the agenda). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Backups of one data folder: made by hand, at the first sign-in of the day
 * and when the app closes; rotated; restored. Settings live in
 * `cortile.backup.json` beside the database (no personal data), not in the
 * database, so a damaged database still finds its backups.
 */
export class Backups {
  private checkedAtStart = false;
  private damagedState: DamagedState | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly log: Logger,
    private readonly clock: () => number,
  ) {}

  get settingsFile(): string {
    return path.join(this.vault.paths.dir, 'cortile.backup.json');
  }

  get defaultFolder(): string {
    return this.vault.paths.backups;
  }

  private stored(): StoredSettings {
    try {
      return settingsFileSchema.parse(JSON.parse(fs.readFileSync(this.settingsFile, 'utf8')));
    } catch {
      return { folder: null, ...DEFAULT_ROTATION };
    }
  }

  settings(): BackupSettings {
    return { ...this.stored(), defaultFolder: this.defaultFolder };
  }

  /** Where new backups go. */
  folder(): string {
    return this.stored().folder ?? this.defaultFolder;
  }

  /** Every folder that may hold backups: the chosen one and the data folder's own. */
  private folders(): string[] {
    const chosen = this.folder();
    return chosen === this.defaultFolder ? [chosen] : [chosen, this.defaultFolder];
  }

  /** Checks and saves new settings; the audit entry and the file are written together. */
  updateSettings(input: StoredSettings, operatorId: number): BackupSettings {
    const folder = input.folder === null ? null : checkFolder(input.folder);
    const next: StoredSettings = { ...input, folder: folder === this.defaultFolder ? null : folder };
    const db = this.vault.requireDb();
    transaction(db, () => {
      appendAudit(db.raw, {
        operatorId,
        action: 'backup.updateSettings',
        recordType: 'backup',
        recordId: null,
      });
      writeFileAtomic(this.settingsFile, JSON.stringify(next, null, 2) + '\n');
    });
    return this.settings();
  }

  list(key: Buffer): { items: BackupItem[]; unreachable: string[] } {
    const items: BackupItem[] = [];
    const unreachable: string[] = [];
    for (const folder of this.folders()) {
      try {
        items.push(...listFolder(folder, key));
      } catch {
        unreachable.push(folder);
      }
    }
    items.sort((a, b) => (a.id < b.id ? 1 : -1));
    return { items, unreachable };
  }

  /** Makes a backup of the open database now, audits it and applies the rotation. */
  create(kind: BackupKind, operatorId: number | null): BackupItem {
    const { db, key } = this.vault.requireSession();
    const folder = this.folder();
    let item: BackupItem;
    try {
      item = makeBackup(db, key, folder, kind, new Date(this.clock()));
      this.keepRecoveryRing(path.join(folder, item.id));
    } catch (err) {
      if (err instanceof AppError) throw err;
      this.log.error('backup failed', { kind, error: err instanceof Error ? err.name : 'unknown' });
      throw new AppError(
        'conflict',
        `Il backup non è riuscito: controllare che la cartella «${folder}» sia raggiungibile e abbia spazio libero.`,
      );
    }
    transaction(db, () =>
      appendAudit(db.raw, { operatorId, action: 'backup.create', recordType: 'backup', recordId: item.id }),
    );
    this.rotate(key);
    return item;
  }

  /** A missing recovery slot copy only costs the new-PC path through the recovery key: never fail for it. */
  private keepRecoveryRing(file: string): void {
    try {
      writeRecoveryRing(this.vault.paths.keyring, file);
    } catch {
      this.log.warn('could not copy the recovery slot beside a backup');
    }
  }

  /** Deletes what the rotation does not keep; only backups proven ours (catalogue opens with the key). */
  rotate(key: Buffer): number {
    const policy: RotationPolicy = this.stored();
    const { items } = this.list(key);
    const ours = items.filter((i) => i.readable);
    const plan = planRotation(
      ours.map((i) => ({ id: i.id, at: i.createdAt, day: localDay(Date.parse(i.createdAt)) })),
      policy,
    );
    const remove = new Set(plan.remove);
    for (const item of ours) {
      if (!remove.has(item.id)) continue;
      try {
        removeBackup(item.folder, item.id);
      } catch {
        this.log.warn('could not remove an old backup');
      }
    }
    return remove.size;
  }

  // ---------- automatic backups ----------

  /** After a sign-in: the first of the day (local time) makes a backup if today has none yet. */
  afterOpen(): void {
    const s = this.vault.unlocked;
    if (!s) return;
    const today = localDay(this.clock());
    try {
      const names = fs.existsSync(this.folder()) ? fs.readdirSync(this.folder()) : [];
      const hasToday = names.some(
        (n) => BACKUP_ID_PATTERN.test(n) && localDay(Date.parse(backupTime(n))) === today,
      );
      if (!hasToday) this.create('giornaliero', null);
    } catch (err) {
      // A missing USB disk must not stop anyone from working; the next start tries again.
      this.log.warn('daily backup skipped', { error: err instanceof Error ? err.name : 'unknown' });
    }
  }

  /** When the app closes with a session open (the key is needed). */
  beforeClose(): void {
    if (!this.vault.unlocked) return;
    try {
      this.create('chiusura', null);
    } catch (err) {
      this.log.warn('closing backup skipped', { error: err instanceof Error ? err.name : 'unknown' });
    }
  }

  // ---------- start-up check and the damaged state ----------

  /**
   * The first time this process opens the database: `PRAGMA quick_check` on a
   * read-only connection. On failure the key is kept (for a restore by an
   * administrator) and the sign-in answers that the database is damaged.
   */
  checkAtStart(key: Buffer, keyring: KeyRing, operatorId: number): void {
    this.forgetDamaged();
    if (this.checkedAtStart) return;
    const problem = quickCheck(this.vault.paths.database, key);
    if (problem === null) {
      this.checkedAtStart = true;
      return;
    }
    this.log.error('database failed its start-up check', { problem });
    this.damagedState = { key: Buffer.from(key), keyring, operatorId, since: this.clock() };
    throw new AppError('conflict', DAMAGED_MESSAGE, { damaged: true });
  }

  damaged(): DamagedState | null {
    const d = this.damagedState;
    if (d && this.clock() - d.since > DAMAGED_TTL_MS) this.forgetDamaged();
    return this.damagedState;
  }

  forgetDamaged(): void {
    this.damagedState?.key.fill(0);
    this.damagedState = null;
  }

  // ---------- restore ----------

  private find(id: string): string {
    for (const folder of this.folders()) {
      const file = path.join(folder, id);
      if (fs.existsSync(file)) return file;
    }
    throw new AppError('not_found', 'Il backup scelto non c’è più: aggiornare l’elenco.');
  }

  /** Copies the backup beside the database and checks the copy; nothing is replaced yet. */
  private prepare(
    id: string,
    key: Buffer,
  ): { tmp: string; operators: Map<number, { role: string; active: boolean }> } {
    const source = this.find(id);
    const tmp = path.join(this.vault.paths.dir, '.cortile.db.restore');
    removeDbFiles(tmp);
    try {
      fs.copyFileSync(source, tmp);
      const checked = checkBackupCopy(tmp, key);
      return { tmp, operators: checked.operators };
    } catch (err) {
      removeDbFiles(tmp);
      if (err instanceof AppError) throw err;
      this.log.error('restore copy failed', { error: err instanceof Error ? err.name : 'unknown' });
      throw new AppError(
        'conflict',
        'Il backup non si può leggere: controllare che la sua cartella sia raggiungibile.',
      );
    }
  }

  /**
   * Restores a backup while an administrator is signed in. The current database
   * is saved aside first (a hard link, or a copy, listed as a backup of kind
   * «prima del ripristino»), then the checked copy replaces it with one rename.
   * The session ends: everyone signs in again on the restored data.
   */
  async restore(id: string, operatorId: number): Promise<void> {
    const session = this.vault.requireSession();
    const key = Buffer.from(session.key);
    try {
      const { tmp } = this.prepare(id, key);
      const db = session.db;
      const counts = readCounts(db.raw);
      const schemaVersion = db.raw.pragma('user_version', { simple: true }) as number;
      transaction(db, () =>
        appendAudit(db.raw, { operatorId, action: 'backup.restore', recordType: 'backup', recordId: id }),
      );
      this.vault.close('session.restore');
      const asideAt = new Date(this.clock());
      const aside = path.join(this.defaultFolder, backupFileName(asideAt));
      fs.mkdirSync(this.defaultFolder, { recursive: true });
      linkOrCopy(this.vault.paths.database, aside);
      writeCatalogue(aside, key, 'prima-del-ripristino', asideAt.toISOString(), counts, schemaVersion);
      this.keepRecoveryRing(aside);
      this.swapIn(tmp);
      await this.afterSwap(key, operatorId, 'backup.restored', id);
    } finally {
      key.fill(0);
    }
  }

  /**
   * Restores a backup when the sign-in found the database damaged. Only an
   * active administrator of the chosen backup may do it (the database itself
   * cannot be trusted to say who is one). The damaged files are kept aside.
   */
  async restoreDamaged(id: string): Promise<void> {
    const d = this.damaged();
    if (!d) throw new AppError('locked', 'Accedere di nuovo per ripristinare un backup.');
    const key = Buffer.from(d.key);
    try {
      const { tmp, operators } = this.prepare(id, key);
      const op = operators.get(d.operatorId);
      if (!op || !op.active || op.role !== 'amministratore') {
        removeDbFiles(tmp);
        throw new AppError(
          'forbidden',
          'Solo un amministratore può ripristinare un backup: chiedere a un amministratore di accedere.',
        );
      }
      const stamp = new Date(this.clock()).toISOString().replace(/[-:.]/g, '');
      const aside = path.join(this.defaultFolder, `cortile-damaged-${stamp}.db`);
      fs.mkdirSync(this.defaultFolder, { recursive: true });
      linkOrCopy(this.vault.paths.database, aside);
      for (const suffix of ['-wal', '-shm']) {
        const f = this.vault.paths.database + suffix;
        if (fs.existsSync(f)) fs.copyFileSync(f, aside + suffix);
      }
      this.swapIn(tmp);
      this.forgetDamaged();
      await this.afterSwap(key, d.operatorId, 'backup.restoreDamaged', id);
    } finally {
      key.fill(0);
    }
  }

  /** One rename puts the checked copy in place; a WAL of the old file must not meet the new one. */
  private swapIn(tmp: string): void {
    const dbFile = this.vault.paths.database;
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });
    moveIntoPlace(tmp, dbFile);
    fsyncDir(this.vault.paths.dir);
    this.checkedAtStart = true;
  }

  /** Opens the restored file once: brings its schema up to date and records the restore in its log. */
  private async afterSwap(key: Buffer, operatorId: number, action: string, id: string): Promise<void> {
    const db = openDatabase(this.vault.paths.database, key);
    try {
      await migrate(db);
      transaction(db, () => appendAudit(db.raw, { operatorId, action, recordType: 'backup', recordId: id }));
    } finally {
      db.close();
    }
  }
}

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** A second name for the closed database file (instant on the same disk), else a copy. */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** The chosen folder must be a full path, exist, be a folder and accept a new file; returns it normalised. */
function checkFolder(chosen: string): string {
  const bad = (message: string) => new AppError('validation', message, { fields: { folder: message } });
  if (!path.isAbsolute(chosen))
    throw bad('Indicare il percorso completo della cartella (per esempio E:\\Backup).');
  const folder = path.resolve(chosen);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw bad('La cartella non esiste o non è raggiungibile: collegare il disco o crearla.');
  }
  if (!stat.isDirectory()) throw bad('Il percorso indicato non è una cartella.');
  const probe = path.join(folder, `.cortile-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch {
    throw bad(
      'Cortile non può scrivere in questa cartella: scegliere un’altra cartella o chiedere i permessi.',
    );
  }
  return folder;
}
