export { call } from './call';
export { adoptTokenFromUrl } from './token';
export { createQueryClient } from './queryClient';
export { QueriesEnabled } from './QueriesEnabled';
export { STATUS_KEY, isSessionQuery } from './keys';
export { useApiQuery, type ApiQuery } from './useApiQuery';
export { useApiMutation, type ApiMutation } from './useApiMutation';
export { useGuardedCall } from './useGuardedCall';
