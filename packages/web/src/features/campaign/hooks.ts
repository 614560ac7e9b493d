import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Campaign, toBody } from './settingsValues.ts';

export const useCampaigns = () => useQuery({ queryKey: ['campaigns'], queryFn: () => api.get<Campaign[]>('/api/campaigns') });

export function useSaveCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReturnType<typeof toBody> }) => api.put<Campaign>(`/api/campaigns/${id}`, body),
    onSuccess: () => {
      // Deadlines, curve and rules change what boards, reports and figures show.
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      void queryClient.invalidateQueries({ queryKey: ['boards'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
