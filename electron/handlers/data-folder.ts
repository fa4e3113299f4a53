// Moving the data folder (administrator). The live database is never copied
// as a file: `VACUUM INTO` writes a consistent, encrypted snapshot (see
// ARCHITECTURE.md), which is opened with the key and checked before the
// pointer file switches Cortile to it at the next start.
import fs from 'node:fs';
import path from 'node:path';
import { anchorHead, anchorPath } from '../../db/audit-anchor';
import { appendAudit } from '../../db/audit';
import { moveIntoPlace, readCounts } from '../../db/backup';
import { openDatabase } from '../../db/connection';
import { AppError } from '../../db/errors';
import { KeyRing } from '../../db/keyring';
import { dataPaths } from '../../db/paths';
import { transaction } from '../../db/sync';
import { NETWORK_WARNING, type DataFolderCheck, type DataFolderInfo } from '../../shared/contract';
import type { Handler, HandlerContext } from '../core/context';
import { dataLocationConfig, isNetworkPath, writeDataLocation } from '../core/data-location';

export const NOT_MOVABLE =
  'La cartella dei dati si sposta dall’app di Cortile installata sul PC, non da questa versione nel browser.';
const NETWORK_NOT_CONFIRMED = `${NETWORK_WARNING} Per procedere comunque occorre confermare esplicitamente.`;

/** Backup settings of the backups panel (rotation, chosen folder), kept with the data. */
const BACKUP_SETTINGS_FILE = 'cortile.backup.json';

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The nearest folder of `p` that exists (for a target not created yet). */
function nearestExisting(p: string): string {
  let dir = p;
  while (!fs.existsSync(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) return dir;
    dir = parent;
  }
  return dir;
}

/**
 * Whether `raw` can receive the data: an absolute path, outside the current
 * data folder, a folder that is missing or empty, in a writable place.
 * Network shares are reported, not refused: `move` asks for a confirmation.
 */
export function examineTarget(
  raw: string,
  currentDir: string,
  probeNetwork = isNetworkPath,
): DataFolderCheck {
  const trimmed = raw.trim();
  if (!path.isAbsolute(trimmed)) {
    return {
      path: trimmed,
      problem: 'Indicare il percorso completo della cartella, per esempio D:\\Cortile.',
      network: false,
    };
  }
  const target = path.resolve(trimmed);
  // Both spellings: resolving can rewrite a UNC prefix (`//server/share` is `/server/share` on POSIX).
  const network = probeNetwork(trimmed) || probeNetwork(target);
  const problem = (text: string): DataFolderCheck => ({ path: target, problem: text, network });

  const current = path.resolve(currentDir);
  if (samePath(target, current) || isInside(target, current)) {
    return problem(
      'La nuova cartella non può essere la cartella dei dati attuale né trovarsi al suo interno.',
    );
  }
  if (fs.existsSync(target)) {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) return problem('Il percorso indicato è un file, non una cartella.');
    let entries: string[];
    try {
      entries = fs.readdirSync(target);
    } catch {
      return problem('Non è possibile leggere la cartella: controllare i permessi.');
    }
    if (entries.length > 0) {
      return problem(
        'La cartella non è vuota: sceglierne una vuota o indicarne una nuova, che verrà creata.',
      );
    }
  }
  try {
    fs.accessSync(nearestExisting(target), fs.constants.W_OK);
  } catch {
    return problem(
      'Non è possibile scrivere in quella posizione: controllare i permessi o sceglierne un’altra.',
    );
  }
  return { path: target, problem: null, network };
}

/** Creates the folder and proves it can be written (a file written, read back and removed). */
function prepareTarget(target: string): void {
  try {
    fs.mkdirSync(target, { recursive: true });
    const probe = path.join(target, '.cortile-write-test');
    fs.writeFileSync(probe, 'cortile');
    const back = fs.readFileSync(probe, 'utf8');
    fs.rmSync(probe);
    if (back !== 'cortile') throw new Error('probe mismatch');
  } catch {
    throw new AppError(
      'validation',
      'Non è possibile scrivere nella nuova cartella: controllare i permessi o sceglierne un’altra.',
    );
  }
}

function sameBytes(a: string, b: string): boolean {
  return fs.readFileSync(a).equals(fs.readFileSync(b));
}

/**
 * Copies the data into `target` and checks the copy: the database (VACUUM
 * INTO, then opened with the key, `PRAGMA integrity_check`, the same record
 * counts), the key ring (byte for byte, and it loads), the backup settings
 * and the backups. On any failure the files written so far are removed.
 */
