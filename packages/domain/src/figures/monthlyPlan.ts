/**
 * 作战图: a project's own monthly plan for a year — for each month the cumulative investment
 * it should have done by the month's end. Which milestones a month should reach comes from
 * the milestone plan (节点计划, planned date in that month), never from a second list.
 * Without a saved plan, the annual plan spread along the campaign's time curve stands in.
 */
import { z } from 'zod';
import { MAX_YUAN, yuanToWanText } from '../money.ts';
import { colourNow, monthlyPlanFromCurve, reportedOnTrack, threeColourRecord, type Colour, type MonthPosition } from './threeColour.ts';
import { LINEAR_CURVE, timeProgress, type TimeCurve } from './timeProgress.ts';

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

const pad = (n: number) => String(n).padStart(2, '0');

const monthEnds = new Map<number, string>();

/** Last day of a month as 'YYYY-MM-DD'. */
export function monthEndDate(year: number, month: number): string {
  // Boards ask for every ended month of every project (a city: ~20,000 times a draft): remembered.
  const remembered = Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12;
  const hit = remembered ? monthEnds.get(year * 100 + month) : undefined;
  if (hit !== undefined) return hit;
  const end = `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
  if (remembered && monthEnds.size < 2400) monthEnds.set(year * 100 + month, end);
  return end;
}

/** Time progress (0..1) at the end of each month 1–12 of the year. */
export function monthEndShares(year: number, curve: TimeCurve = LINEAR_CURVE): number[] {
  return MONTHS.map((m) => timeProgress(monthEndDate(year, m), year, curve));
}

/** The curve-derived 作战图: month m should have `plan × time progress at m's end` done. */
export function curveMonthlyPlan(annualPlanYuan: number, year: number, curve: TimeCurve = LINEAR_CURVE): number[] {
  return monthlyPlanFromCurve(annualPlanYuan, monthEndShares(year, curve));
}

export interface MonthlyPlanIssue {
  /** 1–12, or null when the issue is about the plan as a whole. */
  month: number | null;
  message: string;
}

const wan = (yuan: number) => `${yuanToWanText(yuan)} 万元`;

/**
 * Why a 作战图 cannot be saved, each naming its month: twelve whole-元 amounts from 0 to the
 * upper bound, and the cumulative never falls from one month to the next.
 */
export function monthlyPlanIssues(cumulative: readonly unknown[]): MonthlyPlanIssue[] {
  if (cumulative.length !== 12) return [{ month: null, message: `作战图应依次填写 1–12 月共 12 个月的月末累计计划投资（收到 ${cumulative.length} 个）` }];
  const issues: MonthlyPlanIssue[] = [];
  let previous: { month: number; yuan: number } | null = null;
  cumulative.forEach((value, i) => {
    const month = i + 1;
    const label = `${month} 月末累计计划投资`;
    if (typeof value !== 'number' || !Number.isFinite(value)) issues.push({ month, message: `${label}请填写金额（数字）` });
    else if (!Number.isInteger(value)) issues.push({ month, message: `${label}须精确到元` });
    else if (value < 0) issues.push({ month, message: `${label}不能为负数` });
    else if (value > MAX_YUAN) issues.push({ month, message: `${label}超出合理范围（不超过 10 万亿元）` });
    else {
      if (previous && value < previous.yuan) {
        issues.push({ month, message: `${label}（${wan(value)}）不能少于 ${previous.month} 月末（${wan(previous.yuan)}）：作战图按月累计，只增不减` });
      }
      previous = { month, yuan: value };
    }
  });
  return issues;
}

/**
 * What to point out without refusing: December should equal the year's annual plan
 * (年度计划投资); a plan that ends elsewhere is allowed but says by how much it differs.
 */
export function monthlyPlanWarnings(cumulative: readonly number[], annualPlanYuan: number | null, year: number): string[] {
  const december = cumulative[11];
  if (december === undefined) return [];
  if (annualPlanYuan === null) return [`该项目没有 ${year} 年的年度计划投资，无法核对 12 月末累计计划`];
  if (december === annualPlanYuan) return [];
  const diff = december - annualPlanYuan;
  return [`12 月末累计计划 ${wan(december)}与 ${year} 年度计划投资 ${wan(annualPlanYuan)}不一致，${diff > 0 ? '多' : '少'} ${wan(Math.abs(diff))}`];
}

/** Request body of a 作战图: the twelve month-end cumulative amounts in integer 元, January first. */
export const monthlyPlanInput = z.object({
  cumulativeYuan: z
    .array(z.unknown(), { error: '请按月填写作战图（1–12 月的月末累计计划投资）' })
    .superRefine((values, ctx) => {
      for (const issue of monthlyPlanIssues(values)) {
        ctx.addIssue({ code: 'custom', path: issue.month === null ? [] : [issue.month - 1], message: issue.message });
      }
    })
    .transform((values) => values as number[]),
});
export type MonthlyPlanInput = z.output<typeof monthlyPlanInput>;

export interface MilestoneDates {
  plannedDate: string | null;
  actualDate: string | null;
}

/** Milestones planned by a date that were not reached by then (节点未按期完成). */
export function missedMilestones(milestones: readonly MilestoneDates[], asOf: string): number {
  // Counted rather than filtered: boards ask for every reported month of every project.
  let missed = 0;
  for (const m of milestones) if (m.plannedDate && m.plannedDate <= asOf && !(m.actualDate && m.actualDate <= asOf)) missed++;
  return missed;
}

/** The milestones a month of the year should reach: those planned in it. */
export function milestonesPlannedIn<T extends MilestoneDates>(milestones: readonly T[], year: number, month: number): T[] {
  const prefix = `${year}-${pad(month)}`;
  return milestones.filter((m) => m.plannedDate?.startsWith(prefix));
}

/**
 * The positions of months 1..`throughMonth` against a 作战图: what it should have done, the
 * month report's 本年累计 (null when none counts) and the milestones missed by the month's end.
 */
export function monthPositions(year: number, plan: readonly number[], actualByMonth: ReadonlyMap<number, number>, milestones: readonly MilestoneDates[], throughMonth: number): MonthPosition[] {
  const positions: MonthPosition[] = [];
  for (let month = 1; month <= Math.min(throughMonth, 12); month++) {
    positions.push({
      month: `${year}-${pad(month)}`,
      plannedYuan: plan[month - 1] ?? 0,
      actualYuan: actualByMonth.get(month) ?? null,
      missedMilestones: missedMilestones(milestones, monthEndDate(year, month)),
    });
  }
  return positions;
}

/**
 * currentColour(monthPositions(…)) without building the positions: a board colours every
 * project of a city for each draft. Both `plan` and `actualByMonth` hold month m at m − 1
 * (`actualByMonth` undefined where no report counts); only reported months are looked at.
 */
export function currentColourThrough(year: number, plan: readonly (number | undefined)[], actualByMonth: readonly (number | undefined)[], milestones: readonly MilestoneDates[], throughMonth: number): Colour | null {
  let reported = false;
  let latestOnTrack = false;
  let everBehind = false;
  for (let month = 1; month <= Math.min(throughMonth, 12); month++) {
    const actualYuan = actualByMonth[month - 1];
    if (actualYuan === undefined) continue;
    reported = true;
    latestOnTrack = reportedOnTrack(plan[month - 1] ?? 0, actualYuan, missedMilestones(milestones, monthEndDate(year, month)));
    if (!latestOnTrack) everBehind = true;
  }
  return colourNow(reported, latestOnTrack, everBehind);
}

/** How many months of the year have ended by a date (0–12). */
export function monthsFinishedBy(year: number, asOf: string): number {
  let finished = 0;
  for (const m of MONTHS) if (monthEndDate(year, m) <= asOf) finished = m;
  return finished;
}

export interface ColourMonth {
  month: number;
  plannedYuan: number;
  /** 本年累计 of the month's report; null when the month has not ended or no report counts. */
  actualYuan: number | null;
  /** Null when the month has not ended. */
  missedMilestones: number | null;
  colour: Colour | null;
}

/** 三色预警 record of a year, month by month, for the months ended by `asOf`. */
export function colourRecord(year: number, plan: readonly number[], actualByMonth: ReadonlyMap<number, number>, milestones: readonly MilestoneDates[], asOf: string): ColourMonth[] {
  const finished = monthsFinishedBy(year, asOf);
  const positions = monthPositions(year, plan, actualByMonth, milestones, finished);
  const colours = new Map(threeColourRecord(positions).map((r) => [r.month, r.colour]));
  return MONTHS.map((month) => {
    const position = positions[month - 1];
    return {
      month,
      plannedYuan: plan[month - 1] ?? 0,
      actualYuan: position?.actualYuan ?? null,
      missedMilestones: position ? position.missedMilestones : null,
      colour: position ? (colours.get(position.month) ?? null) : null,
    };
  });
}
