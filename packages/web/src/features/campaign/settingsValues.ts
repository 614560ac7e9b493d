/**
 * Campaign settings between the API and the form: the curve as twelve month rows (a row
 * with a value is an anchor, given in percent), the grading rules with their defaults.
 */
import { curveProblem, timeProgress, type DeadlineRule, type GradingRules, type PeriodKind, type TimeCurve } from '@pacer/domain';
import dayjs, { type Dayjs } from 'dayjs';

export interface Campaign {
  id: string;
  year: number;
  name: string;
  slogan: string | null;
  startsOn: string;
  endsOn: string;
  cadence: PeriodKind[];
  deadlines: DeadlineRule;
  timeCurve: TimeCurve | null;
  gradingRules: GradingRules | null;
  defaultRules: GradingRules;
}

export interface CampaignFormValues {
  name: string;
  slogan: string | null;
  range: [Dayjs, Dayjs];
  cadence: PeriodKind[];
  weekday: number;
  monthDay: number;
  time: Dayjs;
  curveMode: 'linear' | 'custom';
  /** Percent at each month's end, index 0 = January; null = not an anchor. */
  anchors: (number | null)[];
  rulesMode: 'default' | 'custom';
  rules: GradingRules;
}

export const QUARTER_PRESET: (number | null)[] = [null, null, 20, null, null, 50, null, null, 75, null, null, 100];

const round2 = (v: number) => Math.round(v * 100) / 100;

export function toValues(c: Campaign): CampaignFormValues {
  const anchors: (number | null)[] = Array(12).fill(null);
  for (const a of c.timeCurve ?? []) anchors[a.month - 1] = round2(a.share * 100);
  return {
    name: c.name,
    slogan: c.slogan,
    range: [dayjs(c.startsOn), dayjs(c.endsOn)],
    cadence: c.cadence,
    weekday: c.deadlines.weekday,
    monthDay: c.deadlines.monthDay,
    time: dayjs(`2000-01-01T${c.deadlines.time}`),
    curveMode: c.timeCurve ? 'custom' : 'linear',
    anchors: c.timeCurve ? anchors : [...QUARTER_PRESET],
    rulesMode: c.gradingRules ? 'custom' : 'default',
    rules: c.gradingRules ?? c.defaultRules,
  };
}

/** The anchors as the API's curve: months with a value, share 0..1. */
export function curveOf(anchors: readonly (number | null | undefined)[]): TimeCurve {
  return anchors.flatMap((pct, i) => (pct === null || pct === undefined ? [] : [{ month: i + 1, share: round2(pct) / 100 }]));
}

/** Time progress at each month's end under a curve, in percent; what the board will use. */
export function monthEndProgress(curve: TimeCurve | null, year: number): number[] {
  return Array.from({ length: 12 }, (_, i) => {
    const end = dayjs(`${year}-${String(i + 1).padStart(2, '0')}-01`).endOf('month').format('YYYY-MM-DD');
    return round2(timeProgress(end, year, curve ?? undefined) * 100);
  });
}

export function toBody(v: CampaignFormValues) {
  return {
    name: v.name.trim(),
    slogan: v.slogan?.trim() || null,
    startsOn: v.range[0].format('YYYY-MM-DD'),
    endsOn: v.range[1].format('YYYY-MM-DD'),
    cadence: v.cadence,
    deadlines: { weekday: v.weekday, monthDay: v.monthDay, time: v.time.format('HH:mm') },
    timeCurve: v.curveMode === 'custom' ? curveOf(v.anchors) : null,
    gradingRules: v.rulesMode === 'custom' ? v.rules : null,
  };
}

/** The same check the server runs, so the message appears before saving. */
export function curveError(v: Pick<CampaignFormValues, 'curveMode' | 'anchors'>): string | null {
  return v.curveMode === 'custom' ? curveProblem(curveOf(v.anchors)) : null;
}
