/**
 * 三色预警 against a project's own monthly plan (作战图): green when on or ahead of what it
 * should have invested (and the milestones it should have reached) by the month's end;
 * red when behind; a red month turns yellow once the project has caught up later, and
 * stays yellow in the record.
 */
export type Colour = 'green' | 'yellow' | 'red';

export interface MonthPosition {
  /** 'YYYY-MM'. */
  month: string;
  /** Cumulative investment the plan says should be done by the month's end. */
  plannedYuan: number;
  /** Cumulative investment actually done by the month's end (null: not reported yet). */
  actualYuan: number | null;
  /** Milestones due by the month's end that were not reached by then. */
  missedMilestones: number;
}

export function onTrack(p: MonthPosition): boolean {
  return p.actualYuan !== null && reportedOnTrack(p.plannedYuan, p.actualYuan, p.missedMilestones);
}

/** onTrack() of a month that has a report, from its three numbers. */
export function reportedOnTrack(plannedYuan: number, actualYuan: number, missedMilestones: number): boolean {
  return actualYuan >= plannedYuan && missedMilestones === 0;
}

/** The colour of each month in the record, given every month up to the latest one reported. */
export function threeColourRecord(months: readonly MonthPosition[]): { month: string; colour: Colour }[] {
  const reported = months.filter((m) => m.actualYuan !== null);
  return reported.map((m, i) => {
    if (onTrack(m)) return { month: m.month, colour: 'green' as const };
    const caughtUpLater = reported.slice(i + 1).some(onTrack);
    return { month: m.month, colour: caughtUpLater ? ('yellow' as const) : ('red' as const) };
  });
}

/**
 * The project's code now, as boards and bulletins carry it: red while its latest reported
 * month is behind; yellow once it has caught up after falling behind this year (曾落后、已追上,
 * the record keeps a yellow month); green when it has never been behind.
 */
export function currentColour(months: readonly MonthPosition[]): Colour | null {
  let reported = false;
  let latestOnTrack = false;
  let everBehind = false;
  for (const m of months) {
    if (m.actualYuan === null) continue;
    reported = true;
    latestOnTrack = onTrack(m);
    if (!latestOnTrack) everBehind = true;
  }
  return colourNow(reported, latestOnTrack, everBehind);
}

/**
 * currentColour() from what it reads of the record, so boards can colour a city's projects
 * without building one (monthlyPlan.ts, currentColourThrough). The latest reported month is
 * green when on track, else red; every earlier month behind has been caught up by then, so the
 * record holds a yellow month exactly when some reported month was behind.
 */
export function colourNow(anyReported: boolean, latestOnTrack: boolean, everBehind: boolean): Colour | null {
  if (!anyReported) return null;
  if (!latestOnTrack) return 'red';
  return everBehind ? 'yellow' : 'green';
}

/**
 * Default 作战图 when a project has no monthly split: the annual plan spread along the
 * campaign's time curve, so month m should have `plan × curve(m)` done.
 */
export function monthlyPlanFromCurve(annualPlanYuan: number, monthEndShares: readonly number[]): number[] {
  return monthEndShares.map((share) => Math.round(annualPlanYuan * share));
}
