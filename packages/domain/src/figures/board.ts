/**
 * 周晒榜: each project's figures for a week with its suggested grade, its rank overall and
 * among peers (same category), and how it moved since last week.
 */
import { completionRate, percentGap, toPercent } from './completion.ts';
import { DEFAULT_GRADING_RULES, suggestGrade, type Grade, type GradingRules } from './grades.ts';
import { rankOrder } from './ranks.ts';

export interface BoardInput {
  projectId: string;
  planYuan: number | null;
  ytdYuan: number;
  category: string;
  reportMissing: boolean;
  maxOverdueDays: number;
}

export interface BoardLine<T extends BoardInput = BoardInput> {
  item: T;
  /** Completion rate in percent, two decimals. */
  completionRate: number | null;
  gapPoints: number | null;
  suggestedGrade: Grade | null;
  suggestedReason: string;
  rank: number | null;
  peerRank: number | null;
  /** Places gained since last week (positive = up); null when not ranked both weeks. */
  movement: number | null;
}

export function buildBoard<T extends BoardInput>(items: readonly T[], progress: number, rules: GradingRules = DEFAULT_GRADING_RULES, lastRanks: ReadonlyMap<string, number> = new Map()): BoardLine<T>[] {
  // Columns and indices rather than an object per project and ranking: a city's 1,875 projects
  // are ranked overall and within each category for every draft the office opens.
  const rates = items.map((item) => completionRate(item.ytdYuan, item.planYuan));
  const ytd = items.map((item) => item.ytdYuan);
  const overall = new Array<number | null>(items.length).fill(null);
  const peer = new Array<number | null>(items.length).fill(null);
  fillRanks(
    items.map((_, i) => i),
    rates,
    ytd,
    overall,
  );
  for (const members of indicesBy(items, (item) => item.category).values()) fillRanks(members, rates, ytd, peer);
  const progressPercent = toPercent(progress);
  return items.map((item, i) => {
    const rate = rates[i]!;
    // As gapPoints(rate, progress), each percentage rounded once.
    const percent = rate === null ? null : toPercent(rate);
    const gap = percent === null ? null : percentGap(percent, progressPercent);
    const suggestion = suggestGrade({ gapPoints: gap, reportMissing: item.reportMissing, maxOverdueDays: item.maxOverdueDays }, rules);
    const rank = overall[i]!;
    const last = lastRanks.get(item.projectId);
    return {
      item,
      completionRate: percent,
      gapPoints: gap,
      suggestedGrade: suggestion.grade,
      suggestedReason: suggestion.reason,
      rank,
      peerRank: peer[i]!,
      movement: rank !== null && last !== undefined ? last - rank : null,
    };
  });
}

/** Writes each member's rank among the members into `out` (members without a rate are left as they are). */
function fillRanks(members: readonly number[], rates: readonly (number | null)[], ytd: readonly number[], out: (number | null)[]): void {
  const { order, ranks } = rankOrder(members, rates, ytd);
  for (let k = 0; k < order.length; k++) out[order[k]!] = ranks[k]!;
}

/** Item indices by key, in the items' order. */
function indicesBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = groups.get(keyOf(item));
    if (list) list.push(i);
    else groups.set(keyOf(item), [i]);
  });
  return groups;
}

/** Days the most overdue milestone is late at a date: planned before it and not yet reached. */
export function maxOverdueDays(milestones: readonly { plannedDate: string | null; actualDate: string | null }[], asOf: string): number {
  let worst = 0;
  let asOfTime: number | undefined;
  for (const m of milestones) {
    if (!m.plannedDate || m.plannedDate >= asOf) continue;
    if (m.actualDate && m.actualDate <= asOf) continue;
    // Parsed once, at the first milestone that is late (boards ask for every project).
    asOfTime ??= Date.parse(`${asOf}T00:00:00Z`);
    const days = Math.round((asOfTime - Date.parse(`${m.plannedDate}T00:00:00Z`)) / 86_400_000);
    worst = Math.max(worst, days);
  }
  return worst;
}

/** Grade counts in the fixed order 优秀, 良好, 一般, 较差 (and 未评定). */
export function gradeDistribution(grades: readonly (Grade | null)[]): Record<Grade | 'none', number> {
  const out: Record<Grade | 'none', number> = { excellent: 0, good: 0, fair: 0, poor: 0, none: 0 };
  for (const g of grades) out[g ?? 'none']++;
  return out;
}
