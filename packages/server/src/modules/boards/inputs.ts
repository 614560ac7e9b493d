/**
 * Everything a week's board needs per project: figures as of the week's end, whether this
 * week's report is in, the most overdue milestone, and the monthly three-colour code.
 */
import { beijingLocal, currentColourThrough, deadlineOf, maxOverdueDays, monthEndDate, monthEndShares, monthlyPlanFromCurve, monthsFinishedBy, periodOf, timeProgress, type Colour, type MilestoneDates, type Period } from '@pacer/domain';
import { sql, type SQL } from 'drizzle-orm';
import { queryArrays, toNumber, type Db } from '../../db/client.ts';
import { campaignOfYear, type CampaignSettings } from '../campaigns/queries.ts';
import { COUNTING_STATUSES } from '../reports/context.ts';
import { FIGURE_ARRAY_WIDTH, FIGURE_ORDER, figureArraysQuery, figureKeysQuery, figureNames, figuresFromArray, type FigureNames, type ProjectFigures } from '../stats/service.ts';

export interface BoardProject extends ProjectFigures {
  projectId: string;
  reportMissing: boolean;
  maxOverdueDays: number;
  colour: Colour | null;
}

/** A week's board inputs: its settings, and every project's figures and board columns. */
export interface BoardInputs {
  year: number;
  campaign: CampaignSettings;
  progress: number;
  /** Beijing local 'YYYY-MM-DDTHH:mm' after which this week's missing reports count. */
  deadline: string;
  /** Whether the deadline had passed at `now`: reports missing then count. */
  due: boolean;
  /** The names the projects' lines show, kept to read some projects again alone. */
  names: FigureNames;
  /** In FIGURE_ORDER. */
  projects: BoardProject[];
}

/**
 * `now` decides whether this week's reports are already due: before the deadline (Beijing time,
 * returned as `deadline`) none is missing.
 */
export async function boardInputs(db: Db, week: Period, now = new Date()): Promise<BoardInputs> {
  const year = Number(week.end.slice(0, 4));
  const campaign = await campaignOfYear(db, year);
  const deadline = deadlineOf({ kind: 'week', start: week.start, end: periodOf('week', week.start).end }, campaign.deadlines);
  const settings = { year, campaign, deadline, due: beijingLocal(now) > deadline };
  const names = figureNames(db);
  const [projects, named] = await Promise.all([readProjects(db, week, settings, names, null), names]);
  return { ...settings, progress: timeProgress(week.end, year, campaign.timeCurve), names: named, projects };
}

/** Some projects' lines read again with the week's settings and names (gone from the board: not returned), in FIGURE_ORDER. */
export function boardProjects(db: Db, week: Period, inputs: BoardInputs, projectIds: readonly string[]): Promise<BoardProject[]> {
  return readProjects(db, week, inputs, inputs.names, projectIds);
}

/** The ids of the projects on the week's board, in FIGURE_ORDER. */
export async function boardProjectIds(db: Db, week: Period, inputs: BoardInputs): Promise<string[]> {
  return (await queryArrays(db, figureKeysQuery(inputs.campaign, null, inputs.year, week.end, {}, true))).map((r) => String(r[0]));
}

type Settings = Pick<BoardInputs, 'year' | 'campaign' | 'due'>;

async function readProjects(db: Db, week: Period, { year, campaign, due }: Settings, names: FigureNames | Promise<FigureNames>, projectIds: readonly string[] | null): Promise<BoardProject[]> {
  const finished = monthsFinishedBy(year, week.end);
  const lists = boardLists(campaign, week, year, finished, projectIds);
  const filters = projectIds ? { projectIds } : {};
  const [rows, named, monthly, saved, milestones] = await Promise.all([
    queryArrays(db, sql`${figureArraysQuery(campaign, null, year, week.end, filters, reportedColumn(week))} order by ${FIGURE_ORDER}`),
    names,
    listsByProject(db, lists.monthly),
    listsByProject(db, lists.saved),
    listsByProject(db, lists.milestones),
  ]);
  // The curve's month-end shares are the same for every project: computed once.
  const shares = monthEndShares(year, campaign.timeCurve);
  const figuresOf = figuresFromArray(named);
  return rows.map((r): BoardProject => {
    const f = figuresOf(r);
    const own = parseMilestones(milestones.get(f.id));
    // The reportedColumn() after the figures.
    return withBoardColumns(f, due && !r[FIGURE_ARRAY_WIDTH], maxOverdueDays(own, week.end), colourOf(year, finished, f.planYuan, parseMonths(saved.get(f.id)), parseMonths(monthly.get(f.id)), own, shares));
  });
}

/**
 * The figures with the board's columns, written out field by field: spreading the figures into
 * a literal with four more fields took V8's slow path (~15 µs a project, 28 ms for a city).
 */
function withBoardColumns(f: ProjectFigures, reportMissing: boolean, overdueDays: number, colour: Colour | null): BoardProject {
  return {
    id: f.id,
    name: f.name,
    regionCode: f.regionCode,
    regionName: f.regionName,
    parkCode: f.parkCode,
    parkName: f.parkName,
    levels: f.levels,
    category: f.category,
    status: f.status,
    track: f.track,
    hqId: f.hqId,
    hqName: f.hqName,
    leaderId: f.leaderId,
    leaderName: f.leaderName,
    ownerId: f.ownerId,
    ownerName: f.ownerName,
    totalYuan: f.totalYuan,
    planYuan: f.planYuan,
    ytdYuan: f.ytdYuan,
    projectId: f.id,
    reportMissing,
    maxOverdueDays: overdueDays,
    colour,
  };
}

