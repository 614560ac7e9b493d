import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { MyProjects } from './types.ts';

export function useMyProjects(asOf: string | undefined) {
  return useQuery({ queryKey: ['my-projects', asOf ?? 'today'], queryFn: () => api.get<MyProjects>('/api/my/projects', { asOf }), placeholderData: keepPreviousData });
}
