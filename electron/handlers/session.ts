import { normaliseRecoveryKey } from '../../shared/recovery-key';
import { appendAudit } from '../../db/audit';
import { openDatabase } from '../../db/connection';
import { AppError } from '../../db/errors';
import { operatorSlotId, prepareSecret } from '../../db/keyring';
import {
  findOperatorByUsername,
  getOperator,
  updateOperator,
  type OperatorRow,
} from '../../db/queries/operators';
import { transaction } from '../../db/sync';
import type { Handler, HandlerContext } from '../core/context';
import { toSessionOperator, WRONG_CREDENTIALS } from '../core/vault';

const WRONG_RECOVERY = 'Nome utente o chiave di recupero non corretti.';

function signedIn(ctx: HandlerContext, operatorId: number) {
  const row = getOperator(ctx.vault.requireDb(), operatorId);
  if (!row) throw new Error('operator missing after sign-in');
  return { operator: toSessionOperator(row) };
}

export const login: Handler<'session.login'> = async (input, ctx) => {
  const { vault } = ctx;
  if (vault.needsSetup()) throw new AppError('conflict', 'Cortile non è ancora configurato.');
  vault.checkThrottle();
  const keyring = vault.loadKeyring();
  const slot = keyring.findByUsername(input.username);
  const key = await vault.tryUnwrap(keyring, slot?.id.startsWith('op:') ? slot : undefined, input.password);
  const refuse = () => {
    const retryAfterMs = vault.recordFailure('session.login_failed', slot);
    return new AppError('forbidden', WRONG_CREDENTIALS, { retryAfterMs });
  };
  if (!key || !slot) throw refuse();
  const operatorId = Number(slot.id.slice(3));
  const db = await vault.open(key, keyring, operatorId);
  const row = getOperator(db, operatorId);
  if (!row || row.active !== 1 || row.username !== input.username) {
    vault.close('session.login_refused');
    throw refuse();
  }
  vault.recordSuccess(db, operatorId, 'session.login');
  return signedIn(ctx, operatorId);
};

export const logout: Handler<'session.logout'> = (_input, ctx) => {
  ctx.vault.close('session.logout');
  return { done: true };
};

export const lock: Handler<'session.lock'> = (_input, ctx) => {
  ctx.vault.close('session.lock');
  return { done: true };
};

export const activity: Handler<'session.activity'> = (_input, ctx) => {
  return { autoLockAt: new Date(ctx.vault.touch()).toISOString() };
};

/** Re-wraps the operator's slot under a new password; the write and its audit entry go together. */
function replacePassword(
  ctx: HandlerContext,
  operator: OperatorRow,
  prepared: Awaited<ReturnType<typeof prepareSecret>>,
  action: string,
): void {
  const db = ctx.db;
  const now = ctx.now();
  transaction(db, () => {
    updateOperator(db, operator.id, { must_change_password: 0 }, now);
    appendAudit(db.raw, { operatorId: operator.id, action, recordType: 'operator', recordId: operator.id });
    ctx.vault.saveSlot(operatorSlotId(operator.id), operator.username, prepared);
  });
}

export const changePassword: Handler<'session.changePassword'> = async (input, ctx) => {
  const operator = ctx.operator;
  // The session's own key ring: later writes in this session must not bring back the old slot.
  const { keyring } = ctx.vault.requireSession();
  const slot = keyring.findByUsername(operator.username);
  const key = slot && (await keyring.unwrap(slot, input.currentPassword));
  if (!key) {
    throw new AppError('validation', 'La password attuale non è corretta.', {
      fields: { currentPassword: 'La password attuale non è corretta.' },
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation', 'La nuova password deve essere diversa da quella attuale.', {
      fields: { newPassword: 'La nuova password deve essere diversa da quella attuale.' },
    });
  }
  replacePassword(ctx, operator, await prepareSecret(input.newPassword), 'session.changePassword');
  return signedIn(ctx, operator.id);
};

/**
 * Forgotten password: the recovery key opens the database, and an active
 * administrator named by the username gets a new password and is signed in.
 */
export const recover: Handler<'session.recover'> = async (input, ctx) => {
  const { vault } = ctx;
  if (vault.needsSetup()) throw new AppError('conflict', 'Cortile non è ancora configurato.');
  vault.checkThrottle();
  const keyring = vault.loadKeyring();
  const recoveryKey = normaliseRecoveryKey(input.recoveryKey);
  const slot = keyring.recoverySlot();
  const key = await vault.tryUnwrap(
    keyring,
    recoveryKey ? slot : undefined,
    recoveryKey ?? input.recoveryKey,
  );
  const refuse = () => {
    const retryAfterMs = vault.recordFailure('session.recover_failed', undefined);
    return new AppError('forbidden', WRONG_RECOVERY, { retryAfterMs });
  };
  if (!key) throw refuse();
  // Check the administrator before signing anyone in.
  const probe = openDatabase(vault.paths.database, key);
  let admin: OperatorRow | undefined;
  try {
    admin = findOperatorByUsername(probe, input.username);
  } finally {
    probe.close();
  }
  if (!admin || admin.active !== 1 || admin.role !== 'amministratore') throw refuse();
  const prepared = await prepareSecret(input.newPassword);
  const db = await vault.open(key, keyring, admin.id);
  vault.recordSuccess(db, admin.id, 'session.login');
  replacePassword(ctx, admin, prepared, 'session.recover');
  return signedIn(ctx, admin.id);
};
