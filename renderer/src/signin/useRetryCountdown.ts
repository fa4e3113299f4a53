import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/contract';

export interface RetryCountdown {
  /** Milliseconds before another attempt is accepted (0 = now). */
  leftMs: number;
  /**
   * Starts the wait after an answer that carries `retryAfterMs`. True when the
   * answer was only "too early" (the countdown says it all).
   */
  note: (error: ApiError) => boolean;
}

/** The wait the server imposes between sign-in attempts, counting down on screen. */
export function useRetryCountdown(serverRetryAt: number): RetryCountdown {
  const [localRetryAt, setLocalRetryAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const retryAt = Math.max(serverRetryAt, localRetryAt);
  const leftMs = Math.max(0, retryAt - now);

  useEffect(() => {
    if (retryAt <= Date.now()) return;
    setNow(Date.now());
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= retryAt) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [retryAt]);

  const note = (error: ApiError) => {
    if (error.retryAfterMs && error.retryAfterMs > 0) setLocalRetryAt(Date.now() + error.retryAfterMs);
    return error.kind === 'throttled';
  };
  return { leftMs, note };
}
