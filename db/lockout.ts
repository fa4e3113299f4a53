import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

/**
 * Failed sign-ins happen while the database is locked, so they are kept in a
 * small file beside it (no names, no typed text: time and, when the username
 * matched a key slot, the operator id) and moved into the audit log at the
 * next successful sign-in. The counter survives a restart.
 */
const MAX_PENDING = 1000;
const pendingSchema = z.object({
  at: z.string(),
  operatorId: z.number().int().nullable(),
  action: z.string(),
});
const fileSchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.number().nullable(),
  pending: z.array(pendingSchema),
});
export type LockoutState = z.infer<typeof fileSchema>;
export type PendingFailure = z.infer<typeof pendingSchema>;

const EMPTY: LockoutState = { failures: 0, lastFailureAt: null, pending: [] };

/** 1 s after the first failure, then 2, 4, 8 … capped at 30 s. */
export function delayAfter(failures: number): number {
  return failures <= 0 ? 0 : Math.min(2 ** (failures - 1), 30) * 1000;
}

export class Lockout {
  constructor(private readonly file: string) {}

  read(): LockoutState {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
      throw err;
    }
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through
    }
    // A damaged file must not grant unlimited attempts: count it as five failures at its last change.
    return { failures: 5, lastFailureAt: fs.statSync(this.file).mtimeMs, pending: [] };
  }

  /** Milliseconds to wait before the next attempt is accepted. */
  retryAfterMs(now = Date.now()): number {
    const state = this.read();
    if (state.lastFailureAt === null) return 0;
    return Math.max(0, state.lastFailureAt + delayAfter(state.failures) - now);
  }

  recordFailure(entry: PendingFailure, now = Date.now()): number {
    const state = this.read();
    const next: LockoutState = {
      failures: state.failures + 1,
      lastFailureAt: now,
      pending: [...state.pending, entry].slice(-MAX_PENDING),
    };
    writeFileAtomic(this.file, JSON.stringify(next));
    return delayAfter(next.failures);
  }

  pending(): PendingFailure[] {
    return this.read().pending;
  }

  reset(): void {
    fs.rmSync(this.file, { force: true });
  }
}
