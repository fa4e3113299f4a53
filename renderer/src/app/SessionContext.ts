import { createContext, useContext } from 'react';
import type { SessionOperator } from '../../../shared/contract';

export interface SessionInfo {
  operator: SessionOperator;
  cooperativeName: string;
  autoLockMinutes: number;
  /** Locks now: the sign-in screen covers the app, typed text stays in memory. */
  lock: () => Promise<void>;
  /** Signs out: the app's screens are discarded. */
  logout: () => Promise<void>;
  /**
   * Marks a just renewed recovery key as on screen (in Impostazioni): until it
   * is unmarked, the "Chiave di recupero da confermare" page does not cover it.
   */
  setKeyOnScreen: (onScreen: boolean) => void;
}

export const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in operator and session actions; only inside the app frame. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in app');
  return session;
}
