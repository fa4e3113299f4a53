import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { STATUS_KEY } from '../api';

/** Re-reads app.status, which moves the UI to the screen the new state needs. */
export function useRefreshStatus(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: STATUS_KEY }), [queryClient]);
}
