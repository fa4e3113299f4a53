import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AppStatus } from '../../../shared/contract';
import { isSessionQuery, STATUS_KEY, useGuardedCall } from '../api';
import { useRefreshStatus } from './useRefreshStatus';

export interface SessionActions {
  lock: () => Promise<void>;
  logout: () => Promise<void>;
  /** Drops every cached answer and pending write of the session that just ended. */
  forgetSessionData: () => void;
}

export function useSessionActions(onLogout: () => void): SessionActions {
  const queryClient = useQueryClient();
  const guardedCall = useGuardedCall();
  const refreshStatus = useRefreshStatus();

  // Shows the sign-in screen at once, in the same render as whatever the caller changes next;
  // the status read that follows confirms it.
  const markLocked = useCallback(() => {
    queryClient.setQueryData<AppStatus>(
      STATUS_KEY,
      (status) => status && { ...status, state: 'locked', operator: null },
    );
  }, [queryClient]);

  const lock = useCallback(async () => {
    await guardedCall('session.lock', {});
    markLocked();
    await refreshStatus();
  }, [guardedCall, markLocked, refreshStatus]);

  const logout = useCallback(async () => {
    await guardedCall('session.logout', {});
    markLocked();
    onLogout();
    await refreshStatus();
  }, [guardedCall, markLocked, onLogout, refreshStatus]);

  const forgetSessionData = useCallback(() => {
    // Queries of the hidden tree are disabled by now, so resetting them fetches nothing.
    void queryClient.resetQueries({ predicate: (query) => isSessionQuery(query.queryKey) });
    queryClient.getMutationCache().clear();
  }, [queryClient]);

  return { lock, logout, forgetSessionData };
}
