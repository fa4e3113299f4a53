import type { Handler } from '../core/context';

/** Hands a file from the outbox to the user; only the operator who produced it may take it. */
export const deliver: Handler<'files.deliver'> = async (input, ctx) => {
  const { file, path } = ctx.outbox.get(input.id, ctx.operator.id);
  return ctx.shell.deliver(file, path);
};
