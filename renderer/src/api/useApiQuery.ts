import { useQuery } from '@tanstack/react-query';
import type { ApiError, CallInput, CallName, CallOutput } from '../../../shared/contract';
import { queryKeyOf } from './keys';
import { useQueriesEnabled } from './QueriesEnabled';
import { useGuardedCall } from './useGuardedCall';

export interface ApiQuery<T> {
  value: T | undefined;
  error: ApiError | undefined;
  isPending: boolean;
  /** When the shown answer arrived (ms since epoch), 0 before the first. */
  updatedAt: number;
  refetch: () => void;
}

/** A read call through TanStack Query. Errors come back as values, never thrown. */
export function useApiQuery<N extends CallName>(name: N, input: CallInput<N>): ApiQuery<CallOutput<N>> {
  const enabled = useQueriesEnabled();
  const guardedCall = useGuardedCall();
  const query = useQuery({
    queryKey: queryKeyOf(name, input),
    queryFn: () => guardedCall(name, input),
    enabled,
  });
  const result = query.data;
  return {
    value: result?.ok ? result.value : undefined,
    error: result && !result.ok ? result.error : undefined,
    isPending: query.isPending,
    updatedAt: query.dataUpdatedAt,
    refetch: () => void query.refetch(),
  };
}
