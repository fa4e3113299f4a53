// The data folder of the Windows app: where it is found at start (the
// pointer file), the checks on a new place, and the move itself on a real
// encrypted database (VACUUM INTO, verified copy, key ring, pointer).
// Also the two small calls the desktop shell needs: app.about and
// app.reportError.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAuditAnchor, anchorPath } from '../../db/audit-anchor';
import { verifyAuditChain } from '../../db/audit';
import { readCounts } from '../../db/backup';
import { dataPaths } from '../../db/paths';
import { createAppCore } from '../../electron/core/app-core';
import {
  configureDataLocation,
  driveLetter,
  isNetworkPath,
  isUncPath,
  LOCATION_FILE,
  locationConfigFor,
  resolveDataDir,
  writeDataLocation,
} from '../../electron/core/data-location';
import type { Logger, LogMeta } from '../../electron/core/logger';
import { appSchemaVersion, MAX_REPORTS_PER_RUN, resetReportCount } from '../../electron/handlers/app-info';
import { examineTarget, NOT_MOVABLE } from '../../electron/handlers/data-folder';
import pkg from '../../package.json';
import { ADMIN, COOPERATIVE, setUpApp, startApp, tempDir } from './helpers';
import { auditRows, openWithKey, unwrapKey } from './support';

afterEach(() => {
  configureDataLocation(null);
});

const noNetwork = () => false;

describe('resolveDataDir (read by the main process at start)', () => {
  it('uses the default folder when there is no pointer', () => {
    const home = tempDir();
    expect(resolveDataDir(home, {})).toEqual({ kind: 'ok', dataDir: home, moved: false });
  });

  it('prefers CORTILE_DATA_DIR, then the pointer', () => {
    const home = tempDir();
    const moved = tempDir();
    fs.writeFileSync(path.join(moved, 'cortile.keyring.json'), '{}');
    writeDataLocation(path.join(home, LOCATION_FILE), moved, new Date());
    expect(resolveDataDir(home, {})).toEqual({ kind: 'ok', dataDir: moved, moved: true });
    const other = tempDir();
    expect(resolveDataDir(home, { CORTILE_DATA_DIR: other })).toEqual({
      kind: 'ok',
      dataDir: other,
      moved: false,
    });
  });

  it('reports a pointer to a folder that is not there rather than falling back to an empty default', () => {
    const home = tempDir();
    const gone = path.join(tempDir(), 'scollegata');
    writeDataLocation(path.join(home, LOCATION_FILE), gone, new Date());
    expect(resolveDataDir(home, {})).toEqual({ kind: 'unreachable', dataDir: gone });
  });

  it('reports a damaged pointer', () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, LOCATION_FILE), '{"dataDir": 3');
    expect(resolveDataDir(home, {})).toEqual({ kind: 'invalid' });
  });
});

describe('network shares', () => {
  it('recognises UNC paths in every spelling, and not local long paths', () => {
    expect(isUncPath('\\\\server\\share\\Cortile')).toBe(true);
    expect(isUncPath('//server/share/Cortile')).toBe(true);
    expect(isUncPath('\\\\?\\UNC\\server\\share\\Cortile')).toBe(true);
    expect(isUncPath('\\\\?\\C:\\Cortile')).toBe(false);
    expect(isUncPath('\\\\.\\C:\\Cortile')).toBe(false);
    expect(isUncPath('C:\\Users\\anna\\AppData\\Roaming\\Cortile')).toBe(false);
    expect(isUncPath('/home/anna/Cortile')).toBe(false);
  });

  it('asks Windows about drive letters (a mapped share is a network path)', () => {
    expect(driveLetter('z:\\Cortile')).toBe('Z');
    expect(driveLetter('/srv/cortile')).toBeNull();
    const mapped = (letter: string) => letter === 'Z';
    expect(isNetworkPath('Z:\\Cortile', mapped)).toBe(true);
    expect(isNetworkPath('D:\\Cortile', mapped)).toBe(false);
    expect(isNetworkPath('\\\\nas\\dati\\Cortile', mapped)).toBe(true);
  });
});

