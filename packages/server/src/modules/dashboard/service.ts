/**
 * The dashboard: completion against time progress by region, the monthly trend, category and
 * level split, grade distribution of the latest board, top and bottom ten, lagging projects.
 * Every part honours the same filters (year, date, level, category) and the caller's scope.
 */
import { completionRate, gapPoints, gradeDistribution, periodOf, timeProgress, toPercent, type Grade } from '@pacer/domain';
import { desc, eq, lte, sql } from 'drizzle-orm';
import { queryRows, toNumber, type Db } from '../../db/client.ts';
import { boardEntries, boards } from '../../db/schema.ts';
import type { UserContext } from '../auth/sessions.ts';
import { campaignOfYear } from '../campaigns/queries.ts';
import { ytdAsOf } from '../stats/latest.ts';
import { figuresQuery, projectFigures, summarise, type FigureFilters, type ProjectFigures } from '../stats/service.ts';
import { groupProblemFigures, problemFacts } from '../problems/stats.ts';

/** Projects this many points behind time progress are listed as lagging. */
export const LAGGING_POINTS = -10;

export async function dashboard(db: Db, user: UserContext, opts: { year: number; asOf: string; filters: FigureFilters }) {
  const campaign = await campaignOfYear(db, opts.year);
  const progress = timeProgress(opts.asOf, opts.year, campaign.timeCurve);
  const items = await projectFigures(db, user, opts.year, opts.asOf, opts.filters);
  const base = { year: opts.year, asOf: opts.asOf };
  const lines = items.map((p) => projectLine(p, progress));
  const rated = lines.filter((l) => l.completionRate !== null).sort((a, b) => b.completionRate! - a.completionRate! || b.ytdWan - a.ytdWan);
  const visible = new Set(items.map((i) => i.id));
  return {
    ...base,
    timeProgress: toPercent(progress),
    total: summarise(items, { ...base, groupBy: 'region' }, progress).total,
    byRegion: summarise(items, { ...base, groupBy: 'region' }, progress).rows,
    byCategory: summarise(items, { ...base, groupBy: 'category' }, progress).rows,
    byLevel: summarise(items, { ...base, groupBy: 'level' }, progress).rows,
    trend: await monthlyTrend(db, user, opts, campaign.timeCurve),
    grades: await latestGrades(db, opts.asOf, visible),
    top: rated.slice(0, 10),
    bottom: rated.slice(-10).reverse(),
    lagging: rated.filter((l) => l.gapPoints !== null && l.gapPoints < LAGGING_POINTS).reverse(),
    problems: await problemPanel(db, user, opts),
  };
}

/** 问题办理 this year to the date, in the caller's scope (not narrowed by level or category). */
async function problemPanel(db: Db, user: UserContext, opts: { year: number; asOf: string }) {
  const facts = await problemFacts(db, user, `${opts.year}-01-01`, opts.asOf);
  const by = (g: 'type' | 'department' | 'region' | 'hq') => groupProblemFigures(facts, g, opts.asOf).rows;
  return { total: groupProblemFigures(facts, 'type', opts.asOf).total, byType: by('type'), byDepartment: by('department'), byRegion: by('region'), byHq: by('hq') };
}

function projectLine(p: ProjectFigures, progress: number) {
  const rate = completionRate(p.ytdYuan, p.planYuan);
  return {
    id: p.id,
    name: p.name,
    regionName: p.regionName,
    planWan: p.planYuan === null ? null : p.planYuan / 10_000,
    ytdWan: p.ytdYuan / 10_000,
    completionRate: rate === null ? null : toPercent(rate),
    gapPoints: gapPoints(rate, progress),
  };
}

/** The dates the trend reads: each month's end of the year up to the date, the date itself last. */
export function trendDates(year: number, asOf: string): string[] {
  const dates: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const end = periodOf('month', `${year}-${String(m).padStart(2, '0')}-01`).end;
    dates.push(end > asOf ? asOf : end);
    if (end >= asOf) break;
  }
  return dates;
}

/**
 * Completion and time progress at each month's end of the year up to the date. The projects and
 * their plans are the same at every date, only 本年累计 moves: one statement reads each project
 * once with its YTD at every date (through the rollup, the reports only for older dates) and
 * sums them, as groupFigures() would for each date — a province's dashboard in one pass instead
 * of a figures query per month.
 */
async function monthlyTrend(db: Db, user: UserContext, opts: { year: number; asOf: string; filters: FigureFilters }, curve: Parameters<typeof timeProgress>[2]) {
  const dates = trendDates(opts.year, opts.asOf);
  const sums = await trendSums(db, user, opts.year, dates, opts.filters);
  return dates.map((at, i) => {
    const rate = completionRate(sums.ytdYuan[i]!, sums.planYuan);
    return { month: at.slice(0, 7), completionRate: rate === null ? null : toPercent(rate), timeProgress: toPercent(timeProgress(at, opts.year, curve)), ytdWan: sums.ytdYuan[i]! / 10_000 };
  });
}

/** Σ plan of the planned projects, and their Σ YTD at each date (groupFigures' planYuan and ytdYuan). */
export async function trendSums(db: Db, user: UserContext | null, year: number, dates: string[], filters: FigureFilters): Promise<{ planYuan: number; ytdYuan: number[] }> {
  const campaign = await campaignOfYear(db, year);
  const ytdAt = dates.map((at, i) => sql`${ytdAsOf('lr', sql`projects.id`, year, at).ytd} as ${sql.identifier(`ytd_${i}`)}`);
  const figures = figuresQuery(campaign, user, year, dates.at(-1)!, filters, sql.join(ytdAt, sql`, `));
  const sums = dates.map((_, i) => sql`coalesce(sum(f.${sql.identifier(`ytd_${i}`)}) filter (where f.plan_yuan > 0), 0) as ${sql.identifier(`ytd_${i}`)}`);
  const [row] = await queryRows<Record<string, unknown>>(db, sql`with f as (${figures}) select coalesce(sum(f.plan_yuan) filter (where f.plan_yuan > 0), 0) as plan_yuan, ${sql.join(sums, sql`, `)} from f`);
  return { planYuan: toNumber(row!.plan_yuan), ytdYuan: dates.map((_, i) => toNumber(row![`ytd_${i}`])) };
}

/** Grade counts of the latest board published by the date, over the projects the caller sees. */
async function latestGrades(db: Db, asOf: string, visible: Set<string>) {
  const [board] = await db.select().from(boards).where(lte(boards.weekStart, asOf)).orderBy(desc(boards.weekStart), desc(boards.version)).limit(1);
  if (!board) return null;
  const entries = await db.select({ projectId: boardEntries.projectId, grade: boardEntries.grade }).from(boardEntries).where(eq(boardEntries.boardId, board.id));
  return { boardId: board.id, weekStart: board.weekStart, version: board.version, distribution: gradeDistribution(entries.filter((e) => visible.has(e.projectId)).map((e) => e.grade as Grade | null)) };
}
