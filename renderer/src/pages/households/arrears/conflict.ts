import type { ApiError } from '../../../../../shared/contract';

/**
 * A save refused because someone else changed the record first. The panel has already been
 * read again (conflicts refetch), and the dialog keeps what was typed, so the message says
 * to check and save again rather than to reload the page.
 */
export function conflictNote(error: ApiError, what: string): ApiError {
  if (error.kind !== 'conflict' || !error.message.includes('qualcun altro')) return error;
  return {
    ...error,
    message: `Nel frattempo qualcun altro ha modificato ${what}. Il pannello mostra ora la versione salvata e il modulo tiene quanto scritto: controllare e salvare di nuovo.`,
  };
}
