import type { Handler } from '../core/context';
import { getCooperative, getSettings, DEFAULT_SETTINGS } from '../../db/queries/settings';
import { toSessionOperator } from '../core/vault';

export const status: Handler<'app.status'> = (_input, ctx) => {
  const { vault } = ctx;
  const loginRetryAfterMs = vault.retryAfterMs();
  if (vault.needsSetup()) {
    return {
      state: 'needs_setup',
      operator: null,
      cooperativeName: null,
      autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes,
      loginRetryAfterMs,
    };
  }
  const operator = vault.currentOperator();
  if (!vault.unlocked || !operator || operator.active !== 1) {
    return {
      state: 'locked',
      operator: null,
      cooperativeName: null,
      autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes,
      loginRetryAfterMs,
    };
  }
  const db = vault.requireDb();
  return {
    state: 'unlocked',
    operator: toSessionOperator(operator),
    cooperativeName: getCooperative(db).name,
    autoLockMinutes: getSettings(db).autoLockMinutes,
    loginRetryAfterMs,
  };
};