export function copyDataFolder(ctx: HandlerContext, target: string, now: Date): void {
  const { key } = ctx.vault.requireSession();
  const db = ctx.db;
  const from = ctx.vault.paths;
  const to = dataPaths(target);
  const written: string[] = [];
  try {
    const partial = `${to.database}.partial`;
    written.push(partial, to.database);
    db.raw.prepare('VACUUM INTO ?').run(partial);
    moveIntoPlace(partial, to.database);

    const expected = readCounts(db.raw);
    const copy = openDatabase(to.database, key);
    written.push(`${to.database}-wal`, `${to.database}-shm`);
    try {
      const integrity = copy.raw.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error('integrity_check failed');
      const counts = readCounts(copy.raw);
      if (JSON.stringify(counts) !== JSON.stringify(expected)) throw new Error('counts differ');
      // The audit chain's head, for the copy's own folder (HMAC under the same key).
      written.push(anchorPath(target));
      anchorHead(copy.raw, anchorPath(target), key, now.toISOString());
    } finally {
      copy.close();
    }

    written.push(to.keyring);
    fs.copyFileSync(from.keyring, to.keyring, fs.constants.COPYFILE_EXCL);
    if (!sameBytes(from.keyring, to.keyring)) throw new Error('keyring copy differs');
    KeyRing.load(to.keyring);

    const settings = path.join(from.dir, BACKUP_SETTINGS_FILE);
    if (fs.existsSync(settings)) {
      written.push(path.join(target, BACKUP_SETTINGS_FILE));
      fs.copyFileSync(settings, path.join(target, BACKUP_SETTINGS_FILE), fs.constants.COPYFILE_EXCL);
    }
    if (fs.existsSync(from.backups)) {
      written.push(to.backups);
      fs.cpSync(from.backups, to.backups, { recursive: true, errorOnExist: true, force: false });
    }
  } catch (err) {
    for (const file of written.reverse()) fs.rmSync(file, { recursive: true, force: true });
    ctx.log.error('data folder copy failed', {
      error: err instanceof Error ? err.name : typeof err,
      ...(typeof (err as { code?: unknown }).code === 'string'
        ? { code: (err as { code: string }).code }
        : {}),
    });
    throw new AppError(
      'internal',
      'La copia dei dati nella nuova cartella non è riuscita o non ha superato la verifica: nulla è cambiato, ' +
        'Cortile continua a usare la cartella attuale. Controllare lo spazio libero e i permessi, poi riprovare.',
    );
  }
}

export const info: Handler<'dataFolder.info'> = (_input, ctx): DataFolderInfo => {
  const config = dataLocationConfig();
  return {
    current: ctx.vault.paths.dir,
    defaultDir: config?.defaultDir ?? null,
    movable: config !== null,
    network: isNetworkPath(ctx.vault.paths.dir),
  };
};

export const check: Handler<'dataFolder.check'> = (input, ctx) =>
  examineTarget(input.path, ctx.vault.paths.dir);

export const move: Handler<'dataFolder.move'> = (input, ctx) => {
  const config = dataLocationConfig();
  if (!config) throw new AppError('validation', NOT_MOVABLE);
  const examined = examineTarget(input.path, ctx.vault.paths.dir);
  if (examined.problem !== null)
    throw new AppError('validation', examined.problem, { fields: { path: examined.problem } });
  if (examined.network && !input.acceptNetworkRisk) {
    throw new AppError('validation', NETWORK_NOT_CONFIRMED, {
      fields: { acceptNetworkRisk: NETWORK_WARNING },
    });
  }
  const target = examined.path;
  const operatorId = ctx.operator.id;
  const now = new Date();

  prepareTarget(target);
  // Recorded first, so that the copy holds the record of its own making.
  transaction(ctx.db, () =>
    appendAudit(ctx.db.raw, {
      operatorId,
      action: 'dataFolder.move',
      recordType: 'data_folder',
      recordId: null,
    }),
  );
  copyDataFolder(ctx, target, now);
  writeDataLocation(config.pointerFile, target, now);
  ctx.log.info('data folder moved', { network: examined.network });
  // Nothing more may be written here: changes to the old copy would be lost at the restart.
  ctx.vault.close('dataFolder.moved');
  return { dataDir: target, restartRequired: true as const };
};
