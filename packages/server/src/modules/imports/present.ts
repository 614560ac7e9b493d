/** Import jobs, problems and staged rows as the API presents them (never the table shapes). */
import { hasProgress } from '@pacer/domain';
import type { importJobs, importProblems, importRows } from '../../db/schema.ts';
import { emptyCounts, type ImportCounts, type ImportDefaults, type ImportJobDto, type ImportStatus, type SheetFinding } from './schema.ts';

/** 0 → "A", 27 → "AB", as Excel names columns. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function presentJob(j: typeof importJobs.$inferSelect): ImportJobDto {
  const sheets = j.sheets as SheetFinding[];
  return {
    id: j.id,
    fileName: j.fileName,
    fileSize: j.fileSize,
    status: j.status as ImportStatus,
    stage: j.stage,
    progress: { done: j.progressDone, total: j.progressTotal },
    error: j.error,
    sheets,
    period: j.period,
    periodSource: j.periodSource,
    needsPeriod: !j.period && sheets.some((s) => s.enabled && hasProgress(s)),
    planYear: j.planYear,
    defaults: j.defaults as ImportDefaults,
    notices: j.notices as string[],
    counts: { ...emptyCounts(), ...(j.counts as Partial<ImportCounts>) },
    createdBy: j.createdBy,
    createdAt: j.createdAt.toISOString(),
    committedAt: j.committedAt?.toISOString() ?? null,
    rolledBackAt: j.rolledBackAt?.toISOString() ?? null,
  };
}

export function presentProblem(p: typeof importProblems.$inferSelect) {
  return { seq: p.seq, level: p.level as 'error' | 'warning', sheet: p.sheet, row: p.rowNumber, column: p.columnLetter, header: p.header, value: p.value, reason: p.reason };
}

/** A staged row; a project to be created has no id to link to until the import is committed. */
export function presentRow(r: typeof importRows.$inferSelect, committed: boolean) {
  return {
    seq: r.seq,
    sheet: r.sheet,
    row: r.rowNumber,
    action: r.action as 'create' | 'update' | 'unchanged' | 'skip',
    projectId: r.action === 'skip' || (r.action === 'create' && !committed) ? null : r.projectId,
    projectName: r.projectName,
    changes: r.changes as { field: string; before: string; after: string }[],
    reportAction: r.reportAction as 'create' | 'update' | 'unchanged' | null,
    newOwner: r.newOwner,
  };
}
