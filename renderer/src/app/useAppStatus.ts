import { useQuery } from '@tanstack/react-query';
import type { ApiError, AppStatus } from '../../../shared/contract';
import { call, STATUS_KEY } from '../api';

class StatusFailure extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

export interface AppStatusQuery {
  /** The last status read successfully: a failed re-read keeps the screen as it is. */
  status: AppStatus | undefined;
  error: ApiError | undefined;
  /** When `status` was read (ms since epoch). */
  readAt: number;
  isFetching: boolean;
  refetch: () => Promise<void>;
}

/** `app.status`: the one read that decides which screen shows. */
export function useAppStatus(): AppStatusQuery {
  const query = useQuery({
    queryKey: STATUS_KEY,
    queryFn: async () => {
      const result = await call('app.status', {});
      // Thrown only inside TanStack Query, so that a failed re-read keeps the previous data.
      if (!result.ok) throw new StatusFailure(result.error);
      return result.value;
    },
    staleTime: 0,
  });
  return {
    status: query.data,
    error: query.error instanceof StatusFailure ? query.error.apiError : undefined,
    readAt: query.dataUpdatedAt,
    isFetching: query.isFetching,
    refetch: async () => {
      await query.refetch();
    },
  };
}
