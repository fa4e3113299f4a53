import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KeyRing } from '../../db/keyring';
import { delayAfter } from '../../db/lockout';
import { dataPaths } from '../../db/paths';
import type { ApiError, ApiResult } from '../../shared/contract';
import { ADMIN, COOPERATIVE, startApp, tempDir, type TestApp } from './helpers';
import { auditRows, openWithKey, unwrapKey } from './support';

const WRONG = 'Nome utente o password non corretti.';
const WRONG_RECOVERY = 'Nome utente o chiave di recupero non corretti.';
const BRUNO = { fullName: 'Bruno Verdi', username: 'bruno', password: 'temporanea di bruno' };

/** The back-off the product promises: 1 s after the first failure, doubling, at most 30 s. */
const PROMISED_DELAYS = [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000];

/**
 * One set-up folder (administrator anna, operatore bruno on a temporary
 * password, signed out) built once and copied for each test.
 */
let template = '';
let templateKey: Buffer = Buffer.alloc(0);
let recoveryKey = '';

beforeAll(async () => {
  template = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-session-'));
  const app = startApp(template);
  try {
    recoveryKey = (await app.ok('setup.create', { cooperative: COOPERATIVE, admin: ADMIN })).recoveryKey;
    await app.ok('operators.create', {
      fullName: BRUNO.fullName,
      username: BRUNO.username,
      role: 'operatore',
      temporaryPassword: BRUNO.password,
    });
    await app.ok('session.logout', {});
  } finally {
    app.core.close();
  }
  templateKey = await unwrapKey(template);
}, 60_000);

