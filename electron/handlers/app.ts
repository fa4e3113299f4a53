import type { AppStatus } from '../../shared/contract';
import {
  DEFAULT_SETTINGS,
  getCooperative,
  getSettings,
  isRecoveryKeyPending,
} from '../../db/queries/settings';
import type { Handler } from '../core/context';
import { toSessionOperator } from '../core/vault';

export const status: Handler<'app.status'> = (_input, ctx) => {
  const { vault } = ctx;
  const closed = (state: 'needs_setup' | 'locked'): AppStatus => ({
    state,
    operator: null,
    cooperativeName: null,
    autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes,
    loginRetryAfterMs: vault.retryAfterMs(),
    recoveryKeyPending: false,
  });
  if (vault.needsSetup()) return closed('needs_setup');
  const operator = vault.currentOperator();
  if (!vault.unlocked || !operator || operator.active !== 1) return closed('locked');
  const db = vault.requireDb();
  return {
    state: 'unlocked',
    operator: toSessionOperator(operator),
    cooperativeName: getCooperative(db).name,
    autoLockMinutes: getSettings(db).autoLockMinutes,
    loginRetryAfterMs: vault.retryAfterMs(),
    recoveryKeyPending: operator.role === 'amministratore' && isRecoveryKeyPending(db),
  };
};
