import type { ApiError } from '../../../../shared/contract';

/**
 * A save refused because someone else saved first: the record has already
 * been read again and the form now shows that version with what was typed,
 * so the message says what to do here rather than "reload the page".
 */
export function conflictNote(error: ApiError, what: string): ApiError {
  if (error.kind !== 'conflict' || (error.fields && Object.keys(error.fields).length > 0)) return error;
  return {
    ...error,
    message: `Nel frattempo qualcun altro ha modificato ${what}. Il modulo ora mostra la versione salvata, con le modifiche appena scritte: controllarle e salvare di nuovo.`,
  };
}
