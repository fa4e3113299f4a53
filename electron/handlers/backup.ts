import type { Handler } from '../core/context';

/** Administrators only (the contract says so); every call here acts on the whole database. */

export const list: Handler<'backup.list'> = (_input, ctx) => {
  return ctx.vault.backups.list(ctx.vault.requireSession().key);
};

export const create: Handler<'backup.create'> = (_input, ctx) => {
  return ctx.vault.backups.create('manuale', ctx.operator.id);
};

export const restore: Handler<'backup.restore'> = async (input, ctx) => {
  await ctx.vault.backups.restore(input.id, ctx.operator.id);
  return { done: true };
};

export const settings: Handler<'backup.settings'> = (_input, ctx) => {
  return ctx.vault.backups.settings();
};

export const updateSettings: Handler<'backup.updateSettings'> = (input, ctx) => {
  return ctx.vault.backups.updateSettings(input, ctx.operator.id);
};

/** Public: answers only after a sign-in that proved a password found the database damaged. */
export const damaged: Handler<'backup.damaged'> = (_input, ctx) => {
  const state = ctx.vault.backups.damaged();
  if (!state) return { damaged: false, items: [], unreachable: [] };
  const { items, unreachable } = ctx.vault.backups.list(state.key);
  return { damaged: true, items: items.filter((i) => i.readable), unreachable };
};

export const restoreDamaged: Handler<'backup.restoreDamaged'> = async (input, ctx) => {
  await ctx.vault.backups.restoreDamaged(input.id);
  return { done: true };
};

export const leaveDamaged: Handler<'backup.leaveDamaged'> = (_input, ctx) => {
  ctx.vault.backups.forgetDamaged();
  return { done: true };
};
