import { createContext, useContext } from 'react';

export type NotifySeverity = 'success' | 'error' | 'info';
export type Notify = (message: string, severity?: NotifySeverity) => void;

export interface Notes {
  notify: Notify;
  /** Hides the message on screen (when the session locks, say). */
  clear: () => void;
}

export const NotifyContext = createContext<Notes>({ notify: () => undefined, clear: () => undefined });

/** Shows a short message at the bottom of the window ("Operatore aggiunto"). */
export function useNotify(): Notify {
  return useContext(NotifyContext).notify;
}

export function useClearNotes(): () => void {
  return useContext(NotifyContext).clear;
}
