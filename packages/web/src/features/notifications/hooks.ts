/** The signed-in user's notifications: the latest, the unread count, and marking them read. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { NotificationPage } from './types.ts';

const KEY = ['notifications'] as const;
/** New assignments and reminders arrive from other people and the daily jobs: look again now and then. */
const POLL_MS = 60_000;

export function useNotifications() {
  return useQuery({ queryKey: [...KEY, 'latest'], queryFn: () => api.get<NotificationPage>('/api/notifications', { pageSize: 20 }), refetchInterval: POLL_MS });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/notifications/${id}/read`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/api/notifications/read-all'),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
