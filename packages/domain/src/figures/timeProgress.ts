/**
 * 时序进度 (time progress): the share of the year's plan that should be done by a date.
 * Default curve: linear by calendar month (end of June = 50%), linear by day within a month.
 * A campaign may set its own curve by month-end anchors (e.g. Mar 20%, Jun 50%, Sep 75%).
 */

/** Cumulative share (0..1) due by the end of a month, 1 = January … 12 = December. */
export interface CurveAnchor {
  month: number;
  share: number;
}

export type TimeCurve = readonly CurveAnchor[];

export const LINEAR_CURVE: TimeCurve = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, share: (i + 1) / 12 }));

/** Checks a custom curve: months 1–12 ascending, shares rising from 0 to exactly 1 at December. */
export function curveProblem(curve: TimeCurve): string | null {
  if (curve.length === 0) return '时序进度曲线至少需要一个节点';
  let lastMonth = 0;
  let lastShare = 0;
  for (const a of curve) {
    if (!Number.isInteger(a.month) || a.month < 1 || a.month > 12) return `月份 ${a.month} 不正确，应为 1–12`;
    if (a.month <= lastMonth) return '月份应从小到大排列且不重复';
    if (!(a.share >= lastShare) || a.share > 1) return `${a.month} 月末的进度 ${a.share} 应不小于前一节点且不超过 100%`;
    lastMonth = a.month;
    lastShare = a.share;
  }
  if (lastMonth !== 12 || lastShare !== 1) return '曲线应以 12 月末 = 100% 结束';
  return null;
}

/** The cumulative share due at the end of each month 0..12 (0 = start of year), anchors interpolated. */
function monthEnds(curve: TimeCurve): number[] {
  const points = [{ month: 0, share: 0 }, ...curve];
  const ends: number[] = [0];
  for (let m = 1; m <= 12; m++) {
    const after = points.find((p) => p.month >= m)!;
    const before = [...points].reverse().find((p) => p.month < m)!;
    const t = (m - before.month) / (after.month - before.month);
    ends.push(before.share + (after.share - before.share) * t);
  }
  return ends;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Time progress (0..1) at the end of the given calendar day of `year`.
 * Before the year: 0; after it: 1. `date` is 'YYYY-MM-DD' (the 截至 date).
 */
export function timeProgress(date: string, year: number, curve: TimeCurve = LINEAR_CURVE): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (y < year) return 0;
  if (y > year) return 1;
  const ends = monthEnds(curve);
  const start = ends[m - 1]!;
  const end = ends[m]!;
  return start + (end - start) * (d / daysInMonth(y, m));
}
