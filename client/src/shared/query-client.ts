import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/api-error.js';

/**
 * One client for the whole app. Retries only what may succeed on a second try (network trouble,
 * 5xx); a 4xx answer will not change by asking again.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (failureCount, error) =>
        failureCount < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});
