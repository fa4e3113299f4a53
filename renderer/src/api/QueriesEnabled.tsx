import { createContext, useContext } from 'react';

/**
 * False while the signed-in tree is kept hidden behind the sign-in screen:
 * its queries stop and their cached data is dropped.
 */
export const QueriesEnabled = createContext(true);

export function useQueriesEnabled(): boolean {
  return useContext(QueriesEnabled);
}
