/**
 * Import data: the job (polled while the server works on it), its problems and rows page by
 * page, the history, and the steps (upload, mapping, commit, rollback, discard). Every step
 * answers 202 with the job; it goes straight into the cache so polling starts at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, ApiRequestError } from '../../app/api.ts';
import { i18n } from '../../app/i18n.ts';
import { ME_KEY } from '../../app/queryClient.ts';
import { isRunning } from './jobState.ts';
import type { MappingBody } from './mappingDraft.ts';
import type { ImportJob, ImportProblem, ImportRecord, ImportRow, Page, ProblemLevel, RowAction } from './types.ts';

const POLL_MS = 800;

export const importKeys = {
  all: ['imports'] as const,
  list: (page: number, pageSize: number) => ['imports', 'list', page, pageSize] as const,
  job: (id: string) => ['imports', 'job', id] as const,
  problems: (id: string, level: ProblemLevel | undefined, page: number, pageSize: number) => ['imports', 'job', id, 'problems', level ?? 'all', page, pageSize] as const,
  rows: (id: string, action: RowAction | undefined, page: number, pageSize: number) => ['imports', 'job', id, 'rows', action ?? 'all', page, pageSize] as const,
};

/** A commit or rollback changed projects and reports: every other cached list is out of date. */
function invalidateBusinessData(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== importKeys.all[0] && q.queryKey[0] !== ME_KEY[0] && q.queryKey[0] !== 'reference' });
}

export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    enabled: !!id,
    queryKey: importKeys.job(id ?? ''),
    queryFn: () => api.get<ImportJob>(`/api/imports/${id}`),
    refetchInterval: (q) => (isRunning(q.state.data?.status) ? POLL_MS : false),
    staleTime: 0,
  });
  const status = query.data?.status;
  const last = useRef(status);
  // When the server finishes a step, what was read of the job's problems, rows and the history is stale.
  useEffect(() => {
    if (id && last.current && status && last.current !== status) {
      void queryClient.invalidateQueries({ queryKey: [...importKeys.job(id), 'problems'] });
      void queryClient.invalidateQueries({ queryKey: [...importKeys.job(id), 'rows'] });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      if (status === 'committed' || status === 'rolled_back') invalidateBusinessData(queryClient);
    }
    last.current = status;
  }, [id, status, queryClient]);
  return query;
}

export function useImportHistory(page: number, pageSize: number) {
  return useQuery({
    queryKey: importKeys.list(page, pageSize),
    queryFn: () => api.get<Page<ImportRecord>>('/api/imports', { page, pageSize }),
    placeholderData: keepPreviousData,
    // A rollback started from the history runs on: keep its row's status current.
    refetchInterval: (q) => (q.state.data?.items.some((r) => isRunning(r.status)) ? POLL_MS * 2 : false),
  });
}

export function useImportProblems(id: string, level: ProblemLevel | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: importKeys.problems(id, level, page, pageSize),
    queryFn: () => api.get<Page<ImportProblem>>(`/api/imports/${id}/problems`, { level, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useImportRows(id: string, action: RowAction | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: importKeys.rows(id, action, page, pageSize),
    queryFn: () => api.get<Page<ImportRow>>(`/api/imports/${id}/rows`, { action, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Sends the ledger as multipart. XHR rather than fetch: a 50 MB ledger over a county's line
 * takes a while, and only XHR reports how much has gone.
 */
export function uploadLedger(file: File, fields: { planYear?: number | null }, onProgress: (percent: number) => void): Promise<ImportJob> {
  const body = new FormData();
  // Plain fields first: the server reads them before the file streams in.
  if (fields.planYear) body.append('planYear', String(fields.planYear));
  body.append('file', file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.floor((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiRequestError(0, { error: 'network', message: i18n.t('errors.network') }));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: described below by the status.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(payload as ImportJob);
      const err = payload as { error?: string; message?: string } | null;
      reject(new ApiRequestError(xhr.status, { error: err?.error ?? 'http', message: err?.message ?? i18n.t('errors.server', { status: xhr.status }) }));
    };
    xhr.send(body);
  });
}

/** Puts a job the server answered with into the cache, so the page follows it at once. */
function useJobStep<V>(step: (vars: V) => Promise<ImportJob>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}

export const useConfirmMapping = (id: string) => useJobStep((body: MappingBody) => api.put<ImportJob>(`/api/imports/${id}/mapping`, body));

export const useCommitImport = (id: string) => useJobStep((acceptProblems: boolean) => api.post<ImportJob>(`/api/imports/${id}/commit`, { acceptProblems }));

export const useRollbackImport = () => useJobStep((id: string) => api.post<ImportJob>(`/api/imports/${id}/rollback`));

export function useDiscardImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/imports/${id}`),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: importKeys.job(id) });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}
