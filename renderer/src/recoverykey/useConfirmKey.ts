import { useState } from 'react';
import { useApiMutation } from '../api';

export interface ConfirmKey {
  confirm: () => Promise<void>;
  /** Why the confirmation failed, if it did. */
  message: string | null;
  busy: boolean;
}

/** `recoveryKey.confirm`, then `onConfirmed` (the button stays disabled until both are done). */
export function useConfirmKey(onConfirmed: () => Promise<void> | void): ConfirmKey {
  const mutation = useApiMutation('recoveryKey.confirm');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setMessage(null);
    setBusy(true);
    try {
      const result = await mutation.run({});
      // A locked session needs no message: the sign-in screen takes over.
      if (!result.ok) {
        if (result.error.kind !== 'locked') setMessage(result.error.message);
        return;
      }
      await onConfirmed();
    } finally {
      setBusy(false);
    }
  };
  return { confirm, message, busy };
}
