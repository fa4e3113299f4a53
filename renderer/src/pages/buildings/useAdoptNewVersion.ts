import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/**
 * After a conflict the record is read again: the fields the user did not
 * touch take the new saved values, the typed ones stay. A second "Salva"
 * then overwrites only what the user changed.
 */
export function useAdoptNewVersion<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  values: T | undefined,
  version: string | undefined,
): void {
  const seen = useRef(version);
  const latest = useRef(values);
  latest.current = values;
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    if (latest.current) form.reset(latest.current, { keepDirtyValues: true, keepErrors: true });
  }, [form, version]);
}
