/** 竞赛项目 data: a campaign's projects, the library projects not in it, and membership writes. */
import type { CampaignProjectPage, CompetitionTrack, MembershipResult } from '@pacer/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { toParams, type MemberFilters } from './filters.ts';

const keys = {
  all: (id: string) => ['campaigns', id, 'projects'] as const,
  page: (id: string, which: 'projects' | 'candidates', filters: MemberFilters, page: number, pageSize: number) => ['campaigns', id, 'projects', which, filters, page, pageSize] as const,
};

export function useCampaignProjectPage(id: string, which: 'projects' | 'candidates', filters: MemberFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: keys.page(id, which, filters, page, pageSize),
    queryFn: () => api.get<CampaignProjectPage>(`/api/campaigns/${id}/${which}`, { ...toParams(filters), page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

type Write =
  | { kind: 'add'; projectIds: string[]; track?: CompetitionTrack | null }
  | { kind: 'addMatching'; filters: MemberFilters; track?: CompetitionTrack | null }
  | { kind: 'remove'; projectIds: string[] }
  | { kind: 'track'; projectIds: string[]; track: CompetitionTrack | null };

export function useMembershipWrite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (w: Write): Promise<MembershipResult> => {
      const base = `/api/campaigns/${id}/projects`;
      switch (w.kind) {
        case 'add':
          return api.post(base, { projectIds: w.projectIds, track: w.track });
        case 'addMatching':
          return api.post(base, { filter: toParams(w.filters), track: w.track });
        case 'remove':
          return api.post(`${base}/remove`, { projectIds: w.projectIds });
        case 'track':
          return api.put(`${base}/track`, { projectIds: w.projectIds, track: w.track });
      }
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.all(id) });
      // Membership and tracks change the boards, the figures and the project library.
      for (const key of ['boards', 'dashboard', 'stats', 'projects']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}
