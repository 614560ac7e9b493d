/** Problems data: queues, one problem, figures, and the steps, with cache keys in one place. */
import type { ProblemInput } from '@pacer/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api.ts';
import { STEP_PATHS, type EscalationRules, type ExtensionAction, type FigureGroup, type ProblemAction, type ProblemDetail, type ProblemPage, type ProblemStats, type QueueCounts, type StepBody, type WorkingDays } from './types.ts';

export const problemKeys = {
  all: ['problems'] as const,
  list: (params: QueryParams) => ['problems', 'list', params] as const,
  queues: ['problems', 'queues'] as const,
  detail: (id: string) => ['problems', 'detail', id] as const,
  stats: (groupBy: FigureGroup, from: string | undefined, to: string | undefined) => ['problems', 'stats', groupBy, from, to] as const,
};

export function useProblemPage(params: QueryParams) {
  return useQuery({ queryKey: problemKeys.list(params), queryFn: () => api.get<ProblemPage>('/api/problems', params), placeholderData: keepPreviousData });
}

export function useQueueCounts() {
  return useQuery({ queryKey: problemKeys.queues, queryFn: () => api.get<QueueCounts>('/api/problems/queues') });
}

export function useProblem(id: string) {
  return useQuery({ enabled: !!id, queryKey: problemKeys.detail(id), queryFn: () => api.get<ProblemDetail>(`/api/problems/${id}`) });
}

/** Figures of problems raised from..to (the API defaults to this year to date). */
export function useProblemStats(groupBy: FigureGroup, from?: string, to?: string) {
  return useQuery({
    queryKey: problemKeys.stats(groupBy, from, to),
    queryFn: () => api.get<ProblemStats>('/api/problems/stats', { groupBy, from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useEscalationRules() {
  return useQuery({ queryKey: ['problems', 'rules'], queryFn: () => api.get<EscalationRules>('/api/problems/rules'), staleTime: 10 * 60_000 });
}

/** The working day `days` after `from`, or the working days from `from` to `to`, on the holiday calendar. */
export function useWorkingDays(params: { from: string; days?: number; to?: string } | null) {
  return useQuery({
    enabled: params !== null,
    queryKey: ['calendar', 'working-days', params],
    queryFn: () => api.get<WorkingDays>('/api/calendar/working-days', params ?? undefined),
    staleTime: 60 * 60_000,
  });
}

/** Everything that shows a problem's state: lists, counts, figures, and the bell. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return (problem: ProblemDetail) => {
    queryClient.setQueryData(problemKeys.detail(problem.id), problem);
    void queryClient.invalidateQueries({ queryKey: ['problems', 'list'] });
    void queryClient.invalidateQueries({ queryKey: problemKeys.queues });
    void queryClient.invalidateQueries({ queryKey: ['problems', 'stats'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useRaiseProblem() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (body: ProblemInput) => api.post<ProblemDetail>('/api/problems', body), onSuccess: after });
}

export function useProblemStep(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: ({ action, body }: { action: ProblemAction | ExtensionAction; body: StepBody }) => api.post<ProblemDetail>(`/api/problems/${id}/${STEP_PATHS[action]}`, body),
    onSuccess: after,
  });
}
