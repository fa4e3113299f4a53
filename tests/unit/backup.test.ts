import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract';
import { openDatabase } from '../../db/connection';
import { dataPaths } from '../../db/paths';
import { ADMIN, COOPERATIVE, setUpApp, startApp, tempDir, type TestApp } from './helpers';
import { addOperator } from './registry-fixtures';
import { openWithKey, unwrapKey } from './support';

const MARKER = 'ZQXMARCATORE-7781-BACKUP';

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}

const signIn = (app: TestApp) =>
  app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });

function backupFile(item: { folder: string; id: string }): string {
  return path.join(item.folder, item.id);
}

async function operatorNames(dir: string): Promise<string[]> {
  const db = openWithKey(dir, await unwrapKey(dir));
  try {
    return db.raw.prepare('SELECT full_name FROM operators ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('backups', () => {
  it('are encrypted: the bytes hold no marker text and open only with the key', async () => {
    const app = await setUpApp();
    await app.ok('operators.create', {
      fullName: MARKER,
      username: 'marcatore',
      role: 'operatore',
      temporaryPassword: 'temporanea del marcatore',
    });
    const item = await app.ok('backup.create', {});
    expect(item.kind).toBe('manuale');
    const bytes = fs.readFileSync(backupFile(item));
    expect(bytes.indexOf(Buffer.from(MARKER))).toBe(-1);
    expect(bytes.indexOf(Buffer.from('SQLite format 3'))).toBe(-1);
    // The catalogue beside it keeps the counts sealed too.
    const catalogue = fs.readFileSync(backupFile(item) + '.json', 'utf8');
    expect(catalogue).not.toContain('households');

    // With the key the marker is there (so the check above can fail)...
    const key = await unwrapKey(app.dir);
    const copy = openDatabase(backupFile(item), key);
    expect(copy.raw.prepare('SELECT count(*) FROM operators WHERE full_name = ?').pluck().get(MARKER)).toBe(
      1,
    );
    copy.close();
    // ...without it, or with another key, the file is not a database.
    expect(() =>
      new Sqlite(backupFile(item), { readonly: true }).prepare('SELECT * FROM sqlite_master').all(),
    ).toThrow(/not a database/i);
    expect(() => openDatabase(backupFile(item), crypto.randomBytes(32))).toThrow(
      /non si apre con questa chiave/,
    );
  });

  it('lists backups with date, kind, versions and counts', async () => {
    const app = await setUpApp();
    const made = await app.ok('backup.create', {});
    const { items, unreachable } = await app.ok('backup.list', {});
    expect(unreachable).toEqual([]);
    const listed = items.find((i) => i.id === made.id);
    expect(listed).toMatchObject({ readable: true, kind: 'manuale', counts: made.counts });
    const db = openWithKey(app.dir, await unwrapKey(app.dir));
    const operators = db.raw.prepare('SELECT count(*) FROM operators').pluck().get();
    db.close();
    expect(listed?.counts?.operators).toBe(operators);
    expect(listed?.schemaVersion).toBeGreaterThan(0);
  });

  it('restores: the current database is saved aside, the backup replaces it, sign-in is needed again', async () => {
    const app = await setUpApp();
    const before = await app.ok('backup.create', {});
    await app.ok('operators.create', {
      fullName: 'Dopo Il Backup',
      username: 'dopo',
      role: 'operatore',
      temporaryPassword: 'temporanea di dopo',
    });
    expect(await operatorNames(app.dir)).toContain('Dopo Il Backup');

    await app.ok('backup.restore', { id: before.id });
    expect(errorOf(await app.call('backup.list', {})).kind).toBe('locked');
    await signIn(app);
    expect(await operatorNames(app.dir)).not.toContain('Dopo Il Backup');

    // The database as it was before the restore is a backup of its own, and holds the later change.
    const { items } = await app.ok('backup.list', {});
    const aside = items.find((i) => i.kind === 'prima-del-ripristino');
    expect(aside?.counts?.operators).toBe((before.counts?.operators ?? 0) + 1);
    const key = await unwrapKey(app.dir);
    const asideDb = openDatabase(backupFile(aside!), key);
    expect(asideDb.raw.prepare('SELECT count(*) FROM operators WHERE username = ?').pluck().get('dopo')).toBe(
      1,
    );
    asideDb.close();

    const db = openWithKey(app.dir, key);
    const actions = db.raw.prepare('SELECT action, record_id FROM audit_log ORDER BY id').all() as {
      action: string;
      record_id: string | null;
    }[];
    db.close();
    expect(actions).toContainEqual({ action: 'backup.restored', record_id: before.id });
  });

  it('refuses a damaged backup and one of another installation, and replaces nothing', async () => {
    const app = await setUpApp();
    const good = await app.ok('backup.create', {});
    const file = backupFile(good);
    const damaged = path.join(path.dirname(file), good.id.replace(/\d{3}Z\.db$/, '999Z.db'));
    const bytes = fs.readFileSync(file);
    bytes.fill(0x55, 4096 + 100, 4096 + 400); // inside the second page
    fs.writeFileSync(damaged, bytes);

    const other = await setUpApp();
    const foreign = await other.ok('backup.create', {});
    const foreignCopy = path.join(path.dirname(file), foreign.id.replace(/\d{3}Z\.db$/, '998Z.db'));
    fs.copyFileSync(backupFile(foreign), foreignCopy);

    const dbBefore = fs.readFileSync(dataPaths(app.dir).database);
    const err1 = errorOf(await app.call('backup.restore', { id: path.basename(damaged) }));
    expect(err1.kind).toBe('validation');
    const err2 = errorOf(await app.call('backup.restore', { id: path.basename(foreignCopy) }));
    expect(err2.message).toMatch(/chiave di questa installazione/);
    expect(
      errorOf(await app.call('backup.restore', { id: 'cortile-backup-20200101T000000000Z.db' })).kind,
    ).toBe('not_found');
    expect(errorOf(await app.call('backup.restore', { id: '../cortile.db' })).kind).toBe('validation');
    // Still signed in, same database file.
    expect((await app.ok('backup.list', {})).items.length).toBeGreaterThan(0);
    expect(fs.readFileSync(dataPaths(app.dir).database).equals(dbBefore)).toBe(true);
  });

  it('is for administrators only', async () => {
    const app = await setUpApp();
    const carla = await addOperator(app, { username: 'carla', role: 'coordinatore' });
    const asCarla = await carla.signIn();
    expect(errorOf(await asCarla.call('backup.create', {})).kind).toBe('forbidden');
    expect(errorOf(await asCarla.call('backup.list', {})).kind).toBe('forbidden');
  });
});

describe('restore on a new PC', () => {
  it('needs only the backup, the recovery key ring beside it and the recovery key', async () => {
    const app = await setUpApp();
    await app.ok('operators.create', {
      fullName: MARKER,
      username: 'marcatore',
      role: 'operatore',
      temporaryPassword: 'temporanea del marcatore',
    });
    const item = await app.ok('backup.create', {});
    const ring = JSON.parse(fs.readFileSync(backupFile(item) + '.recovery-keyring.json', 'utf8')) as {
      slots: { id: string }[];
    };
    expect(ring.slots.map((s) => s.id)).toEqual(['recovery']); // no password to guess on a lost disk

    const newPc = tempDir('cortile-new-pc-');
    fs.copyFileSync(backupFile(item), path.join(newPc, 'cortile.db'));
    fs.copyFileSync(backupFile(item) + '.recovery-keyring.json', path.join(newPc, 'cortile.keyring.json'));
    const fresh = startApp(newPc);
    // No operator slot travelled: only the recovery key opens it, and sets a new password.
    await fresh.ok('session.recover', {
      username: ADMIN.username,
      recoveryKey: app.recoveryKey,
      newPassword: 'una nuova password sul nuovo computer',
    });
    const key = await unwrapKey(newPc, ADMIN.username, 'una nuova password sul nuovo computer');
    const db = openWithKey(newPc, key);
    expect(db.raw.prepare('SELECT count(*) FROM operators WHERE full_name = ?').pluck().get(MARKER)).toBe(1);
    db.close();
  });
});

describe('backup settings', () => {
  it('checks the chosen folder and writes new backups there', async () => {
    const app = await setUpApp();
    const { defaultFolder, ...defaults } = await app.ok('backup.settings', {});
    expect(defaultFolder).toBe(dataPaths(app.dir).backups);
    expect(defaults).toMatchObject({ folder: null, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
    const missing = errorOf(
      await app.call('backup.updateSettings', { ...defaults, folder: path.join(app.dir, 'non-esiste') }),
    );
    expect(missing.fields?.folder).toMatch(/non esiste/);
    const relative = errorOf(await app.call('backup.updateSettings', { ...defaults, folder: 'backup' }));
    expect(relative.fields?.folder).toMatch(/percorso completo/);

    const usb = tempDir('cortile-usb-');
    const saved = await app.ok('backup.updateSettings', { ...defaults, folder: usb, keepDaily: 3 });
    expect(saved).toMatchObject({ folder: usb, keepDaily: 3 });
    const item = await app.ok('backup.create', {});
    expect(item.folder).toBe(usb);
    expect(fs.existsSync(path.join(usb, item.id))).toBe(true);
    // Settings live beside the database, without personal data.
    expect(JSON.parse(fs.readFileSync(path.join(app.dir, 'cortile.backup.json'), 'utf8'))).toEqual({
      folder: usb,
      keepDaily: 3,
      keepWeekly: 4,
      keepMonthly: 12,
    });
  });

  it('rotates: keeps one backup a day for the days asked, never the only one', async () => {
    const app = await setUpApp();
    const { folder } = await app.ok('backup.settings', {});
    await app.ok('backup.updateSettings', { folder, keepDaily: 1, keepWeekly: 0, keepMonthly: 0 });
    const a = await app.ok('backup.create', {});
    const b = await app.ok('backup.create', {});
    const ids = (await app.ok('backup.list', {})).items.map((i) => i.id);
    expect(ids).toEqual([b.id]);
    expect(fs.existsSync(backupFile(a))).toBe(false);
    expect(fs.existsSync(backupFile(a) + '.recovery-keyring.json')).toBe(false);
    expect(fs.existsSync(backupFile(a) + '.json')).toBe(false);
  });
});

describe('automatic backups', () => {
  it('are made at the first sign-in of the day and when the app closes', async () => {
    let now = Date.parse('2026-03-10T09:00:00');
    const dir = tempDir();
    const app = startApp(dir, () => now);
    await app.ok('setup.create', { cooperative: COOPERATIVE, admin: ADMIN });
    const kinds = async () => (await app.ok('backup.list', {})).items.map((i) => i.kind);
    expect(await kinds()).toEqual(['giornaliero']);
    await app.ok('session.logout', {});
    now += 3_600_000;
    await signIn(app);
    expect(await kinds()).toEqual(['giornaliero']); // same day: no second one
    await app.ok('session.logout', {});
    now += 86_400_000;
    await signIn(app);
    expect(await kinds()).toEqual(['giornaliero', 'giornaliero']);
    now += 60_000;
    app.core.close();
    const again = startApp(dir, () => now);
    await signIn(again);
    // The closing backup is the newest of its day: the rotation drops that day's earlier one.
    const items = (await again.ok('backup.list', {})).items;
    expect(items.map((i) => i.kind)).toEqual(['chiusura', 'giornaliero']);
    expect(items[1]!.createdAt.slice(0, 10)).toBe(
      new Date(Date.parse('2026-03-10T09:00:00')).toISOString().slice(0, 10),
    );
  });
});

describe('start-up check', () => {
  it('refuses to open a damaged database, writes nothing to it, and lets an administrator restore', async () => {
    const app = await setUpApp();
    await app.ok('operators.create', {
      fullName: 'Prima Del Danno',
      username: 'prima',
      role: 'operatore',
      temporaryPassword: 'temporanea di prima',
    });
    await app.ok('backup.create', {});
    const carla = await addOperator(app, { username: 'carla', role: 'coordinatore' });
    (await carla.signIn()).core.close(); // sets her password
    await app.ok('session.logout', {});
    app.core.close();

    // Damage every page but the first (the key check): a disk that lost sectors.
    const dbFile = dataPaths(app.dir).database;
    const fd = fs.openSync(dbFile, 'r+');
    const size = fs.fstatSync(fd).size;
    for (let page = 1; page * 4096 < size; page++)
      fs.writeSync(fd, Buffer.alloc(64, 0x41), 0, 64, page * 4096 + 200);
    fs.closeSync(fd);
    const damagedBytes = fs.readFileSync(dbFile);

    const restarted = startApp(app.dir);
    expect((await restarted.ok('backup.damaged', {})).damaged).toBe(false);
    const refused = errorOf(
      await restarted.call('session.login', { username: ADMIN.username, password: ADMIN.password }),
    );
    expect(refused).toMatchObject({ damaged: true });
    expect(refused.message).toMatch(/danneggiato/);
    expect(fs.readFileSync(dbFile).equals(damagedBytes)).toBe(true);
    expect(errorOf(await restarted.call('backup.list', {})).kind).toBe('locked');

    // A coordinator's password proves who they are, but only an administrator restores.
    const asCarla = startApp(app.dir);
    expect(
      errorOf(await asCarla.call('session.login', { username: 'carla', password: carla.password })).damaged,
    ).toBe(true);
    const offered = await asCarla.ok('backup.damaged', {});
    expect(errorOf(await asCarla.call('backup.restoreDamaged', { id: offered.items[0]!.id })).kind).toBe(
      'forbidden',
    );

    const { damaged, items } = await restarted.ok('backup.damaged', {});
    expect(damaged).toBe(true);
    expect(items.length).toBeGreaterThan(0);
    await restarted.ok('backup.restoreDamaged', { id: items[0]!.id });
    expect((await restarted.ok('backup.damaged', {})).damaged).toBe(false);
    // The damaged file is kept aside, untouched.
    const kept = fs.readdirSync(dataPaths(app.dir).backups).filter((n) => /^cortile-damaged-.*\.db$/.test(n));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataPaths(app.dir).backups, kept[0]!)).equals(damagedBytes)).toBe(true);

    await signIn(restarted);
    expect(await operatorNames(app.dir)).toContain('Prima Del Danno');
    const db = openWithKey(app.dir, await unwrapKey(app.dir));
    expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
