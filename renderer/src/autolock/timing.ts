/** How often the server hears that someone is at the keyboard. */
export const ACTIVITY_PING_MS = 60_000;

/** How long before the lock the warning shows: a minute, or half the timeout if that is shorter. */
export function warningLeadMs(timeoutMs: number): number {
  return Math.min(60_000, Math.floor(timeoutMs / 2));
}
