import { beijingLocal, deadlineOf, DEFAULT_DEADLINES, type DeadlineRule, type ReportDto } from '@pacer/domain';
import type { Db } from '../../db/client.ts';
import type { progressReports } from '../../db/schema.ts';
import { campaignOfYear } from '../campaigns/queries.ts';

type Row = typeof progressReports.$inferSelect;

/** Whether a report arrived after its period's deadline (Beijing time). */
export function isLate(row: Pick<Row, 'periodKind' | 'periodStart' | 'periodEnd' | 'submittedAt'>, rule: DeadlineRule = DEFAULT_DEADLINES): boolean {
  if (!row.submittedAt) return false;
  const deadline = deadlineOf({ kind: row.periodKind as 'week' | 'month', start: row.periodStart, end: row.periodEnd }, rule);
  return beijingLocal(row.submittedAt) > deadline;
}

export function presentReport(row: Row, projectName: string, rule: DeadlineRule = DEFAULT_DEADLINES): ReportDto {
  const period = { kind: row.periodKind as 'week' | 'month', start: row.periodStart, end: row.periodEnd };
  return {
    id: row.id,
    projectId: row.projectId,
    projectName,
    periodKind: period.kind,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    year: row.year,
    status: row.status as ReportDto['status'],
    version: row.version,
    periodYuan: row.periodYuan,
    ytdYuan: row.ytdYuan,
    sinceStartYuan: row.sinceStartYuan,
    paidYtdYuan: row.paidYtdYuan,
    physicalProgress: row.physicalProgress,
    problems: row.problems,
    milestones: row.milestones as ReportDto['milestones'],
    findings: row.findings as ReportDto['findings'],
    reviewNote: row.reviewNote,
    returnReason: row.returnReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    late: isLate(row, rule),
    deadline: deadlineOf(period, rule),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The deadline rule of the campaign of a year (the default when there is no campaign). */
export async function deadlineRule(db: Db, year: number): Promise<DeadlineRule> {
  return (await campaignOfYear(db, year)).deadlines;
}

/** Presents a report with its campaign's deadline rule. */
export async function present(db: Db, row: Row, projectName: string): Promise<ReportDto> {
  return presentReport(row, projectName, await deadlineRule(db, row.year));
}
