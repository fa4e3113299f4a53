import crypto from 'node:crypto';
import fs from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { AppError } from '../../db/errors';
import { dataPaths } from '../../db/paths';
import { ADMIN, COOPERATIVE, setUpApp } from './helpers';
import { openWithKey, unwrapKey } from './support';

const MARKER = 'MARKER-Zqx91 Test';
const SQLITE_HEADER = 'SQLite format 3';

/** Every file of the database that exists right now (main file, WAL, shared memory). */
function databaseFiles(dir: string): string[] {
  const db = dataPaths(dir).database;
  return [db, `${db}-wal`, `${db}-shm`, `${db}.setup`].filter((f) => fs.existsSync(f));
}

function expectNoPlaintext(file: string, needles: string[]): void {
  const bytes = fs.readFileSync(file);
  for (const needle of needles) {
    // Both UTF-8 and UTF-16 (SQLite may store text either way).
    expect(bytes.includes(Buffer.from(needle, 'utf8')), `${file} contains ${needle}`).toBe(false);
    expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${file} contains ${needle} (UTF-16)`).toBe(false);
  }
}

async function appWithMarker() {
  const app = await setUpApp();
  await app.ok('operators.create', {
    fullName: MARKER,
    username: 'marker.user',
    role: 'operatore',
    temporaryPassword: 'temporanea del marcatore',
  });
  return app;
}

describe('the database at rest', () => {
  it('holds no readable text, not even the SQLite header, while open and after closing', async () => {
    const app = await appWithMarker();
    const needles = [
      MARKER,
      'marker.user',
      ADMIN.fullName,
      COOPERATIVE.name,
      COOPERATIVE.email,
      SQLITE_HEADER,
    ];

    // While the app has it open, recent writes sit in the WAL: it must be encrypted too.
    const whileOpen = databaseFiles(app.dir);
    expect(whileOpen).toContain(dataPaths(app.dir).database);
    for (const file of whileOpen) expectNoPlaintext(file, needles);

    await app.ok('session.logout', {});
    const closed = databaseFiles(app.dir);
    expect(closed).toContain(dataPaths(app.dir).database);
    expect(closed.some((f) => f.endsWith('.setup'))).toBe(false);
    for (const file of closed) expectNoPlaintext(file, needles);
  });

  it('opens only with its key: unreadable without one, refused with a wrong one, readable with the administrator’s', async () => {
    const app = await appWithMarker();
    await app.ok('session.logout', {});
    const file = dataPaths(app.dir).database;

    const raw = new Sqlite(file, { fileMustExist: true });
    try {
      expect(() => raw.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/file is not a database/);
    } finally {
      raw.close();
    }

    let caught: unknown;
    try {
      openDatabase(file, crypto.randomBytes(32));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).message).toMatch(/Il database non si apre con questa chiave/);

    const key = await unwrapKey(app.dir, ADMIN.username, ADMIN.password);
    const db = openWithKey(app.dir, key);
    try {
      const row = db.raw.prepare('SELECT full_name FROM operators WHERE username = ?').get('marker.user') as
        { full_name: string } | undefined;
      expect(row?.full_name).toBe(MARKER);
    } finally {
      db.close();
    }
  });

  it('refuses a key of the wrong length before touching the file', () => {
    expect(() => openDatabase('/nonexistent/cortile.db', crypto.randomBytes(16))).toThrow(/32 bytes/);
  });
});
