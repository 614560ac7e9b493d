/**
 * 周晒榜 suggested grades from a campaign's rules. Defaults: 优秀 gap ≥ +10 points and no
 * overdue milestone; 良好 gap ≥ 0; 一般 gap ≥ −10; 较差 otherwise, or report missing,
 * or a milestone overdue more than 30 days.
 */
export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  poor: { zh: '较差', en: 'Poor' },
};

export interface GradingRules {
  excellentMinGap: number;
  goodMinGap: number;
  fairMinGap: number;
  /** 优秀 requires no overdue milestone at all. */
  excellentNeedsNoOverdue: boolean;
  /** A milestone overdue longer than this many days makes the grade 较差. */
  poorOverdueDays: number;
  /** A missing report makes the grade 较差. */
  missingReportIsPoor: boolean;
}

export const DEFAULT_GRADING_RULES: GradingRules = {
  excellentMinGap: 10,
  goodMinGap: 0,
  fairMinGap: -10,
  excellentNeedsNoOverdue: true,
  poorOverdueDays: 30,
  missingReportIsPoor: true,
};

export interface GradeInput {
  /** 进度差 in points; null when the project has no plan this year. */
  gapPoints: number | null;
  reportMissing: boolean;
  /** Days the most overdue milestone is late; 0 when none. */
  maxOverdueDays: number;
}

export interface SuggestedGrade {
  grade: Grade | null;
  /** Why, in Chinese, for the office reviewing the board. */
  reason: string;
}

export function suggestGrade(input: GradeInput, rules: GradingRules = DEFAULT_GRADING_RULES): SuggestedGrade {
  if (input.reportMissing && rules.missingReportIsPoor) return { grade: 'poor', reason: '本期未填报' };
  if (input.maxOverdueDays > rules.poorOverdueDays) return { grade: 'poor', reason: `节点逾期 ${input.maxOverdueDays} 天` };
  if (input.gapPoints === null) return { grade: null, reason: '本年无计划投资，不参与评定' };
  const gap = input.gapPoints;
  const text = `${gap >= 0 ? '快于' : '慢于'}时序进度 ${Math.abs(gap).toFixed(2)} 个百分点`;
  if (gap >= rules.excellentMinGap) {
    if (!rules.excellentNeedsNoOverdue || input.maxOverdueDays === 0) return { grade: 'excellent', reason: text };
    return { grade: 'good', reason: `${text}，但有节点逾期` };
  }
  if (gap >= rules.goodMinGap) return { grade: 'good', reason: text };
  if (gap >= rules.fairMinGap) return { grade: 'fair', reason: text };
  return { grade: 'poor', reason: text };
}