describe('examineTarget', () => {
  it('accepts a new folder or an empty one', () => {
    const current = tempDir();
    const parent = tempDir();
    expect(examineTarget(path.join(parent, 'nuova'), current, noNetwork)).toEqual({
      path: path.join(parent, 'nuova'),
      problem: null,
      network: false,
    });
    expect(examineTarget(parent, current, noNetwork).problem).toBeNull();
  });

  it('refuses a relative path, a file, a folder with files in it, and the current folder or one inside it', () => {
    const current = tempDir();
    const parent = tempDir();
    expect(examineTarget('Cortile', current, noNetwork).problem).toMatch(/percorso completo/);
    fs.writeFileSync(path.join(parent, 'file.txt'), 'x');
    expect(examineTarget(path.join(parent, 'file.txt'), current, noNetwork).problem).toMatch(/è un file/);
    expect(examineTarget(parent, current, noNetwork).problem).toMatch(/non è vuota/);
    expect(examineTarget(current, current, noNetwork).problem).toMatch(/attuale/);
    expect(examineTarget(path.join(current, 'backups'), current, noNetwork).problem).toMatch(/attuale/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a place that cannot be written', () => {
    const current = tempDir();
    const locked = tempDir();
    fs.chmodSync(locked, 0o500);
    try {
      expect(examineTarget(path.join(locked, 'nuova'), current, noNetwork).problem).toMatch(/scrivere/);
    } finally {
      fs.chmodSync(locked, 0o700);
    }
  });

  it('reports a network share without refusing it', () => {
    const current = tempDir();
    const parent = tempDir();
    const result = examineTarget(path.join(parent, 'nuova'), current, () => true);
    expect(result).toMatchObject({ problem: null, network: true });
  });
});

describe('dataFolder.move on a real encrypted database', () => {
  it('copies the database and the key ring, verifies them, writes the pointer and ends the session', async () => {
    const home = tempDir();
    configureDataLocation(locationConfigFor(home));
    const app = await setUpApp(path.join(home));
    const key = await unwrapKey(app.dir);
    const before = openWithKey(app.dir, key);
    const countsBefore = readCounts(before.raw);
    before.close();

    const target = path.join(tempDir(), 'Dati Cortile');
    const result = await app.ok('dataFolder.move', { path: target, acceptNetworkRisk: false });
    expect(result).toEqual({ dataDir: target, restartRequired: true });

    // No more writes to the old copy: the session is over.
    expect((await app.ok('app.status', {})).state).toBe('locked');

    // The pointer sends the next start to the new folder.
    expect(resolveDataDir(home, {})).toEqual({ kind: 'ok', dataDir: target, moved: true });

    // The key ring is the same file, and the copy opens with the key the administrator's password unwraps.
    const paths = dataPaths(target);
    expect(fs.readFileSync(paths.keyring)).toEqual(fs.readFileSync(dataPaths(app.dir).keyring));
    const copyKey = await unwrapKey(target);
    expect(copyKey.equals(key)).toBe(true);
    const copy = openWithKey(target, copyKey);
    try {
      expect(copy.raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(readCounts(copy.raw)).toEqual(countsBefore);
      // The copy holds the record of its own making, in an intact chain matching its anchor.
      expect(auditRows(copy).map((r) => r.action)).toContain('dataFolder.move');
      const chain = verifyAuditChain(copy.raw);
      expect(chain.intact).toBe(true);
      const anchor = readAuditAnchor(anchorPath(target), copyKey);
      expect(anchor).not.toBeNull();
      expect(anchor).not.toBe('invalid');
      const newest = auditRows(copy).at(-1);
      if (anchor && anchor !== 'invalid')
        expect([anchor.id, anchor.hash]).toEqual([newest?.id, newest?.hash]);
    } finally {
      copy.close();
    }
    expect(fs.readdirSync(target).filter((f) => f.endsWith('.partial'))).toEqual([]);

    // Cortile started on the new folder opens it with the same password.
    const moved = startApp(target);
    expect((await moved.ok('app.status', {})).state).toBe('locked');
    const login = await moved.call('session.login', { username: ADMIN.username, password: ADMIN.password });
    expect(login.ok).toBe(true);
  });

  it('refuses a folder with files in it and changes nothing', async () => {
    const home = tempDir();
    configureDataLocation(locationConfigFor(home));
    const app = await setUpApp();
    const busy = tempDir();
    fs.writeFileSync(path.join(busy, 'altro.txt'), 'x');
    const result = await app.call('dataFolder.move', { path: busy, acceptNetworkRisk: false });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('validation');
      expect(result.error.message).toMatch(/non è vuota/);
    }
    expect(fs.readdirSync(busy)).toEqual(['altro.txt']);
    expect(fs.existsSync(path.join(home, LOCATION_FILE))).toBe(false);
    expect((await app.ok('app.status', {})).state).toBe('unlocked');
  });

  it('asks for an explicit confirmation before using a network share', async () => {
    const home = tempDir();
    configureDataLocation(locationConfigFor(home));
    const app = await setUpApp();
    // An absolute UNC-style path on every platform; nothing is created before the confirmation.
    const result = await app.call('dataFolder.move', {
      path: '//nas/condivisa/Cortile',
      acceptNetworkRisk: false,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/condivisione di rete.*confermare/s);
    const checked = await app.ok('dataFolder.check', { path: '//nas/condivisa/Cortile' });
    expect(checked.network).toBe(true);
  });

  it('is not available in a shell that did not configure it (the browser shell)', async () => {
    const app = await setUpApp();
    const info = await app.ok('dataFolder.info', {});
    expect(info).toMatchObject({ current: app.dir, movable: false, defaultDir: null, network: false });
    const result = await app.call('dataFolder.move', {
      path: path.join(tempDir(), 'x'),
      acceptNetworkRisk: false,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(NOT_MOVABLE);
  });

  it('is for administrators only', async () => {
    const app = startApp();
    const result = await app.call('dataFolder.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('locked');
  });
});

describe('app.about', () => {
  it('gives version, data folder, schema and licence; the database schema only when signed in', async () => {
    const app = startApp();
    const locked = await app.ok('app.about', {});
    expect(locked).toMatchObject({ version: pkg.version, dataDir: app.dir, databaseSchemaVersion: null });
    expect(locked.schemaVersion).toBe(appSchemaVersion());
    expect(locked.schemaVersion).toMatch(/^\d{4}_/);
    expect(locked.licence).not.toBe('');
    await app.ok('setup.create', { cooperative: COOPERATIVE, admin: ADMIN });
    const open = await app.ok('app.about', {});
    expect(open.databaseSchemaVersion).toBe(appSchemaVersion());
  });
});

describe('app.reportError', () => {
  function capturingCore() {
    const lines: { level: string; message: string; meta?: LogMeta }[] = [];
    const log: Logger = {
      info: (message, meta) => lines.push({ level: 'info', message, meta }),
      warn: (message, meta) => lines.push({ level: 'warn', message, meta }),
      error: (message, meta) => lines.push({ level: 'error', message, meta }),
    };
    const core = createAppCore({ dataDir: tempDir(), log });
    return { core, lines };
  }

  it('logs the class and code locations of the error, never its message', async () => {
    resetReportCount();
    const { core, lines } = capturingCore();
    try {
      const result = await core.dispatch('app.reportError', {
        source: 'render',
        name: 'TypeError',
        frames: [
          'TypeError: Cannot read properties of undefined (Mario Rossi, RSSMRA80A01H501U)',
          'at HouseholdPage (app://cortile/assets/index-abc123.js:12:3456)',
          'at renderWithHooks (app://cortile/assets/index-abc123.js:1:99)',
          'at Mario Rossi via Roma (C:\\Users\\mario\\x.js:1:1)',
        ],
      });
      expect(result.ok).toBe(true);
      const logged = lines.filter((l) => l.message === 'renderer error');
      expect(logged).toHaveLength(1);
      expect(logged[0]?.meta).toEqual({
        source: 'render',
        name: 'TypeError',
        stack:
          'at HouseholdPage (app://cortile/assets/index-abc123.js:12:3456) | at renderWithHooks (app://cortile/assets/index-abc123.js:1:99)',
      });
      expect(JSON.stringify(lines)).not.toMatch(/Mario|RSSMRA|mario/);
    } finally {
      core.close();
    }
  });

  it('refuses a "name" that is really a message, and stops logging after a burst', async () => {
    resetReportCount();
    const { core, lines } = capturingCore();
    try {
      const bad = await core.dispatch('app.reportError', {
        source: 'error',
        name: 'Mario Rossi',
        frames: [],
      });
      expect(bad.ok).toBe(false);
      for (let i = 0; i < MAX_REPORTS_PER_RUN + 5; i += 1) {
        await core.dispatch('app.reportError', { source: 'error', name: 'Error', frames: [] });
      }
      expect(lines.filter((l) => l.message === 'renderer error')).toHaveLength(MAX_REPORTS_PER_RUN);
      expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    } finally {
      core.close();
    }
  });
});