const counting = sql.join(
  COUNTING_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** Whether this week's report is in, beside each project's figures (one hashed lookup). */
function reportedColumn(week: Period) {
  return sql`exists (select 1 from progress_reports w
    where w.project_id = projects.id and w.period_kind = 'week' and w.period_start = ${week.start} and w.status in (${counting})) as reported`;
}

/**
 * What the colour and the overdue days need, as one text per project: the month reports'
 * 本年累计 and the 作战图 of the months already ended ("month:yuan" joined by commas), and the
 * milestones that can count ("planned[actual]") — planned by the week's end and not reached on
 * time (one reached by its planned date is never overdue nor missed; a province has 400,000
 * milestones and fewer than half pass). A row per project to parse instead of one per month or
 * milestone (a city: ~19,000 month reports, ~7,000 such milestones); three statements run side
 * by side, each grouping its table once, rather than a subquery per project in the figures
 * statement (which cost the database twice as much).
 */
function boardLists(campaign: CampaignSettings, week: Period, year: number, finished: number, projectIds: readonly string[] | null) {
  const inCampaign = (alias: string) => (campaign.id ? sql`and ${sql.raw(alias)}.project_id in (select project_id from campaign_projects where campaign_id = ${campaign.id})` : sql``);
  const only = (alias: string) => (projectIds ? sql`and ${sql.raw(alias)}.project_id in (${sql.join(projectIds.map((id) => sql`${id}`), sql`, `)})` : sql``);
  const member = (alias: string) => sql`${inCampaign(alias)} ${only(alias)}`;
  // Month reports start on the 1st: those of the year's ended months start between its first
  // day and the last ended month's end.
  const lastEnded = finished > 0 ? monthEndDate(year, finished) : `${year - 1}-12-31`;
  return {
    monthly: sql`select r.project_id, string_agg(extract(month from r.period_start)::int || ':' || r.ytd_yuan, ',') as list from progress_reports r
      where r.period_kind = 'month' and r.year = ${year} and r.period_start between ${`${year}-01-01`}::date and ${lastEnded}::date and r.status in (${counting}) ${member('r')}
      group by r.project_id`,
    saved: sql`select mp.project_id, string_agg(mp.month || ':' || mp.cumulative_yuan, ',') as list from project_monthly_plans mp
      where mp.year = ${year} and mp.month <= ${finished} ${member('mp')}
      group by mp.project_id`,
    milestones: sql`select m.project_id, string_agg(to_char(m.planned_date, 'YYYY-MM-DD') || coalesce(to_char(m.actual_date, 'YYYY-MM-DD'), ''), ',') as list from project_milestones m
      where m.planned_date <= ${week.end}::date and (m.actual_date is null or m.actual_date > m.planned_date) ${member('m')}
      group by m.project_id`,
  };
}

async function listsByProject(db: Db, query: SQL): Promise<Map<string, unknown>> {
  const lists = new Map<string, unknown>();
  for (const [projectId, list] of await queryArrays(db, query)) lists.set(String(projectId), list);
  return lists;
}

/**
 * "3:1200,4:1500" → 元 by month, month m at m − 1 as the domain reads a 作战图 (null when there
 * is none). Read in place: a city's ~20,000 pairs would otherwise be as many strings.
 */
function parseMonths(text: unknown): number[] | null {
  if (typeof text !== 'string' || text === '') return null;
  const byMonth: number[] = [];
  for (let at = 0; at < text.length; ) {
    const colon = text.indexOf(':', at);
    const comma = text.indexOf(',', colon);
    const end = comma < 0 ? text.length : comma;
    byMonth[integerIn(text, at, colon) - 1] = integerIn(text, colon + 1, end);
    at = end + 1;
  }
  return byMonth;
}

/** The integer written in text[from, to): digits, perhaps after a minus sign. */
function integerIn(text: string, from: number, to: number): number {
  // Beyond 15 digits the sum below could round differently from Number(): not a 元 amount.
  if (to - from > 15) return toNumber(text.slice(from, to));
  const negative = text.charCodeAt(from) === 45; // '-'
  let n = 0;
  for (let i = negative ? from + 1 : from; i < to; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return negative ? -n : n;
}

/** "2026-03-152026-03-20,2026-05-01" → planned and actual dates (ISO dates are 10 characters). */
function parseMilestones(text: unknown): MilestoneDates[] {
  if (typeof text !== 'string' || text === '') return [];
  const milestones: MilestoneDates[] = [];
  for (let at = 0; at < text.length; ) {
    const comma = text.indexOf(',', at);
    const end = comma < 0 ? text.length : comma;
    milestones.push({ plannedDate: text.slice(at, at + 10), actualDate: end - at > 10 ? text.slice(at + 10, end) : null });
    at = end + 1;
  }
  return milestones;
}

/**
 * The colour of the latest ended month reported, against the project's own 作战图 when it has
 * one, else against the annual plan spread along the campaign's time curve.
 */
function colourOf(
  year: number,
  finished: number,
  planYuan: number | null,
  saved: number[] | null,
  monthly: number[] | null,
  milestones: MilestoneDates[],
  curveShares: number[],
): Colour | null {
  if (!saved && !planYuan) return null;
  // A saved 作战图's months not saved stay empty (the domain reads them as 0).
  const plan = saved ?? monthlyPlanFromCurve(planYuan!, curveShares);
  return currentColourThrough(year, plan, monthly ?? NO_MONTHS, milestones, finished);
}

const NO_MONTHS: readonly number[] = [];
