import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../db/audit';
import { openDatabase, type Db } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { dataPaths } from '../../db/paths';
import { ADMIN, COOPERATIVE, startApp, tempDir } from './helpers';
import { auditRows, openWithKey, unwrapKey } from './support';

const BRUNO = { fullName: 'Bruno Verdi', username: 'bruno.verdi', temporaryPassword: 'temporanea di bruno' };
const RENAMED = 'Bruno Verdi Rossi';
const NEW_COOPERATIVE = 'Cooperativa Sociale Il Cortile';
const TYPED_WRONG = 'una password sbagliata';

interface History {
  dir: string;
  key: Buffer;
  brunoId: number;
  /** The lockout file as it was while the failed attempt waited for the next sign-in. */
  lockoutText: string;
}
let history: History | null = null;

/**
 * A folder with a known history, built once: setup, an operator created and
 * renamed, the settings changed, a lock, one failed sign-in, a good sign-in,
 * a sign-out. Each test works on its own copy.
 */
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-audit-'));
  let now = Date.now();
  const app = startApp(dir, () => now);
  try {
    await app.ok('setup.create', { cooperative: COOPERATIVE, admin: ADMIN });
    const { operator } = await app.ok('operators.create', { ...BRUNO, role: 'operatore' });
    await app.ok('operators.update', {
      id: operator.id,
      expectedUpdatedAt: operator.updatedAt,
      fullName: RENAMED,
    });
    await app.ok('settings.update', {
      cooperative: { ...COOPERATIVE, name: NEW_COOPERATIVE },
      settings: { autoLockMinutes: 20 },
    });
    await app.ok('session.lock', {});
    const failed = await app.call('session.login', { username: BRUNO.username, password: TYPED_WRONG });
    expect(failed.ok).toBe(false);
    const lockoutText = fs.readFileSync(dataPaths(dir).lockout, 'utf8');
    now += 60_000;
    await app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    await app.ok('session.logout', {});
    history = { dir, key: await unwrapKey(dir), brunoId: operator.id, lockoutText };
  } finally {
    app.core.close();
  }
}, 60_000);

afterAll(() => {
  if (history) fs.rmSync(history.dir, { recursive: true, force: true });
});

function copyOfHistory(): History {
  if (!history) throw new Error('history not built');
  const dir = tempDir();
  fs.cpSync(history.dir, dir, { recursive: true });
  return { ...history, dir };
}

