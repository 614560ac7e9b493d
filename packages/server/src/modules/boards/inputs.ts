/**
 * Everything a week's board needs per project: figures as of the week's end, whether this
 * week's report is in, the most overdue milestone, and the monthly three-colour code.
 */
import { beijingLocal, deadlineOf, maxOverdueDays, monthEndShares, monthlyPlanFromCurve, monthPositions, monthsFinishedBy, periodOf, currentColour, timeProgress, type Colour, type Period } from '@pacer/domain';
import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignProjects, progressReports, projectMilestones, projectMonthlyPlans } from '../../db/schema.ts';
import { campaignOfYear } from '../campaigns/queries.ts';
import { COUNTING_STATUSES } from '../reports/context.ts';
import { projectFigures, type ProjectFigures } from '../stats/service.ts';

export interface BoardProject extends ProjectFigures {
  projectId: string;
  reportMissing: boolean;
  maxOverdueDays: number;
  colour: Colour | null;
}

/** `now` decides whether this week's reports are already due: before the deadline none is missing. */
export async function boardInputs(db: Db, week: Period, now = new Date()) {
  const year = Number(week.end.slice(0, 4));
  const campaign = await campaignOfYear(db, year);
  const figures = await projectFigures(db, null, year, week.end);
  const ids = new Set(figures.map((f) => f.id));
  if (ids.size === 0) return { year, campaign, progress: timeProgress(week.end, year, campaign.timeCurve), projects: [] as BoardProject[] };
  // The campaign's projects as a subquery, not a list of ids: a province's tens of thousands of
  // ids would be as many bind parameters. Rows of projects outside the figures are dropped below.
  const member = (column: typeof progressReports.projectId | typeof projectMilestones.projectId | typeof projectMonthlyPlans.projectId) =>
    campaign.id ? inArray(column, db.select({ id: campaignProjects.projectId }).from(campaignProjects).where(eq(campaignProjects.campaignId, campaign.id))) : undefined;
  const finished = monthsFinishedBy(year, week.end);
  const [weekly, monthly, milestones, saved] = await Promise.all([
    db
      .select({ projectId: progressReports.projectId })
      .from(progressReports)
      .where(and(eq(progressReports.periodKind, 'week'), eq(progressReports.periodStart, week.start), inArray(progressReports.status, COUNTING_STATUSES), member(progressReports.projectId))),
    db
      .select({ projectId: progressReports.projectId, periodStart: progressReports.periodStart, ytdYuan: progressReports.ytdYuan })
      .from(progressReports)
      .where(and(eq(progressReports.periodKind, 'month'), eq(progressReports.year, year), inArray(progressReports.status, COUNTING_STATUSES), member(progressReports.projectId))),
    // Only milestones that can be overdue by the week's end or missed by a month's end: planned
    // by then and not reached on time (one reached by its planned date never counts). A province
    // has 400,000 milestones; fewer than half pass.
    db
      .select({ projectId: projectMilestones.projectId, plannedDate: projectMilestones.plannedDate, actualDate: projectMilestones.actualDate })
      .from(projectMilestones)
      .where(and(member(projectMilestones.projectId), lte(projectMilestones.plannedDate, week.end), or(isNull(projectMilestones.actualDate), gt(projectMilestones.actualDate, projectMilestones.plannedDate)))),
    // 作战图 where a project has its own; only the months already ended are compared.
    db
      .select({ projectId: projectMonthlyPlans.projectId, month: projectMonthlyPlans.month, cumulativeYuan: projectMonthlyPlans.cumulativeYuan })
      .from(projectMonthlyPlans)
      .where(and(eq(projectMonthlyPlans.year, year), lte(projectMonthlyPlans.month, finished), member(projectMonthlyPlans.projectId))),
  ]);
  const reported = new Set(weekly.map((w) => w.projectId));
  const monthlyOf = groupBy(monthly.filter((m) => ids.has(m.projectId)));
  const milestonesOf = groupBy(milestones.filter((m) => ids.has(m.projectId)));
  const plansOf = savedPlans(saved.filter((p) => ids.has(p.projectId)));
  // The curve's month-end shares are the same for every project: computed once.
  const shares = monthEndShares(year, campaign.timeCurve);
  const due = beijingLocal(now) > deadlineOf({ kind: 'week', start: week.start, end: periodOf('week', week.start).end }, campaign.deadlines);
  const projects: BoardProject[] = figures.map((f) => {
    const own = milestonesOf.get(f.id) ?? [];
    return {
      ...f,
      projectId: f.id,
      reportMissing: due && !reported.has(f.id),
      maxOverdueDays: maxOverdueDays(own, week.end),
      colour: colourOf(year, finished, f.planYuan, plansOf.get(f.id), monthlyOf.get(f.id) ?? [], own, shares),
    };
  });
  return { year, campaign, progress: timeProgress(week.end, year, campaign.timeCurve), projects };
}

/** Rows by project, in their order (one pass instead of a filter per project). */
function groupBy<T extends { projectId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.projectId);
    if (list) list.push(r);
    else map.set(r.projectId, [r]);
  }
  return map;
}

/** Each project's saved 作战图 as month → cumulative 元. */
function savedPlans(rows: { projectId: string; month: number; cumulativeYuan: number }[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const r of rows) {
    const plan = map.get(r.projectId) ?? [];
    plan[r.month - 1] = r.cumulativeYuan;
    map.set(r.projectId, plan);
  }
  return map;
}

/**
 * The colour of the latest ended month reported, against the project's own 作战图 when it has
 * one, else against the annual plan spread along the campaign's time curve.
 */
function colourOf(
  year: number,
  finished: number,
  planYuan: number | null,
  saved: number[] | undefined,
  monthly: { periodStart: string; ytdYuan: number }[],
  milestones: { plannedDate: string | null; actualDate: string | null }[],
  curveShares: number[],
): Colour | null {
  if (!saved && !planYuan) return null;
  const plan = saved ?? monthlyPlanFromCurve(planYuan!, curveShares);
  const actual = new Map(monthly.map((m) => [Number(m.periodStart.slice(5, 7)), m.ytdYuan]));
  return currentColour(monthPositions(year, plan, actual, milestones, finished));
}
