/** Where an import job stands, and what the person may do next: pure rules the page reads. */
import type { Locale } from '@pacer/domain';
import type { ImportCounts, ImportJob, ImportStatus } from './types.ts';

/** Statuses in which the server is working and the page polls. */
export const RUNNING: readonly ImportStatus[] = ['analysing', 'previewing', 'committing', 'rolling_back'];
export const isRunning = (status: ImportStatus | undefined) => !!status && RUNNING.includes(status);

/** The step of 上传 → 确认对应关系 → 预检 → 提交 → 完成 a status belongs to. */
export function stepOf(job: Pick<ImportJob, 'status' | 'sheets'>): number {
  switch (job.status) {
    case 'analysing':
      return 0;
    case 'mapping':
      return 1;
    case 'previewing':
    case 'previewed':
      return 2;
    case 'committing':
      return 3;
    case 'failed':
      // A file refused while reading has no sheets: it failed at the first step.
      return job.sheets.length ? 1 : 0;
    default:
      return 4;
  }
}

/** Whole percent of the job's current stage; null while its size is not known yet. */
export function progressPercent(progress: ImportJob['progress']): number | null {
  if (progress.total <= 0) return null;
  return Math.min(100, Math.floor((progress.done / progress.total) * 100));
}

/** Whether a commit would write anything. */
export const hasWork = (c: ImportCounts) => c.created + c.updated + c.reportsCreated + c.reportsUpdated > 0;

export type CommitBlock = 'notPreviewed' | 'changed' | 'nothing' | 'problems' | null;

/**
 * Why the commit button is disabled, if it is: a clean preview commits at once; one with
 * problems only once the person ticks "接受问题" (rows with errors are then left out).
 */
export function commitBlock(job: Pick<ImportJob, 'status' | 'counts'>, opts: { changed: boolean; accepted: boolean }): CommitBlock {
  if (job.status !== 'previewed') return 'notPreviewed';
  if (opts.changed) return 'changed';
  if (!hasWork(job.counts)) return 'nothing';
  if ((job.counts.errors || job.counts.warnings) && !opts.accepted) return 'problems';
  return null;
}

export const hasProblems = (c: ImportCounts) => c.errors + c.warnings > 0;

/** 0 → "A", 27 → "AB", as Excel names columns. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A period read from a sheet ("2022年3月"; the month alone when the sheet names no year). */
export function periodLabel(p: { year: number | null; month: number }, locale: Locale): string {
  if (locale === 'en-US') return p.year ? `${p.year}-${String(p.month).padStart(2, '0')}` : `month ${p.month}`;
  return p.year ? `${p.year}年${p.month}月` : `${p.month}月`;
}

/** "1.2 MB", "350 KB". */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
