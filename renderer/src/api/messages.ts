import type { ApiError } from '../../../shared/contract';

/** Errors produced by the transport itself, before any handler answered. */
export const TRANSPORT_ERRORS = {
  unreachable: {
    kind: 'internal',
    message: 'Impossibile contattare il servizio di Cortile. Riavviare l’applicazione.',
  },
  forbidden: {
    kind: 'forbidden',
    message: 'Il servizio di Cortile ha rifiutato la richiesta. Riaprire Cortile dal collegamento iniziale.',
  },
  badRequest: {
    kind: 'validation',
    message: 'Il servizio di Cortile non ha accettato la richiesta.',
  },
  badAnswer: {
    kind: 'internal',
    message: 'Il servizio di Cortile ha dato una risposta inattesa. Riavviare l’applicazione.',
  },
} as const satisfies Record<string, ApiError>;
