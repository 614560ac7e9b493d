/**
 * 周晒榜: each project's figures for a week with its suggested grade, its rank overall and
 * among peers (same category), and how it moved since last week.
 */
import { completionRate, gapPoints, toPercent } from './completion.ts';
import { DEFAULT_GRADING_RULES, suggestGrade, type Grade, type GradingRules } from './grades.ts';
import { rankByCompletion } from './ranks.ts';

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
  const withRates = items.map((item) => ({ item, completionRate: completionRate(item.ytdYuan, item.planYuan), ytdYuan: item.ytdYuan }));
  const overall = new Map(rankByCompletion(withRates).map((r) => [r.item.projectId, r.rank]));
  const peer = new Map<string, number | null>();
  for (const category of new Set(items.map((i) => i.category))) {
    for (const r of rankByCompletion(withRates.filter((w) => w.item.category === category))) peer.set(r.item.projectId, r.rank);
  }
  return withRates.map(({ item, completionRate: rate }) => {
    const gap = gapPoints(rate, progress);
    const suggestion = suggestGrade({ gapPoints: gap, reportMissing: item.reportMissing, maxOverdueDays: item.maxOverdueDays }, rules);
    const rank = overall.get(item.projectId) ?? null;
    const last = lastRanks.get(item.projectId);
    return {
      item,
      completionRate: rate === null ? null : toPercent(rate),
      gapPoints: gap,
      suggestedGrade: suggestion.grade,
      suggestedReason: suggestion.reason,
      rank,
      peerRank: peer.get(item.projectId) ?? null,
      movement: rank !== null && last !== undefined ? last - rank : null,
    };
  });
}

/** Days the most overdue milestone is late at a date: planned before it and not yet reached. */
export function maxOverdueDays(milestones: readonly { plannedDate: string | null; actualDate: string | null }[], asOf: string): number {
  let worst = 0;
  for (const m of milestones) {
    if (!m.plannedDate || m.plannedDate >= asOf) continue;
    if (m.actualDate && m.actualDate <= asOf) continue;
    const days = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${m.plannedDate}T00:00:00Z`)) / 86_400_000);
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
