import { useEffect, useRef, useState } from 'react';
import { useGuardedCall } from '../api';
import { LockWarningDialog } from './LockWarningDialog';
import { ACTIVITY_PING_MS, warningLeadMs } from './timing';
import { useUserInput } from './useUserInput';

interface Props {
  /** Minutes without input before the app locks itself. */
  minutes: number;
  lock: () => Promise<void>;
}

/**
 * While signed in: tells the server about input (at most once a minute),
 * warns before the timeout, and locks when it passes. The server keeps its
 * own timer too, so a sleeping renderer cannot keep the data open.
 */
export function AutoLock({ minutes, lock }: Props) {
  const guardedCall = useGuardedCall();
  const [remainingMs, setRemainingMs] = useState<number | null>(null);
  const lastInput = useUserInput(remainingMs !== null);
  const lastPing = useRef(Date.now());
  const locking = useRef(false);
  const timeoutMs = minutes * 60_000;

  useEffect(() => {
    const tick = () => {
      const now = Date.now();
      if (lastInput.current > lastPing.current && now - lastPing.current >= ACTIVITY_PING_MS) {
        lastPing.current = now;
        void guardedCall('session.activity', {});
      }
      const left = lastInput.current + timeoutMs - now;
      if (left <= 0) {
        if (!locking.current) {
          locking.current = true;
          void lock();
        }
        return;
      }
      setRemainingMs(left <= warningLeadMs(timeoutMs) ? left : null);
    };
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [guardedCall, lastInput, lock, timeoutMs]);

  const stayConnected = () => {
    const now = Date.now();
    lastInput.current = now;
    lastPing.current = now;
    setRemainingMs(null);
    void guardedCall('session.activity', {});
  };

  return <LockWarningDialog remainingMs={remainingMs} onStay={stayConnected} />;
}
