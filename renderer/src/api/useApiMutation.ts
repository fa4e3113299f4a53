import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiResult, CallInput, CallName, CallOutput } from '../../../shared/contract';
import { useGuardedCall } from './useGuardedCall';

export interface ApiMutation<N extends CallName> {
  /** Resolves with the call's result; never rejects. */
  run: (input: CallInput<N>) => Promise<ApiResult<CallOutput<N>>>;
  isPending: boolean;
}

/**
 * A write call. After a success, or a conflict (the data shown was stale),
 * the listed reads are fetched again.
 */
export function useApiMutation<N extends CallName>(
  name: N,
  invalidates: readonly CallName[] = [],
): ApiMutation<N> {
  const queryClient = useQueryClient();
  const guardedCall = useGuardedCall();
  const mutation = useMutation({
    mutationFn: (input: CallInput<N>) => guardedCall(name, input),
    onSuccess: async (result) => {
      if (!result.ok && result.error.kind !== 'conflict') return;
      await Promise.all(invalidates.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
  return { run: mutation.mutateAsync, isPending: mutation.isPending };
}
