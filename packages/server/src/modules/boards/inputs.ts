/**
 * Everything a week's board needs per project: figures as of the week's end, whether this
 * week's report is in, the most overdue milestone, and the monthly three-colour code.
 */
import { beijingLocal, deadlineOf, maxOverdueDays, periodOf, threeColourRecord, timeProgress, type Colour, type MonthPosition, type Period, type TimeCurve } from '@pacer/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignProjects, progressReports, projectMilestones } from '../../db/schema.ts';
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
  const member = (column: typeof progressReports.projectId | typeof projectMilestones.projectId) =>
    campaign.id ? inArray(column, db.select({ id: campaignProjects.projectId }).from(campaignProjects).where(eq(campaignProjects.campaignId, campaign.id))) : undefined;
  const [weekly, monthly, milestones] = await Promise.all([
    db
      .select({ projectId: progressReports.projectId })
      .from(progressReports)
      .where(and(eq(progressReports.periodKind, 'week'), eq(progressReports.periodStart, week.start), inArray(progressReports.status, COUNTING_STATUSES), member(progressReports.projectId))),
    db
      .select({ projectId: progressReports.projectId, periodStart: progressReports.periodStart, ytdYuan: progressReports.ytdYuan })
      .from(progressReports)
      .where(and(eq(progressReports.periodKind, 'month'), eq(progressReports.year, year), inArray(progressReports.status, COUNTING_STATUSES), member(progressReports.projectId))),
    db.select().from(projectMilestones).where(member(projectMilestones.projectId)),
  ]);
  const reported = new Set(weekly.map((w) => w.projectId));
  const monthlyOf = groupBy(monthly.filter((m) => ids.has(m.projectId)));
  const milestonesOf = groupBy(milestones.filter((m) => ids.has(m.projectId)));
  const due = beijingLocal(now) > deadlineOf({ kind: 'week', start: week.start, end: periodOf('week', week.start).end }, campaign.deadlines);
  const months = finishedMonths(week, campaign.timeCurve);
  const projects: BoardProject[] = figures.map((f) => {
    const own = milestonesOf.get(f.id) ?? [];
    return {
      ...f,
      projectId: f.id,
      reportMissing: due && !reported.has(f.id),
      maxOverdueDays: maxOverdueDays(own, week.end),
      colour: colourOf(f, monthlyOf.get(f.id) ?? [], own, months),
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

/** The months finished by the week's end with their time progress: the same for every project, so computed once. */
function finishedMonths(week: Period, curve: TimeCurve): { start: string; end: string; progress: number }[] {
  const year = Number(week.end.slice(0, 4));
  const months = [];
  for (let month = 1; month <= 12; month++) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    const end = periodOf('month', start).end;
    if (end > week.end) break;
    months.push({ start, end, progress: timeProgress(end, year, curve) });
  }
  return months;
}

/** Monthly positions of the months finished by the week's end, against the curve-spread plan. */
function colourOf(f: ProjectFigures, monthly: { periodStart: string; ytdYuan: number }[], milestones: { plannedDate: string | null; actualDate: string | null }[], months: ReturnType<typeof finishedMonths>): Colour | null {
  if (!f.planYuan) return null;
  const positions: MonthPosition[] = months.map(({ start, end, progress }) => ({
    month: start.slice(0, 7),
    plannedYuan: Math.round(f.planYuan! * progress),
    actualYuan: monthly.find((m) => m.periodStart === start)?.ytdYuan ?? null,
    missedMilestones: milestones.filter((m) => m.plannedDate && m.plannedDate <= end && !(m.actualDate && m.actualDate <= end)).length,
  }));
  return threeColourRecord(positions).at(-1)?.colour ?? null;
}
