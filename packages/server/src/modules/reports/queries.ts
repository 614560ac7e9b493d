/** Reads: one report, its versions, the prefilled form, and a period's reports with the missing ones. */
import { beijingLocal, deadlineOf, periodOf, previousPeriod, type Period, type PeriodKind } from '@pacer/domain';
import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignProjects, campaigns, organisations, progressReports, projects, regions, reportVersions, users } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { readScope } from '../projects/scope.ts';
import { COUNTING_STATUSES } from './context.ts';
import { deadlineRule, isLate, present } from './present.ts';
import { reportContext } from './context.ts';
import { projectInScope } from './service.ts';

export async function getReport(db: Db, user: UserContext, id: string) {
  const [report] = await db.select().from(progressReports).where(eq(progressReports.id, id));
  if (!report) throw notFound('报表');
  const project = await projectInScope(db, user, report.projectId, 'read');
  return present(db, report, project.name);
}

export async function reportHistory(db: Db, user: UserContext, id: string) {
  await getReport(db, user, id);
  const rows = await db
    .select({ version: reportVersions.version, action: reportVersions.action, status: reportVersions.status, at: reportVersions.at, userName: users.displayName, data: reportVersions.data })
    .from(reportVersions)
    .leftJoin(users, eq(users.id, reportVersions.userId))
    .where(eq(reportVersions.reportId, id))
    .orderBy(asc(reportVersions.version));
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), data: r.data as Record<string, unknown> }));
}

/**
 * The report for a project and period if there is one; otherwise a draft prefilled from the
 * previous report, so what was entered once is not asked again. `previous` is always the
 * report the checks compare with (same kind, same year), so 本期 = 本年累计 − previous.
 */
export async function reportForm(db: Db, user: UserContext, projectId: string, kind: PeriodKind, date: string) {
  const project = await projectInScope(db, user, projectId, 'read');
  const period = periodOf(kind, date);
  const year = Number(period.end.slice(0, 4));
  const context = await reportContext(db, projectId, { ...period, year });
  const [existing] = await db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.projectId, projectId), eq(progressReports.periodKind, kind), eq(progressReports.periodStart, period.start)));
  if (existing) return { report: await present(db, existing, project.name), prefill: null, previous: context.previous, period };
  // 自开工累计 and 形象进度 carry over from the latest report of any kind, even last year's.
  const [last] = await db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.projectId, projectId), lt(progressReports.periodStart, period.start), inArray(progressReports.status, COUNTING_STATUSES)))
    .orderBy(desc(progressReports.periodEnd))
    .limit(1);
  const ytdYuan = context.previous?.ytdYuan ?? 0;
  return {
    report: null,
    period,
    previous: context.previous,
    prefill: {
      ytdYuan,
      sinceStartYuan: Math.max(last?.sinceStartYuan ?? 0, context.previous?.sinceStartYuan ?? 0),
      periodYuan: 0,
      paidYtdYuan: last && last.year === year ? last.paidYtdYuan : null,
      physicalProgress: last?.physicalProgress ?? '',
    },
  };
}

/** Projects expected to report in a year: those in that year's campaign, else all live projects. */
async function expectedProjects(db: Db, user: UserContext, year: number) {
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.year, year)).limit(1);
  const inCampaign = campaign ? sql`${projects.id} in (select ${campaignProjects.projectId} from ${campaignProjects} where ${campaignProjects.campaignId} = ${campaign.id})` : undefined;
  return db
    .select({ id: projects.id, name: projects.name, regionCode: projects.regionCode, regionName: regions.name, ownerOrgId: projects.ownerOrgId, ownerName: organisations.name })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrgId))
    .where(and(isNull(projects.deletedAt), readScope(user), inCampaign))
    .orderBy(asc(projects.regionCode), asc(projects.name));
}

export type ReportState = 'missing' | 'draft' | 'submitted' | 'returned' | 'approved';

/** Every expected project of a period with its report's state; missing = nothing submitted yet. */
export async function periodReports(db: Db, user: UserContext, kind: PeriodKind, date: string, now = new Date()) {
  const period: Period = periodOf(kind, date);
  const year = Number(period.end.slice(0, 4));
  const expected = await expectedProjects(db, user, year);
  const ids = expected.map((p) => p.id);
  const reports = ids.length
    ? await db.select().from(progressReports).where(and(eq(progressReports.periodKind, kind), eq(progressReports.periodStart, period.start), inArray(progressReports.projectId, ids)))
    : [];
  const byProject = new Map(reports.map((r) => [r.projectId, r]));
  const rule = await deadlineRule(db, year);
  const deadline = deadlineOf(period, rule);
  const overdue = beijingLocal(now) > deadline;
  const rows = expected.map((p) => {
    const r = byProject.get(p.id);
    return {
      projectId: p.id,
      projectName: p.name,
      regionCode: p.regionCode,
      regionName: p.regionName,
      ownerName: p.ownerName,
      state: (r?.status ?? 'missing') as ReportState,
      reportId: r?.id ?? null,
      late: r ? isLate(r, rule) : false,
      /** Past the deadline with nothing submitted. */
      overdue: overdue && (!r || r.status === 'draft' || r.status === 'returned'),
      ytdYuan: r?.ytdYuan ?? null,
      warnings: r ? (r.findings as { level: string }[]).filter((f) => f.level === 'warning').length : 0,
      flags: r ? (r.findings as { level: string }[]).filter((f) => f.level === 'flag').length : 0,
    };
  });
  return { period, deadline, previous: previousPeriod(period), rows };
}

/** Late and missing reports per unit (owner or region) for a period. */
export function complianceBy(rows: Awaited<ReturnType<typeof periodReports>>['rows'], groupBy: 'owner' | 'region') {
  const groups = new Map<string, { group: string; expected: number; submitted: number; late: number; missing: number }>();
  for (const r of rows) {
    const key = groupBy === 'owner' ? r.ownerName : r.regionName;
    const g = groups.get(key) ?? { group: key, expected: 0, submitted: 0, late: 0, missing: 0 };
    g.expected++;
    if (r.state === 'submitted' || r.state === 'approved') g.submitted++;
    else g.missing++;
    if (r.late) g.late++;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.missing + b.late - (a.missing + a.late) || a.group.localeCompare(b.group, 'zh-CN'));
}

/** Reports in a state across periods, in the caller's scope: the reviewer's queue (待审核). */
export async function reportsByStatus(db: Db, user: UserContext, status: string, limit = 200) {
  const rows = await db
    .select({ report: progressReports, projectName: projects.name, regionName: regions.name, ownerName: organisations.name })
    .from(progressReports)
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrgId))
    .where(and(eq(progressReports.status, status), isNull(projects.deletedAt), readScope(user)))
    .orderBy(asc(progressReports.submittedAt))
    .limit(limit);
  return Promise.all(rows.map(async (r) => ({ ...(await present(db, r.report, r.projectName)), regionName: r.regionName, ownerName: r.ownerName })));
}
