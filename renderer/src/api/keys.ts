import type { CallName } from '../../../shared/contract';

export const STATUS_KEY = ['app.status'] as const;

/** Whether a cached query belongs to the signed-in session (everything but app.status). */
export function isSessionQuery(queryKey: readonly unknown[]): boolean {
  return queryKey[0] !== STATUS_KEY[0];
}

export function queryKeyOf(name: CallName, input: unknown): readonly unknown[] {
  return [name, input ?? {}];
}