afterAll(() => {
  if (template) fs.rmSync(template, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
});

/** A signed-out copy of the template, driven by a clock the test moves by hand. */
function clockedApp(start = Date.now()) {
  const dir = tempDir();
  fs.cpSync(template, dir, { recursive: true });
  const clock = { now: start };
  const app = startApp(dir, () => clock.now);
  return {
    app,
    dir,
    clock,
    advance: (ms: number) => {
      clock.now += ms;
    },
  };
}

function errorOf(result: ApiResult<unknown>): ApiError {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

function login(app: TestApp, username: string, password: string) {
  return app.call('session.login', { username, password });
}

function auditActions(dir: string): string[] {
  const db = openWithKey(dir, templateKey);
  try {
    return auditRows(db).map((r) => r.action);
  } finally {
    db.close();
  }
}

describe('delayAfter', () => {
  it.each([
    [-3, 0],
    [0, 0],
    ...PROMISED_DELAYS.map((ms, i) => [i + 1, ms] as [number, number]),
    [50, 30000],
    [1000, 30000],
  ])('after %i failures waits %i ms', (failures, ms) => {
    expect(delayAfter(failures)).toBe(ms);
  });
});

describe('signing in', () => {
  it('refuses a wrong password and an unknown username with the very same answer', async () => {
    const { app, advance } = clockedApp();
    const wrongPassword = errorOf(await login(app, ADMIN.username, 'non è la password'));
    expect(wrongPassword).toEqual({ kind: 'forbidden', message: WRONG, retryAfterMs: PROMISED_DELAYS[0] });
    advance(PROMISED_DELAYS[0]!);
    const unknownUser = errorOf(await login(app, 'nessuno', 'non è la password'));
    expect(unknownUser).toEqual({ kind: 'forbidden', message: WRONG, retryAfterMs: PROMISED_DELAYS[1] });
    expect((await app.ok('app.status', {})).state).toBe('locked');
  });

  it('throttles attempts: each failure doubles the wait up to 30 s, counted on the injected clock', async () => {
    const { app, advance } = clockedApp();
    // Up to the cap (the table above covers the failures beyond it).
    for (const [i, delay] of PROMISED_DELAYS.slice(0, 6).entries()) {
      const failed = errorOf(await login(app, ADMIN.username, `tentativo sbagliato ${i}`));
      expect(failed.kind).toBe('forbidden');
      expect(failed.retryAfterMs, `failure ${i + 1}`).toBe(delay);

      // Immediately, even the right password is not tried.
      const now = errorOf(await login(app, ADMIN.username, ADMIN.password));
      expect(now.kind).toBe('throttled');
      expect(now.retryAfterMs).toBe(delay);
      const seconds = delay / 1000;
      expect(now.message).toContain(`Riprova tra ${seconds} ${seconds === 1 ? 'secondo' : 'secondi'}`);

      advance(delay - 1);
      const almost = errorOf(await login(app, ADMIN.username, ADMIN.password));
      expect(almost.kind).toBe('throttled');
      expect(almost.retryAfterMs).toBe(1);
      expect(almost.message).toContain('Riprova tra 1 secondo');
      advance(1);
    }
  });

  it('keeps the counter across a restart, moves the failures into the audit log at the next sign-in, and starts again from 1 s', async () => {
    const first = clockedApp();
    const { dir, clock } = first;
    errorOf(await login(first.app, ADMIN.username, 'sbagliata uno'));
    first.advance(PROMISED_DELAYS[0]!);
    errorOf(await login(first.app, 'nessuno', 'sbagliata due'));
    first.advance(PROMISED_DELAYS[1]!);
    errorOf(await login(first.app, BRUNO.username, 'sbagliata tre'));
    first.app.core.close();

    // A new process over the same folder.
    const second = startApp(dir, () => clock.now);
    const throttled = errorOf(await login(second, ADMIN.username, ADMIN.password));
    expect(throttled.kind).toBe('throttled');
    expect(throttled.retryAfterMs).toBe(PROMISED_DELAYS[2]);
    const lockoutText = fs.readFileSync(dataPaths(dir).lockout, 'utf8');
    for (const typed of ['sbagliata', 'nessuno', BRUNO.username, ADMIN.username])
      expect(lockoutText).not.toContain(typed);

    clock.now += PROMISED_DELAYS[2]!;
    await second.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    expect(fs.existsSync(dataPaths(dir).lockout)).toBe(false);
    expect((await second.ok('app.status', {})).loginRetryAfterMs).toBe(0);

    const db = openWithKey(dir, templateKey);
    try {
      const rows = auditRows(db);
      const failures = rows.filter((r) => r.action === 'session.login_failed');
      // anna (id 1), an unknown name (no operator), bruno (id 2), in the order they happened.
      expect(failures.map((r) => r.operator_id)).toEqual([1, null, 2]);
      expect(rows.at(-1)?.action).toBe('session.login');
      expect(rows.findIndex((r) => r.action === 'session.login_failed')).toBeLessThan(rows.length - 1);
    } finally {
      db.close();
    }

    // The success cleared the counter: the next failure waits the first delay again.
    await second.ok('session.logout', {});
    expect(errorOf(await login(second, ADMIN.username, 'ancora sbagliata')).retryAfterMs).toBe(
      PROMISED_DELAYS[0],
    );
  });

  it('reports the remaining wait in app.status on the same clock as the sign-in', async () => {
    // The injected clock runs an hour behind the wall clock.
    const { app } = clockedApp(Date.now() - 3_600_000);
    errorOf(await login(app, ADMIN.username, 'sbagliata'));
    const status = await app.ok('app.status', {});
    const attempt = errorOf(await login(app, ADMIN.username, ADMIN.password));
    expect(attempt.kind).toBe('throttled');
    expect(status.loginRetryAfterMs).toBe(attempt.retryAfterMs);
  });

  it('does not grant free attempts when the lockout file is damaged', async () => {
    const { app, dir, advance } = clockedApp();
    fs.writeFileSync(dataPaths(dir).lockout, '{"failures": "zero"');
    const attempt = errorOf(await login(app, ADMIN.username, ADMIN.password));
    expect(attempt.kind).toBe('throttled');
    advance(attempt.retryAfterMs!);
    await app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
  });

  it('refuses sign-in before setup', async () => {
    const app = startApp();
    const error = errorOf(await login(app, ADMIN.username, ADMIN.password));
    expect(error.kind).toBe('conflict');
    expect(fs.existsSync(dataPaths(app.dir).lockout)).toBe(false);
  });
});

describe('changing the password', () => {
  it('checks the current password, then retires the old one', async () => {
    const { app, advance } = clockedApp();
    await app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    const wrong = errorOf(
      await app.call('session.changePassword', {
        currentPassword: 'non la ricordo bene',
        newPassword: 'una frase nuova e lunga',
      }),
    );
    expect(wrong.kind).toBe('validation');
    expect(Object.keys(wrong.fields ?? {})).toEqual(['currentPassword']);
    const same = errorOf(
      await app.call('session.changePassword', {
        currentPassword: ADMIN.password,
        newPassword: ADMIN.password,
      }),
    );
    expect(same.kind).toBe('validation');
    expect(Object.keys(same.fields ?? {})).toEqual(['newPassword']);

    const changed = await app.ok('session.changePassword', {
      currentPassword: ADMIN.password,
      newPassword: 'una frase nuova e lunga',
    });
    expect(changed.operator.username).toBe(ADMIN.username);
    await app.ok('session.logout', {});

    expect(errorOf(await login(app, ADMIN.username, ADMIN.password)).message).toBe(WRONG);
    advance(PROMISED_DELAYS[0]!);
    const again = await app.ok('session.login', {
      username: ADMIN.username,
      password: 'una frase nuova e lunga',
    });
    expect(again.operator.username).toBe(ADMIN.username);
  });

  it('keeps the new password when the same session later changes the key ring', async () => {
    const { app, advance } = clockedApp();
    await app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    await app.ok('session.changePassword', {
      currentPassword: ADMIN.password,
      newPassword: 'una frase nuova e lunga',
    });
    // Any key-ring write after the change (here: adding an operator) must not bring the old slot back.
    await app.ok('operators.create', {
      fullName: 'Carla Neri',
      username: 'carla',
      role: 'operatore',
      temporaryPassword: 'temporanea di carla',
    });
    await app.ok('session.logout', {});

    const withNew = await login(app, ADMIN.username, 'una frase nuova e lunga');
    expect(withNew.ok, JSON.stringify(withNew)).toBe(true);
    await app.ok('session.logout', {});
    advance(PROMISED_DELAYS[0]!);
    expect(errorOf(await login(app, ADMIN.username, ADMIN.password)).message).toBe(WRONG);
  });
});

describe('recovery', () => {
  const typedSloppily = () => recoveryKey.toLowerCase().replace(/-/g, '');

  it('sets a new administrator password from the recovery key, typed lowercase without dashes, and signs in', async () => {
    const { app, dir, advance } = clockedApp();
    const recovered = await app.ok('session.recover', {
      username: ADMIN.username,
      recoveryKey: typedSloppily(),
      newPassword: 'password scelta dopo il recupero',
    });
    expect(recovered.operator).toMatchObject({
      username: ADMIN.username,
      role: 'amministratore',
      mustChangePassword: false,
    });
    const status = await app.ok('app.status', {});
    expect(status.state).toBe('unlocked');
    expect(status.operator?.username).toBe(ADMIN.username);
    await app.ok('session.logout', {});

    expect(errorOf(await login(app, ADMIN.username, ADMIN.password)).message).toBe(WRONG);
    advance(PROMISED_DELAYS[0]!);
    await app.ok('session.login', { username: ADMIN.username, password: 'password scelta dopo il recupero' });
    // The recovery slot itself still works afterwards.
    expect(KeyRing.load(dataPaths(dir).keyring).recoverySlot()).toBeDefined();
    const actions = auditActions(dir);
    expect(actions).toContain('session.recover');
  });

  it('refuses a wrong key, a malformed key, a non-administrator and an unknown name, all alike', async () => {
    const { app, dir, clock } = clockedApp();
    const keyringBefore = fs.readFileSync(dataPaths(dir).keyring, 'utf8');
    // Same length and alphabet as a real key, but not this installation's.
    const otherKey = recoveryKey.replace(/[0-9A-Z]/g, (c) => (c === '7' ? '8' : '7'));
    expect(otherKey).not.toBe(recoveryKey);
    const attempts = [
      { username: ADMIN.username, recoveryKey: otherKey },
      { username: ADMIN.username, recoveryKey: 'non è una chiave' },
      { username: BRUNO.username, recoveryKey },
      { username: 'nessuno', recoveryKey },
    ];
    for (const attempt of attempts) {
      const error = errorOf(
        await app.call('session.recover', { ...attempt, newPassword: 'una password presa in ostaggio' }),
      );
      expect(error.kind, attempt.username).toBe('forbidden');
      expect(error.message).toBe(WRONG_RECOVERY);
      expect((await app.ok('app.status', {})).state).toBe('locked');
      clock.now += error.retryAfterMs ?? 0;
    }
    // Nobody's password changed, and the failures wait for the next sign-in to be logged.
    expect(fs.readFileSync(dataPaths(dir).keyring, 'utf8')).toBe(keyringBefore);
    await app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    await app.ok('session.logout', {});
    const actions = auditActions(dir);
    expect(actions.filter((a) => a === 'session.recover_failed')).toHaveLength(attempts.length);
    expect(actions).not.toContain('session.recover');
  });
});

describe('auto-lock', () => {
  it('locks after the configured minutes without activity, and activity postpones it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { app, dir, clock, advance } = clockedApp();
    await app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    const minutes = (await app.ok('app.status', {})).autoLockMinutes;
    expect(minutes).toBeGreaterThan(1);
    const limit = minutes * 60_000;

    advance(limit / 2);
    const { autoLockAt } = await app.ok('session.activity', {});
    expect(autoLockAt).toBe(new Date(clock.now + limit).toISOString());

    // Past the limit counted from sign-in, but not from the activity.
    advance(limit / 2 + 1000);
    vi.advanceTimersByTime(5_000);
    expect((await app.ok('app.status', {})).state).toBe('unlocked');

    advance(limit / 2);
    vi.advanceTimersByTime(5_000);
    expect((await app.ok('app.status', {})).state).toBe('locked');
    expect(errorOf(await app.call('settings.get', {})).kind).toBe('locked');
    expect(auditActions(dir).at(-1)).toBe('session.autolock');
  });

  it('follows a change of the setting at once', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { app, advance } = clockedApp();
    await app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    await app.ok('settings.update', { cooperative: COOPERATIVE, settings: { autoLockMinutes: 1 } });
    advance(50_000);
    vi.advanceTimersByTime(5_000);
    expect((await app.ok('app.status', {})).state).toBe('unlocked');
    advance(11_000);
    vi.advanceTimersByTime(5_000);
    expect((await app.ok('app.status', {})).state).toBe('locked');
  });
});

