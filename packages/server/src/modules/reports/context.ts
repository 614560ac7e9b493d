/** What a report's checks need: the project's plan, the previous report, recent figures. */
import type { Period, ReportContext } from '@pacer/domain';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projectAnnualPlans, progressReports, projects } from '../../db/schema.ts';

/** Reports that count: submitted or approved (drafts and returned ones do not). */
export const COUNTING_STATUSES = ['submitted', 'approved'];

export async function reportContext(db: Db, projectId: string, period: Period & { year: number }): Promise<ReportContext> {
  const [project] = await db.select({ total: projects.totalInvestmentYuan }).from(projects).where(eq(projects.id, projectId));
  const [plan] = await db
    .select({ amount: projectAnnualPlans.amountYuan })
    .from(projectAnnualPlans)
    .where(and(eq(projectAnnualPlans.projectId, projectId), eq(projectAnnualPlans.year, period.year)));
  const earlier = await db
    .select({ ytdYuan: progressReports.ytdYuan, sinceStartYuan: progressReports.sinceStartYuan })
    .from(progressReports)
    .where(
      and(
        eq(progressReports.projectId, projectId),
        eq(progressReports.periodKind, period.kind),
        eq(progressReports.year, period.year),
        lt(progressReports.periodStart, period.start),
        inArray(progressReports.status, COUNTING_STATUSES),
      ),
    )
    .orderBy(desc(progressReports.periodStart))
    .limit(5);
  return {
    totalInvestmentYuan: project?.total ?? 0,
    annualPlanYuan: plan?.amount ?? null,
    previous: earlier[0] ?? null,
    recentYtd: earlier.map((e) => e.ytdYuan),
  };
}
