import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import type { ApiError } from '../../../shared/contract';

/**
 * Puts the server's field messages (dotted paths) on the matching form fields.
 * Returns the paths it could place, so the caller can show the rest as a
 * form-level message.
 */
export function applyServerErrors<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  error: ApiError,
): string[] {
  const placed: string[] = [];
  const values: unknown = form.getValues();
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    if (!hasPath(values, path)) continue;
    form.setError(path as FieldPath<T>, { type: 'server', message }, { shouldFocus: placed.length === 0 });
    placed.push(path);
  }
  return placed;
}

/** Whether the server's message still needs saying once the field messages are placed. */
export function needsFormMessage(error: ApiError, placed: readonly string[]): boolean {
  const fields = Object.keys(error.fields ?? {});
  return fields.length === 0 || placed.length < fields.length;
}

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}
