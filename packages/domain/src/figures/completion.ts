/**
 * 投资完成率 and 进度差, per project and per group (sum over sum, never a mean of rates).
 */

/** Rounds a ratio to a percentage with two decimals, half away from zero: 0.60475 → 60.48. */
export function toPercent(ratio: number): number {
  const scaled = ratio * 10_000;
  // Correct binary noise (e.g. 0.1 + 0.2) before rounding at the second decimal.
  const cleaned = Number(scaled.toPrecision(12));
  return (Math.sign(cleaned) * Math.round(Math.abs(cleaned))) / 100;
}

/** 投资完成率 = 本年累计完成投资 / 年度计划投资; null when there is no plan. */
export function completionRate(ytdYuan: number, planYuan: number | null | undefined): number | null {
  if (!planYuan || planYuan <= 0) return null;
  return ytdYuan / planYuan;
}

/**
 * 进度差 in percentage points: completion % − time progress %, each rounded to two decimals
 * first, so the published sentence adds up ("60.48%，快于时序进度 10.48 个百分点").
 */
export function gapPoints(rate: number | null, progress: number): number | null {
  if (rate === null) return null;
  return percentGap(toPercent(rate), toPercent(progress));
}

/** gapPoints() from the two percentages: a board rounds its time progress once, and each rate once for both columns. */
export function percentGap(ratePercent: number, progressPercent: number): number {
  return Math.round((ratePercent - progressPercent) * 100) / 100;
}

export interface PlanAndActual {
  planYuan: number | null;
  ytdYuan: number;
}

export interface GroupFigures {
  /** All projects in the group, including those without a plan this year. */
  projects: number;
  /** Projects that count in the ratio (a plan > 0 this year). */
  plannedProjects: number;
  planYuan: number;
  /** YTD of the planned projects only, so the ratio compares like with like. */
  ytdYuan: number;
  /** YTD of every project in the group. */
  ytdAllYuan: number;
  completionRate: number | null;
}

/** Group figures: sum of YTD over sum of plan, over projects that have a plan. */
export function groupFigures(items: readonly PlanAndActual[]): GroupFigures {
  let planYuan = 0;
  let ytdYuan = 0;
  let ytdAllYuan = 0;
  let plannedProjects = 0;
  for (const it of items) {
    ytdAllYuan += it.ytdYuan;
    if (it.planYuan && it.planYuan > 0) {
      plannedProjects++;
      planYuan += it.planYuan;
      ytdYuan += it.ytdYuan;
    }
  }
  return { projects: items.length, plannedProjects, planYuan, ytdYuan, ytdAllYuan, completionRate: completionRate(ytdYuan, planYuan) };
}

/** Groups items by a key and computes each group's figures, keys in first-seen order. */
export function figuresBy<T extends PlanAndActual>(items: readonly T[], keyOf: (item: T) => string): Map<string, GroupFigures> {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = keyOf(it);
    const list = groups.get(k);
    if (list) list.push(it);
    else groups.set(k, [it]);
  }
  return new Map([...groups].map(([k, list]) => [k, groupFigures(list)]));
}

/**
 * 开工率 / 投产率: of the projects whose plan says the milestone is due by `asOf`,
 * the share that actually reached it by then. null when none was due.
 */
export function milestoneRate(items: readonly { plannedDate: string | null; actualDate: string | null }[], asOf: string): number | null {
  const due = items.filter((m) => m.plannedDate !== null && m.plannedDate <= asOf);
  if (due.length === 0) return null;
  const reached = due.filter((m) => m.actualDate !== null && m.actualDate <= asOf).length;
  return reached / due.length;
}

/** 双过半: by mid-year, more than half the time gone and more than half the annual plan done. */
export function doubleHalf(rate: number | null, progress: number): { timeHalf: boolean; taskHalf: boolean; achieved: boolean } {
  const timeHalf = progress >= 0.5;
  const taskHalf = rate !== null && rate >= 0.5;
  return { timeHalf, taskHalf, achieved: timeHalf && taskHalf };
}
