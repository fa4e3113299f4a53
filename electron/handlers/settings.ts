import { appendAudit } from '../../db/audit';
import { getCooperative, getSettings, setCooperative, setSettings } from '../../db/queries/settings';
import { transaction } from '../../db/sync';
import type { Handler } from '../core/context';

export const get: Handler<'settings.get'> = (_input, ctx) => ({
  cooperative: getCooperative(ctx.db),
  settings: getSettings(ctx.db),
});

export const update: Handler<'settings.update'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    setCooperative(db, input.cooperative, ctx.operator.id, now);
    setSettings(db, input.settings, ctx.operator.id, now);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'settings.update',
      recordType: 'settings',
      recordId: null,
    });
  });
  ctx.vault.setAutoLockMinutes(input.settings.autoLockMinutes);
  return { cooperative: getCooperative(db), settings: getSettings(db) };
};
