import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiResult, CallInput, CallName, CallOutput } from '../../../shared/contract';
import { call } from './call';
import { STATUS_KEY } from './keys';

/**
 * `call`, plus: an answer saying the app is locked sends the UI back to the
 * sign-in screen by re-reading app.status.
 */
export function useGuardedCall(): <N extends CallName>(
  name: N,
  input: CallInput<N>,
) => Promise<ApiResult<CallOutput<N>>> {
  const queryClient = useQueryClient();
  return useCallback(
    async <N extends CallName>(name: N, input: CallInput<N>) => {
      const result = await call(name, input);
      if (!result.ok && result.error.kind === 'locked') {
        await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
      }
      return result;
    },
    [queryClient],
  );
}
