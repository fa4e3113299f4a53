import crypto from 'node:crypto';
import fs from 'node:fs';
import { appendAudit } from '../../db/audit';
import { openDatabase } from '../../db/connection';
import { AppError } from '../../db/errors';
import { KEY_BYTES, KeyRing, operatorSlotId, prepareSecret } from '../../db/keyring';
import { migrate } from '../../db/migrate';
import { getOperator, insertOperator } from '../../db/queries/operators';
import {
  DEFAULT_SETTINGS,
  setCooperative,
  setRecoveryKeyPending,
  setSettings,
} from '../../db/queries/settings';
import { transaction } from '../../db/sync';
import type { Handler } from '../core/context';
import { toSessionOperator } from '../core/vault';
import { newRecoveryKey } from './recovery-key';

/**
 * First start: a random database key, the encrypted database with the first
 * administrator, and a key ring with their slot and the recovery slot. The
 * database is built under a temporary name and renamed last, so a crash
 * half-way leaves the app still asking for setup.
 */
export const create: Handler<'setup.create'> = async (input, ctx) => {
  const { vault } = ctx;
  if (!vault.needsSetup()) {
    throw new AppError(
      'conflict',
      'Cortile è già configurato su questo computer: accedere con il proprio nome utente.',
    );
  }
  const { paths } = vault;
  const dbKey = crypto.randomBytes(KEY_BYTES);
  const recoveryKey = newRecoveryKey();
  const [adminSecret, recoverySecret] = await Promise.all([
    prepareSecret(input.admin.password),
    prepareSecret(recoveryKey),
  ]);

  const tmp = `${paths.database}.setup`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  const db = openDatabase(tmp, dbKey, { create: true });
  const keyring = KeyRing.create();
  let adminId: number;
  try {
    await migrate(db);
    const now = ctx.now();
    adminId = transaction(db, () => {
      const id = insertOperator(
        db,
        {
          fullName: input.admin.fullName,
          username: input.admin.username,
          role: 'amministratore',
          mustChangePassword: false,
          createdBy: null,
        },
        now,
      );
      setCooperative(db, input.cooperative, id, now);
      setSettings(db, DEFAULT_SETTINGS, id, now);
      // Until the administrator confirms having kept the key shown next.
      setRecoveryKeyPending(db, true, id, now);
      appendAudit(db.raw, { operatorId: id, action: 'setup.create', recordType: 'operator', recordId: id });
      return id;
    });
  } finally {
    db.close();
  }
  keyring.sealSlot(operatorSlotId(adminId), input.admin.username, adminSecret, dbKey);
  keyring.sealSlot('recovery', null, recoverySecret, dbKey);
  keyring.save(paths.keyring);
  fs.renameSync(tmp, paths.database);

  const opened = await vault.open(dbKey, keyring, adminId);
  vault.recordSuccess(opened, adminId, 'session.login');
  const admin = getOperator(opened, adminId);
  if (!admin) throw new Error('administrator missing after setup');
  ctx.log.info('setup completed');
  return { recoveryKey, operator: toSessionOperator(admin) };
};
