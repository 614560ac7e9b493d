/**
 * The 作战图 form: twelve month-end amounts typed in 万元 and kept as decimal text until they
 * become integer 元, checked with the domain's own rules so the page says what the server would.
 */
import { monthlyPlanIssues, monthlyPlanWarnings, wanToYuan, yuanToWanText, type MonthlyPlanDto } from '@pacer/domain';

export type PlanValues = string[];

export const toValues = (plan: Pick<MonthlyPlanDto, 'months'>, pick: 'cumulativeYuan' | 'curveYuan' = 'cumulativeYuan'): PlanValues =>
  plan.months.map((m) => yuanToWanText(m[pick]));

/** Each typed amount in 元; an empty or malformed field is NaN, which the checks name. */
export const toYuan = (values: PlanValues): number[] => values.map((v) => (v.trim() === '' ? NaN : (wanToYuan(v) ?? NaN)));

export interface PlanCheck {
  /** Issues by month (1–12); `null` key for the plan as a whole. */
  byMonth: Map<number | null, string>;
  messages: string[];
  warnings: string[];
}

export function checkPlan(values: PlanValues, annualPlanYuan: number | null, year: number): PlanCheck {
  const yuan = toYuan(values);
  const issues = monthlyPlanIssues(yuan);
  const byMonth = new Map<number | null, string>();
  for (const i of issues) if (!byMonth.has(i.month)) byMonth.set(i.month, i.message);
  return { byMonth, messages: issues.map((i) => i.message), warnings: issues.length ? [] : monthlyPlanWarnings(yuan, annualPlanYuan, year) };
}

/** What month m adds to the plan (当月计划): the change in the cumulative amount. */
export function monthlyIncrements(yuan: readonly number[]): (number | null)[] {
  return yuan.map((v, i) => {
    const before = i === 0 ? 0 : yuan[i - 1]!;
    return Number.isFinite(v) && Number.isFinite(before) ? v - before : null;
  });
}

export const sameValues = (a: PlanValues, b: PlanValues) => toYuan(a).every((v, i) => v === toYuan(b)[i] || (Number.isNaN(v) && a[i] === b[i]));
