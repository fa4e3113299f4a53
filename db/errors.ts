import type { ErrorKind } from '../shared/contract/common';

/** An error whose message is Italian and safe to show to the user. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly extra: { fields?: Record<string, string>; retryAfterMs?: number; damaged?: boolean } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}
