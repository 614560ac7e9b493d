/** Meetings data: the list, one meeting, the office's edits, decisions, tour visits, scores and ranking. */
import type { MeetingKind, ProjectPage } from '@pacer/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { DecisionInput, MeetingDetail, MeetingInput, MeetingSummary, MeetingUpdate, Ranking, RankingGroup, ScoreInput } from './types.ts';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (kind: MeetingKind | undefined, year: number) => ['meetings', 'list', kind ?? 'all', year] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  ranking: (id: string, groupBy: RankingGroup) => ['meetings', 'ranking', id, groupBy] as const,
};

export function useMeetings(kind: MeetingKind | undefined, year: number) {
  return useQuery({ queryKey: meetingKeys.list(kind, year), queryFn: () => api.get<MeetingSummary[]>('/api/meetings', { kind, year }), placeholderData: keepPreviousData });
}

export function useMeeting(id: string | undefined) {
  return useQuery({ enabled: !!id, queryKey: meetingKeys.detail(id ?? ''), queryFn: () => api.get<MeetingDetail>(`/api/meetings/${id}`) });
}

export function useRanking(id: string, groupBy: RankingGroup, enabled: boolean) {
  return useQuery({ enabled, queryKey: meetingKeys.ranking(id, groupBy), queryFn: () => api.get<Ranking>(`/api/meetings/${id}/ranking`, { groupBy }), placeholderData: keepPreviousData });
}

/** Each write answers with the meeting as it now is: it goes straight into the cache. */
function useMeetingWrite<V>(id: string, write: (vars: V) => Promise<MeetingDetail>, alsoChanged: readonly QueryKey[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(id), meeting);
      for (const queryKey of [['meetings', 'list'], ['meetings', 'ranking', id], ...alsoChanged]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingInput) => api.post<MeetingDetail>('/api/meetings', body),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}

export const useUpdateMeeting = (id: string) => useMeetingWrite(id, (body: MeetingUpdate) => api.put<MeetingDetail>(`/api/meetings/${id}`, body));

// A decision is a new problem or task: the problem lists and queues change too.
export const useAddDecision = (id: string) => useMeetingWrite(id, (body: DecisionInput) => api.post<MeetingDetail>(`/api/meetings/${id}/decisions`, body), [['problems']]);

export const useSetVisits = (id: string) =>
  useMeetingWrite(id, (body: { version: number; visits: { projectId: string; note: string }[] }) => api.put<MeetingDetail>(`/api/meetings/${id}/visits`, body));

export function useScore(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoreInput) => api.put<void>(`/api/meetings/${id}/scores`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'ranking', id] });
    },
  });
}

/** Projects matching a few typed characters, for picking a tour's visits or an agenda item. */
export function useProjectSearch(q: string) {
  return useQuery({
    queryKey: ['meetings', 'project-search', q],
    queryFn: () => api.get<ProjectPage>('/api/projects', { q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