describe('managing operators', () => {
  async function signedInAdmin() {
    const t = clockedApp();
    await t.app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    const list = (await t.app.ok('operators.list', {})).operators;
    return {
      ...t,
      anna: list.find((o) => o.username === ADMIN.username)!,
      bruno: list.find((o) => o.username === BRUNO.username)!,
    };
  }

  it('refuses an update based on a stale copy', async () => {
    const { app, bruno } = await signedInAdmin();
    // Bruno was last written when the template was built, well before this rename.
    const renamed = await app.ok('operators.update', {
      id: bruno.id,
      expectedUpdatedAt: bruno.updatedAt,
      fullName: 'Bruno Verdi Primo',
    });
    expect(renamed.operator.updatedAt).not.toBe(bruno.updatedAt);
    const stale = errorOf(
      await app.call('operators.update', {
        id: bruno.id,
        expectedUpdatedAt: bruno.updatedAt,
        fullName: 'Bruno Verdi Secondo',
      }),
    );
    expect(stale.kind).toBe('conflict');
    const now = (await app.ok('operators.list', {})).operators.find((o) => o.id === bruno.id)!;
    expect(now.fullName).toBe('Bruno Verdi Primo');
    const unknown = errorOf(
      await app.call('operators.update', {
        id: 999,
        expectedUpdatedAt: bruno.updatedAt,
        fullName: 'Nessuno',
      }),
    );
    expect(unknown.kind).toBe('not_found');
  });

  it('lets an administrator rename themself but not change their own role or deactivate themself', async () => {
    const { app, dir, anna } = await signedInAdmin();
    for (const change of [{ role: 'operatore' as const }, { active: false }]) {
      const error = errorOf(
        await app.call('operators.update', { id: anna.id, expectedUpdatedAt: anna.updatedAt, ...change }),
      );
      expect(error.kind, JSON.stringify(change)).toBe('forbidden');
    }
    const self = (await app.ok('operators.list', {})).operators.find((o) => o.id === anna.id)!;
    expect(self).toEqual(anna);
    expect(KeyRing.load(dataPaths(dir).keyring).hasSlot(`op:${anna.id}`)).toBe(true);
    const renamed = await app.ok('operators.update', {
      id: anna.id,
      expectedUpdatedAt: anna.updatedAt,
      fullName: 'Anna Bianchi Neri',
    });
    expect(renamed.operator).toMatchObject({
      fullName: 'Anna Bianchi Neri',
      role: 'amministratore',
      active: true,
    });
    const resetSelf = errorOf(
      await app.call('operators.resetPassword', { id: anna.id, temporaryPassword: 'una nuova temporanea' }),
    );
    expect(resetSelf.kind).toBe('forbidden');
  });

  it('reactivates only through a password reset, which asks for a new password at the next sign-in', async () => {
    const { app, dir, bruno } = await signedInAdmin();
    const off = await app.ok('operators.update', {
      id: bruno.id,
      expectedUpdatedAt: bruno.updatedAt,
      active: false,
    });
    expect(off.operator.active).toBe(false);
    const back = errorOf(
      await app.call('operators.update', {
        id: bruno.id,
        expectedUpdatedAt: off.operator.updatedAt,
        active: true,
      }),
    );
    expect(back.kind).toBe('conflict');
    expect(back.message).toMatch(/Reimposta password/);
    expect((await app.ok('operators.list', {})).operators.find((o) => o.id === bruno.id)!.active).toBe(false);

    const reset = await app.ok('operators.resetPassword', {
      id: bruno.id,
      temporaryPassword: 'nuova temporanea di bruno',
    });
    expect(reset.operator).toMatchObject({ active: true, mustChangePassword: true });
    expect(KeyRing.load(dataPaths(dir).keyring).hasSlot(`op:${bruno.id}`)).toBe(true);
    expect(auditActions(dir).slice(-2)).toEqual(['operators.deactivate', 'operators.reactivate']);
    await app.ok('session.logout', {});

    const signedIn = await app.ok('session.login', {
      username: BRUNO.username,
      password: 'nuova temporanea di bruno',
    });
    expect(signedIn.operator).toMatchObject({ username: BRUNO.username, mustChangePassword: true });
  });

  it('refuses a username already taken, in any case', async () => {
    const { app } = await signedInAdmin();
    const error = errorOf(
      await app.call('operators.create', {
        fullName: 'Altro Bruno',
        username: 'BRUNO',
        role: 'operatore',
        temporaryPassword: 'temporanea altro bruno',
      }),
    );
    expect(error.kind).toBe('conflict');
    expect(Object.keys(error.fields ?? {})).toEqual(['username']);
    expect((await app.ok('operators.list', {})).operators).toHaveLength(2);
  });
});
