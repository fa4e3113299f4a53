import { useCallback, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ApiError } from '../../../shared/contract';
import { applyServerErrors, needsFormMessage } from './serverErrors';

export interface ServerErrors {
  /** The form-level message to show, if any. */
  message: string | null;
  /**
   * Shows an error: field messages on the fields, the rest as the form
   * message. A `locked` error shows nothing: the sign-in screen takes over.
   * Returns the placed paths.
   */
  show: (error: ApiError) => string[];
  clear: () => void;
}

export function useServerErrors<T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>): ServerErrors {
  const [message, setMessage] = useState<string | null>(null);
  const show = useCallback(
    (error: ApiError) => {
      if (error.kind === 'locked') return [];
      const placed = applyServerErrors(form, error);
      setMessage(needsFormMessage(error, placed) ? error.message : null);
      return placed;
    },
    [form],
  );
  const clear = useCallback(() => setMessage(null), []);
  return { message, show, clear };
}
