/** Reports data: the period's rows, the form, one report and the workflow writes. */
import type { PeriodKind, ReportDto } from '@pacer/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { ComplianceRow, PeriodReports, ReportFormData, ReportPhoto, ReportVersion, ReportWrite } from './types.ts';

export const reportKeys = {
  all: ['reports'] as const,
  period: (kind: PeriodKind, date: string) => ['reports', 'period', kind, date] as const,
  compliance: (kind: PeriodKind, date: string, groupBy: string) => ['reports', 'compliance', kind, date, groupBy] as const,
  form: (projectId: string, kind: PeriodKind, date: string) => ['reports', 'form', projectId, kind, date] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  versions: (id: string) => ['reports', 'versions', id] as const,
  photos: (id: string) => ['reports', 'photos', id] as const,
};

export function usePeriodReports(kind: PeriodKind, date: string) {
  return useQuery({
    queryKey: reportKeys.period(kind, date),
    queryFn: () => api.get<PeriodReports>('/api/reports/period', { periodKind: kind, date }),
    placeholderData: keepPreviousData,
  });
}

export function useCompliance(kind: PeriodKind, date: string, groupBy: 'owner' | 'region') {
  return useQuery({
    queryKey: reportKeys.compliance(kind, date, groupBy),
    queryFn: () => api.get<ComplianceRow[]>('/api/reports/compliance', { periodKind: kind, date, groupBy }),
    placeholderData: keepPreviousData,
  });
}

export function useReportForm(projectId: string, kind: PeriodKind, date: string) {
  return useQuery({
    queryKey: reportKeys.form(projectId, kind, date),
    queryFn: () => api.get<ReportFormData>('/api/reports/form', { projectId, periodKind: kind, date }),
    // The form is the starting point of an edit: never swap it under the user's hands.
    staleTime: Infinity,
    refetchOnMount: 'always',
  });
}

export function useReport(id: string | null | undefined) {
  return useQuery({ enabled: !!id, queryKey: reportKeys.detail(id ?? ''), queryFn: () => api.get<ReportDto>(`/api/reports/${id}`) });
}

export function useReportVersions(id: string) {
  return useQuery({ queryKey: reportKeys.versions(id), queryFn: () => api.get<ReportVersion[]>(`/api/reports/${id}/versions`) });
}

export function useReportPhotos(id: string | null | undefined) {
  return useQuery({ enabled: !!id, queryKey: reportKeys.photos(id ?? ''), queryFn: () => api.get<ReportPhoto[]>(`/api/reports/${id}/photos`) });
}

function useAfterWrite() {
  const queryClient = useQueryClient();
  return (report: ReportDto) => {
    queryClient.setQueryData(reportKeys.detail(report.id), report);
    void queryClient.invalidateQueries({ queryKey: ['reports', 'period'] });
    void queryClient.invalidateQueries({ queryKey: ['reports', 'compliance'] });
    void queryClient.invalidateQueries({ queryKey: reportKeys.versions(report.id) });
  };
}

export function useSaveReport() {
  const after = useAfterWrite();
  return useMutation({ mutationFn: (body: ReportWrite) => api.put<ReportDto>('/api/reports', body), onSuccess: after });
}

export function useApproveReport() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: ({ id, version, note }: { id: string; version: number; note: string | null }) => api.post<ReportDto>(`/api/reports/${id}/approve`, { version, note }),
    onSuccess: after,
  });
}

export function useReturnReport() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) => api.post<ReportDto>(`/api/reports/${id}/return`, { version, reason }),
    onSuccess: after,
  });
}

export function useDeletePhoto(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) => api.delete(`/api/reports/${reportId}/photos/${photoId}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: reportKeys.photos(reportId) }),
  });
}
