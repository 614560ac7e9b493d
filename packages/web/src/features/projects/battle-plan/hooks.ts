/** 作战图 data of a project: its monthly plan and three-colour record for a year, and the writes. */
import type { ColourRecordDto, MonthlyPlanDto } from '@pacer/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

const keys = {
  plan: (id: string, year: number) => ['projects', 'monthly-plan', id, year] as const,
  colours: (id: string, year: number) => ['projects', 'three-colour', id, year] as const,
};

export const useMonthlyPlan = (id: string, year: number) =>
  useQuery({ queryKey: keys.plan(id, year), queryFn: () => api.get<MonthlyPlanDto>(`/api/projects/${id}/monthly-plans/${year}`) });

export const useColourRecord = (id: string, year: number) =>
  useQuery({ queryKey: keys.colours(id, year), queryFn: () => api.get<ColourRecordDto>(`/api/projects/${id}/three-colour/${year}`) });

/** Save (cumulative 元 per month) or, with null, reset to the curve. */
export function useWriteMonthlyPlan(id: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cumulativeYuan: number[] | null) =>
      cumulativeYuan ? api.put<MonthlyPlanDto>(`/api/projects/${id}/monthly-plans/${year}`, { cumulativeYuan }) : api.delete<MonthlyPlanDto>(`/api/projects/${id}/monthly-plans/${year}`),
    onSuccess: (plan) => {
      queryClient.setQueryData(keys.plan(id, year), plan);
      // The colours follow the plan, and so do the boards' codes.
      void queryClient.invalidateQueries({ queryKey: keys.colours(id, year) });
      void queryClient.invalidateQueries({ queryKey: ['boards'] });
    },
  });
}