function withSecondConnection<T>(dir: string, key: Buffer, fn: (db: Db) => T): T {
  const db = openWithKey(dir, key);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('the audit chain of a real session', () => {
  it('records each action in order and verifies as intact', () => {
    const { dir, key, brunoId } = copyOfHistory();
    withSecondConnection(dir, key, (db) => {
      const rows = auditRows(db);
      expect(rows.map((r) => r.action)).toEqual([
        'setup.create',
        // The first sign-in of the day makes the daily backup (issue 9).
        'backup.create',
        'session.login',
        'operators.create',
        'operators.update',
        'settings.update',
        'session.lock',
        'session.login_failed',
        'session.login',
        'session.logout',
      ]);
      expect(rows.map((r) => r.id)).toEqual(rows.map((_r, i) => i + 1));
      // Who did it and to which record.
      expect(rows[3]).toMatchObject({ operator_id: 1, record_type: 'operator', record_id: String(brunoId) });
      expect(rows[4]).toMatchObject({ operator_id: 1, record_type: 'operator', record_id: String(brunoId) });
      // The failed attempt named a real user, so it is attributed to that operator.
      expect(rows[7]).toMatchObject({ operator_id: brunoId });
      expect(verifyAuditChain(db.raw)).toEqual({ intact: true, rows: rows.length });
    });
  });

  it('reports exactly the row whose action was edited through a second connection', () => {
    const { dir, key } = copyOfHistory();
    withSecondConnection(dir, key, (db) => {
      const total = auditRows(db).length;
      db.raw.prepare(`UPDATE audit_log SET action = 'session.logout' WHERE id = 3`).run();
      expect(verifyAuditChain(db.raw)).toEqual({ intact: false, rows: 3, firstBadId: 3, reason: 'altered' });
      expect(total).toBeGreaterThan(3);
    });
  });

  it.each([
    ['at', `'2020-01-01T00:00:00.000Z'`],
    ['operator_id', '2'],
    ['record_id', `'1'`],
  ])('reports a row whose %s was edited', (column, value) => {
    const { dir, key } = copyOfHistory();
    withSecondConnection(dir, key, (db) => {
      db.raw.prepare(`UPDATE audit_log SET ${column} = ${value} WHERE id = 4`).run();
      expect(verifyAuditChain(db.raw)).toMatchObject({ intact: false, firstBadId: 4, reason: 'altered' });
    });
  });

  it('reports the row after a deleted middle row', () => {
    const { dir, key } = copyOfHistory();
    withSecondConnection(dir, key, (db) => {
      db.raw.prepare('DELETE FROM audit_log WHERE id = 4').run();
      expect(verifyAuditChain(db.raw)).toMatchObject({
        intact: false,
        firstBadId: 5,
        reason: 'missing_before',
      });
    });
  });

  it('reports a row edited through a second connection while the app is signed in, and keeps reporting it', async () => {
    const { dir, key } = copyOfHistory();
    const app = startApp(dir);
    await app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    withSecondConnection(dir, key, (db) => {
      expect(verifyAuditChain(db.raw).intact).toBe(true);
      db.raw.prepare(`UPDATE audit_log SET action = 'operators.list' WHERE id = 5`).run();
    });
    // The app goes on working and appending; the edit stays visible.
    expect((await app.ok('operators.list', {})).operators).toHaveLength(2);
    await app.ok('session.logout', {});
    withSecondConnection(dir, key, (db) => {
      expect(auditRows(db).at(-1)?.action).toBe('session.logout');
      expect(verifyAuditChain(db.raw)).toMatchObject({ intact: false, firstBadId: 5, reason: 'altered' });
    });
  });

  it('never holds field contents: no names, usernames, passwords or typed text', () => {
    const { dir, key, lockoutText } = copyOfHistory();
    const contents = [
      ADMIN.fullName,
      ADMIN.username,
      ADMIN.password,
      BRUNO.fullName,
      RENAMED,
      BRUNO.username,
      BRUNO.temporaryPassword,
      TYPED_WRONG,
      COOPERATIVE.name,
      NEW_COOPERATIVE,
      COOPERATIVE.address,
      COOPERATIVE.email,
      COOPERATIVE.phone,
    ].map((s) => s.toLowerCase());
    withSecondConnection(dir, key, (db) => {
      const rows = auditRows(db);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (value === null) continue;
          const text = String(value).toLowerCase();
          for (const content of contents)
            expect(text, `audit_log.${column} of row ${row.id}`).not.toContain(content);
        }
      }
    });
    // Failed attempts wait in the lockout file while the database is locked: no typed text there either.
    for (const content of contents) expect(lockoutText.toLowerCase()).not.toContain(content);
  });
});

describe('the chain itself', () => {
  async function emptyLog(): Promise<Db> {
    const db = openDatabase(path.join(tempDir(), 'cortile.db'), crypto.randomBytes(32), { create: true });
    await migrate(db);
    return db;
  }

  it('is intact when empty and after appends, and each row links to the previous hash', async () => {
    const db = await emptyLog();
    try {
      expect(verifyAuditChain(db.raw)).toEqual({ intact: true, rows: 0 });
      appendAudit(db.raw, { operatorId: null, action: 'a' });
      appendAudit(db.raw, { operatorId: 7, action: 'b', recordType: 'operator', recordId: 7 });
      appendAudit(db.raw, { operatorId: 7, action: 'c', at: '2026-11-22T10:00:00.000Z' });
      const rows = auditRows(db);
      expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
      expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
      expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
      expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
      expect(rows[2]!.at).toBe('2026-11-22T10:00:00.000Z');
      expect(new Set(rows.map((r) => r.hash)).size).toBe(3);
      expect(verifyAuditChain(db.raw)).toEqual({ intact: true, rows: 3 });
    } finally {
      db.close();
    }
  });

  it('notices a missing value turned into an empty one', async () => {
    const db = await emptyLog();
    try {
      appendAudit(db.raw, {
        operatorId: 1,
        action: 'settings.update',
        recordType: 'settings',
        recordId: null,
      });
      appendAudit(db.raw, { operatorId: 1, action: 'session.logout' });
      db.raw.prepare(`UPDATE audit_log SET record_id = '' WHERE id = 1`).run();
      expect(verifyAuditChain(db.raw)).toMatchObject({ intact: false, firstBadId: 1 });
    } finally {
      db.close();
    }
  });

  it('notices a row whose own hash was replaced', async () => {
    const db = await emptyLog();
    try {
      appendAudit(db.raw, { operatorId: 1, action: 'a' });
      appendAudit(db.raw, { operatorId: 1, action: 'b' });
      db.raw.prepare(`UPDATE audit_log SET hash = ? WHERE id = 1`).run('f'.repeat(64));
      expect(verifyAuditChain(db.raw)).toMatchObject({ intact: false, firstBadId: 1, reason: 'altered' });
    } finally {
      db.close();
    }
  });
});
