import crypto from 'node:crypto';
import { formatRecoveryKey, RECOVERY_KEY_BYTES } from '../../shared/recovery-key';
import { appendAudit } from '../../db/audit';
import { prepareSecret } from '../../db/keyring';
import { setRecoveryKeyPending } from '../../db/queries/settings';
import { transaction } from '../../db/sync';
import type { Handler } from '../core/context';

export function newRecoveryKey(): string {
  return formatRecoveryKey(crypto.randomBytes(RECOVERY_KEY_BYTES));
}

/** Replaces the recovery slot with a new key; the old key stops working at once. */
export const renew: Handler<'recoveryKey.renew'> = async (_input, ctx) => {
  const recoveryKey = newRecoveryKey();
  const prepared = await prepareSecret(recoveryKey);
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    setRecoveryKeyPending(db, true, ctx.operator.id, now);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'recoveryKey.renew',
      recordType: 'keyring',
      recordId: 'recovery',
    });
    ctx.vault.saveSlot('recovery', null, prepared);
  });
  return { recoveryKey };
};

export const confirm: Handler<'recoveryKey.confirm'> = (_input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    setRecoveryKeyPending(db, false, ctx.operator.id, now);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'recoveryKey.confirm',
      recordType: 'keyring',
      recordId: 'recovery',
    });
  });
  return { done: true };
};
