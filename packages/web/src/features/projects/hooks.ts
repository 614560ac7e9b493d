/** Project library data: list, detail and the writes, with cache keys kept in one place. */
import type { ProjectDetail, ProjectPage } from '@pacer/domain';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api.ts';

export const projectKeys = {
  all: ['projects'] as const,
  list: (params: QueryParams) => ['projects', 'list', params] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
};

/** One page of the list: what the page reads and what the route's loader fetches ahead of it. */
export const projectPageQuery = (params: QueryParams) =>
  queryOptions({ queryKey: projectKeys.list(params), queryFn: () => api.get<ProjectPage>('/api/projects', params) });

export function useProjectPage(params: QueryParams) {
  return useQuery({
    ...projectPageQuery(params),
    // Keep the rows on screen while the next page or filter loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined, opts: { includeDeleted?: boolean } = {}) {
  return useQuery({
    enabled: !!id,
    queryKey: [...projectKeys.detail(id ?? ''), opts.includeDeleted ?? false],
    queryFn: () => api.get<ProjectDetail>(`/api/projects/${id}`, { includeDeleted: opts.includeDeleted ? 'true' : undefined }),
  });
}

/** The body sent to POST/PUT: the domain's projectInput output, plus version on update. */
export interface ProjectWrite {
  id?: string;
  body: unknown;
}

export function useSaveProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: ProjectWrite) =>
      write.id ? api.put<ProjectDetail>(`/api/projects/${write.id}`, write.body) : api.post<ProjectDetail>('/api/projects', write.body),
    onSuccess: (project) => afterWrite(queryClient, project),
  });
}

export function useDeleteProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/projects/${id}`),
    onSuccess: (_, id) => {
      // Forget the detail rather than refetch it: the live project is gone, asking would only 404.
      queryClient.removeQueries({ queryKey: projectKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

export function useRestoreProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ProjectDetail>(`/api/projects/${id}/restore`),
    onSuccess: (project) => afterWrite(queryClient, project),
  });
}

function afterWrite(queryClient: ReturnType<typeof useQueryClient>, project: ProjectDetail) {
  queryClient.setQueryData([...projectKeys.detail(project.id), false], project);
  void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
  void queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id), predicate: (q) => q.queryKey[3] === true });
}
