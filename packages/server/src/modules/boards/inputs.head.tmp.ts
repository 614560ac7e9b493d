/**
 * Everything a week's board needs per project: figures as of the week's end, whether this
 * week's report is in, the most overdue milestone, and the monthly three-colour code.
 */
import { beijingLocal, deadlineOf, maxOverdueDays, periodOf, threeColourRecord, timeProgress, type Colour, type MonthPosition, type Period, type TimeCurve } from '@pacer/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { progressReports, projectMilestones } from '../../db/schema.ts';
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
  const ids = figures.map((f) => f.id);
  if (ids.length === 0) return { year, campaign, progress: timeProgress(week.end, year, campaign.timeCurve), projects: [] as BoardProject[] };
  const [weekly, monthly, milestones] = await Promise.all([
    db
      .select({ projectId: progressReports.projectId })
      .from(progressReports)
      .where(and(eq(progressReports.periodKind, 'week'), eq(progressReports.periodStart, week.start), inArray(progressReports.status, COUNTING_STATUSES), inArray(progressReports.projectId, ids))),
    db
      .select({ projectId: progressReports.projectId, periodStart: progressReports.periodStart, ytdYuan: progressReports.ytdYuan })
      .from(progressReports)
      .where(and(eq(progressReports.periodKind, 'month'), eq(progressReports.year, year), inArray(progressReports.status, COUNTING_STATUSES), inArray(progressReports.projectId, ids))),
    db.select().from(projectMilestones).where(inArray(projectMilestones.projectId, ids)),
  ]);
  const reported = new Set(weekly.map((w) => w.projectId));
  const due = beijingLocal(now) > deadlineOf({ kind: 'week', start: week.start, end: periodOf('week', week.start).end }, campaign.deadlines);
  const projects: BoardProject[] = figures.map((f) => {
    const own = milestones.filter((m) => m.projectId === f.id);
    return {
      ...f,
      projectId: f.id,
      reportMissing: due && !reported.has(f.id),
      maxOverdueDays: maxOverdueDays(own, week.end),
      colour: colourOf(f, monthly.filter((m) => m.projectId === f.id), own, week, campaign.timeCurve),
    };
  });
  return { year, campaign, progress: timeProgress(week.end, year, campaign.timeCurve), projects };
}

/** Monthly positions of the months finished by the week's end, against the curve-spread plan. */
function colourOf(f: ProjectFigures, monthly: { periodStart: string; ytdYuan: number }[], milestones: { plannedDate: string | null; actualDate: string | null }[], week: Period, curve: TimeCurve): Colour | null {
  if (!f.planYuan) return null;
  const year = Number(week.end.slice(0, 4));
  const positions: MonthPosition[] = [];
  for (let month = 1; month <= 12; month++) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    const end = periodOf('month', start).end;
    if (end > week.end) break;
    const report = monthly.find((m) => m.periodStart === start);
    positions.push({
      month: start.slice(0, 7),
      plannedYuan: Math.round(f.planYuan * timeProgress(end, year, curve)),
      actualYuan: report?.ytdYuan ?? null,
      missedMilestones: milestones.filter((m) => m.plannedDate && m.plannedDate <= end && !(m.actualDate && m.actualDate <= end)).length,
    });
  }
  return threeColourRecord(positions).at(-1)?.colour ?? null;
}
