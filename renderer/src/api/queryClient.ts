import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Calls never throw (errors are values), so there is nothing to retry.
      queries: { retry: false, staleTime: 30_000 },
      // Mutation variables can hold passwords: forget them as soon as nobody watches.
      mutations: { retry: false, gcTime: 0 },
    },
  });
}
