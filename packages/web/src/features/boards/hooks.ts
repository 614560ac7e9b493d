/** Board data: the office's live draft and writes, and the published boards anyone may read. */
import type { Grade } from '@pacer/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { DraftBoard, PublicBoard, PublishedBoard, UnitBoard, UnitGroup } from './types.ts';

export const boardKeys = {
  draft: (week: string) => ['boards', 'draft', week] as const,
  published: ['boards', 'published'] as const,
  board: (id: string) => ['boards', 'public', id] as const,
  units: (id: string, groupBy: UnitGroup) => ['boards', 'units', id, groupBy] as const,
};

export function useDraftBoard(week: string) {
  return useQuery({ queryKey: boardKeys.draft(week), queryFn: () => api.get<DraftBoard>('/api/boards/draft', { week }), placeholderData: keepPreviousData });
}

export function usePublishedBoards() {
  return useQuery({ queryKey: boardKeys.published, queryFn: () => api.get<PublishedBoard[]>('/api/public/boards') });
}

/** The public board's query, shared with the route loader that starts it early. */
export const publicBoardQuery = (id: string) => ({ queryKey: boardKeys.board(id), queryFn: () => api.get<PublicBoard>(`/api/public/boards/${id}`) });

export function usePublicBoard(id: string | undefined) {
  return useQuery({ enabled: !!id, ...publicBoardQuery(id ?? '') });
}

export function useUnitBoard(id: string | undefined, groupBy: UnitGroup) {
  return useQuery({
    enabled: !!id,
    queryKey: boardKeys.units(id ?? '', groupBy),
    queryFn: () => api.get<UnitBoard>(`/api/public/boards/${id}/groups`, { groupBy }),
    placeholderData: keepPreviousData,
  });
}

export function useAdjustGrade(week: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { projectId: string; grade: Grade | null; reason: string }) => api.put<void>('/api/boards/adjustments', { week, ...body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: boardKeys.draft(week) }),
  });
}

export function usePublishBoard(week: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string | null) => api.post<{ id: string; version: number }>('/api/boards/publish', { week, note }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: boardKeys.draft(week) });
      void queryClient.invalidateQueries({ queryKey: boardKeys.published });
    },
  });
}
