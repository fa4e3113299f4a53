import { useState } from 'react';
import { useApiMutation } from '../api';

export interface RenewKey {
  renew: () => Promise<void>;
  /** The new key, once the server made it. */
  recoveryKey: string | null;
  /** Why the renewal failed, if it did. */
  message: string | null;
  pending: boolean;
}

/** `recoveryKey.renew`: a new key replaces the old one, which stops working at once. */
export function useRenewKey(): RenewKey {
  const mutation = useApiMutation('recoveryKey.renew');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const renew = async () => {
    if (mutation.isPending) return;
    setMessage(null);
    const result = await mutation.run({});
    if (result.ok) setRecoveryKey(result.value.recoveryKey);
    // A locked session needs no message: the sign-in screen takes over.
    else if (result.error.kind !== 'locked') setMessage(result.error.message);
  };
  return { renew, recoveryKey, message, pending: mutation.isPending };
}
