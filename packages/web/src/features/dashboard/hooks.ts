import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api.ts';
import type { Dashboard } from './types.ts';

export function useDashboard(params: QueryParams) {
  return useQuery({ queryKey: ['dashboard', params], queryFn: () => api.get<Dashboard>('/api/dashboard', params), placeholderData: keepPreviousData });
}
