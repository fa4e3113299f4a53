import { describe, expect, it } from 'vitest';
import { KeyRing } from '../../db/keyring';
import { dataPaths } from '../../db/paths';
import { ADMIN, setUpApp } from './helpers';
import { auditRows, openWithKey, unwrapKey } from './support';

async function pending(app: Awaited<ReturnType<typeof setUpApp>>): Promise<boolean> {
  return (await app.ok('app.status', {})).recoveryKeyPending;
}

describe('recovery key confirmation and renewal', () => {
  it('is pending right after setup, until the administrator confirms it', async () => {
    const app = await setUpApp();
    expect(await pending(app)).toBe(true);
    await app.ok('recoveryKey.confirm', {});
    expect(await pending(app)).toBe(false);
    // Still confirmed after signing in again.
    await app.ok('session.logout', {});
    await app.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await pending(app)).toBe(false);
  });

  it('renewing replaces the recovery slot: the old key stops working, the new one works', async () => {
    const app = await setUpApp();
    const oldKey = app.recoveryKey;
    await app.ok('recoveryKey.confirm', {});
    const { recoveryKey: newKey } = await app.ok('recoveryKey.renew', {});
    expect(newKey).not.toBe(oldKey);
    expect(await pending(app)).toBe(true);

    const keyring = KeyRing.load(dataPaths(app.dir).keyring);
    const slot = keyring.recoverySlot();
    expect(slot).toBeDefined();
    if (!slot) return;
    expect(await keyring.unwrap(slot, oldKey)).toBeNull();
    const viaNew = await keyring.unwrap(slot, newKey);
    expect(viaNew?.equals(await unwrapKey(app.dir))).toBe(true);
  });

  it('is an administrator-only call, recorded in the audit log without the key', async () => {
    const app = await setUpApp();
    const { recoveryKey } = await app.ok('recoveryKey.renew', {});
    await app.ok('recoveryKey.confirm', {});
    await app.ok('operators.create', {
      fullName: 'Carla Neri',
      username: 'carla',
      role: 'coordinatore',
      temporaryPassword: 'temporanea di carla',
    });
    await app.ok('session.logout', {});
    await app.ok('session.login', { username: 'carla', password: 'temporanea di carla' });
    await app.ok('session.changePassword', {
      currentPassword: 'temporanea di carla',
      newPassword: 'password definitiva di carla',
    });
    const refused = await app.call('recoveryKey.renew', {});
    expect(refused.ok ? 'ok' : refused.error.kind).toBe('forbidden');
    // A coordinator is never asked to confirm a key.
    expect(await pending(app)).toBe(false);

    const db = openWithKey(app.dir, await unwrapKey(app.dir));
    try {
      const rows = auditRows(db);
      const actions = rows.map((r) => r.action);
      expect(actions).toContain('recoveryKey.renew');
      expect(actions).toContain('recoveryKey.confirm');
      expect(actions.filter((a) => a === 'recoveryKey.renew')).toHaveLength(1);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(recoveryKey);
      expect(text).not.toContain(recoveryKey.replaceAll('-', ''));
    } finally {
      db.close();
    }
  });
});
