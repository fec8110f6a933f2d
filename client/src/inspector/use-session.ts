import { useQuery } from '@tanstack/react-query';
import { sessionQueryKey } from '../shared/api/session-query.js';
import { getSession } from './api/session-api.js';

export const useSession = () =>
  useQuery({ queryKey: sessionQueryKey, queryFn: ({ signal }) => getSession(signal), staleTime: 60_000 });
