import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_YUAN } from '../money.ts';
import { colourRecord, currentColourThrough, curveMonthlyPlan, milestonesPlannedIn, missedMilestones, monthEndDate, monthlyPlanInput, monthlyPlanIssues, monthlyPlanWarnings, monthPositions, monthsFinishedBy } from './monthlyPlan.ts';
import { currentColour, threeColourRecord, type Colour } from './threeColour.ts';

const WAN = 10_000;
/** A rising plan of 100 万元 a month: 100, 200 … 1200 万元. */
const steady = () => Array.from({ length: 12 }, (_, i) => (i + 1) * 100 * WAN);
const nonDecreasing = fc.array(fc.integer({ min: 0, max: 1_000_000 * WAN }), { minLength: 12, maxLength: 12 }).map((a) => [...a].sort((x, y) => x - y));

describe('作战图 validation', () => {
  it('accepts twelve rising month-end amounts, flat months included', () => {
    const plan = steady();
    plan[4] = plan[3]!; // nothing planned in May
    expect(monthlyPlanIssues(plan)).toEqual([]);
    expect(monthlyPlanInput.safeParse({ cumulativeYuan: plan }).success).toBe(true);
  });

  it('refuses a month below the one before, naming both months and amounts', () => {
    const plan = steady();
    plan[3] = 250 * WAN;
    expect(monthlyPlanIssues(plan)).toEqual([{ month: 4, message: '4 月末累计计划投资（250 万元）不能少于 3 月末（300 万元）：作战图按月累计，只增不减' }]);
  });

  it('refuses negative, fractional, oversized and missing amounts with the month in the message', () => {
    const plan: unknown[] = steady();
    plan[0] = -1;
    plan[5] = 1.5;
    plan[8] = MAX_YUAN + 1;
    plan[10] = null;
    const messages = monthlyPlanIssues(plan).map((i) => i.message);
    expect(messages).toEqual(['1 月末累计计划投资不能为负数', '6 月末累计计划投资须精确到元', '9 月末累计计划投资超出合理范围（不超过 10 万亿元）', '11 月末累计计划投资请填写金额（数字）']);
  });

  it('wants exactly twelve months', () => {
    expect(monthlyPlanIssues([1, 2, 3])).toEqual([{ month: null, message: '作战图应依次填写 1–12 月共 12 个月的月末累计计划投资（收到 3 个）' }]);
  });

  it('puts each issue on its month in the request schema', () => {
    const plan = steady();
    plan[2] = 0;
    const result = monthlyPlanInput.safeParse({ cumulativeYuan: plan });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path, i.message.slice(0, 6)])).toEqual([[['cumulativeYuan', 2], '3 月末累计']]);
  });

  it('never refuses a non-decreasing plan of whole non-negative amounts (property)', () => {
    fc.assert(fc.property(nonDecreasing, (plan) => monthlyPlanIssues(plan).length === 0));
  });

  it('refuses any plan with a fall, at the month where it falls (property)', () => {
    fc.assert(
      fc.property(nonDecreasing, fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 1000 * WAN }), (plan, at, drop) => {
        const bad = [...plan];
        bad[at] = Math.max(0, bad[at - 1]! - drop);
        if (bad[at]! >= bad[at - 1]!) return true; // the previous month was 0: nothing can fall below it
        return monthlyPlanIssues(bad).some((i) => i.month === at + 1 && i.message.includes(`不能少于 ${at} 月末`));
      }),
    );
  });

  it('warns, without refusing, when December differs from the annual plan, saying by how much', () => {
    const plan = steady();
    expect(monthlyPlanWarnings(plan, 1200 * WAN, 2026)).toEqual([]);
    expect(monthlyPlanWarnings(plan, 1250.5 * WAN, 2026)).toEqual(['12 月末累计计划 1200 万元与 2026 年度计划投资 1250.5 万元不一致，少 50.5 万元']);
    expect(monthlyPlanWarnings(plan, 1000 * WAN, 2026)[0]).toMatch(/多 200 万元$/);
    expect(monthlyPlanWarnings(plan, null, 2026)).toEqual(['该项目没有 2026 年的年度计划投资，无法核对 12 月末累计计划']);
  });
});

describe('作战图 from the time curve', () => {
  it('spreads the annual plan linearly by month by default, ending at the plan', () => {
    const plan = curveMonthlyPlan(1200 * WAN, 2026);
    expect(plan).toEqual(steady());
  });

  it('follows a custom curve and always ends exactly at the annual plan (property)', () => {
    const curve = [
      { month: 3, share: 0.2 },
      { month: 6, share: 0.5 },
      { month: 9, share: 0.75 },
      { month: 12, share: 1 },
    ];
    expect(curveMonthlyPlan(1000 * WAN, 2026, curve)[2]).toBe(200 * WAN);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 2000, max: 2100 }), (annual, year) => {
        const plan = curveMonthlyPlan(annual, year, curve);
        return plan[11] === annual && monthlyPlanIssues(plan).length === 0;
      }),
    );
  });
});

describe('三色预警 record against the 作战图', () => {
  const milestones = [
    { plannedDate: '2026-02-10', actualDate: '2026-02-08' },
    { plannedDate: '2026-05-20', actualDate: '2026-06-03' },
    { plannedDate: '2026-09-01', actualDate: null },
  ];

  it('counts the milestones planned in a month and those missed by a date', () => {
    expect(milestonesPlannedIn(milestones, 2026, 5)).toEqual([milestones[1]]);
    expect(milestonesPlannedIn(milestones, 2027, 5)).toEqual([]);
    expect(missedMilestones(milestones, '2026-05-31')).toBe(1);
    expect(missedMilestones(milestones, '2026-06-30')).toBe(0);
    expect(missedMilestones(milestones, '2026-09-30')).toBe(1);
  });

  it('knows month ends and how many months have ended', () => {
    expect(monthEndDate(2028, 2)).toBe('2028-02-29');
    expect(monthsFinishedBy(2026, '2026-04-29')).toBe(3);
    expect(monthsFinishedBy(2026, '2026-04-30')).toBe(4);
    expect(monthsFinishedBy(2026, '2027-01-05')).toBe(12);
    expect(monthsFinishedBy(2026, '2025-12-31')).toBe(0);
  });

  it('turns a red month yellow once the project catches up with its own plan', () => {
    const plan = [100, 200, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400].map((w) => w * WAN);
    const actual = new Map([
      [1, 100 * WAN],
      [2, 200 * WAN],
      [3, 320 * WAN],
    ]);
    const march = colourRecord(2026, plan, actual, [], '2026-04-15');
    expect(march.slice(0, 4).map((m) => m.colour)).toEqual(['green', 'green', 'red', null]);
    expect(march[3]).toMatchObject({ month: 4, actualYuan: null, missedMilestones: null });
    actual.set(4, 600 * WAN);
    const april = colourRecord(2026, plan, actual, [], '2026-05-02');
    expect(april.slice(0, 4).map((m) => m.colour)).toEqual(['green', 'green', 'yellow', 'green']);
  });

  it('keeps a month red for a missed milestone even when the money is on plan', () => {
    const plan = curveMonthlyPlan(1200 * WAN, 2026);
    const actual = new Map(plan.map((v, i) => [i + 1, v] as [number, number]));
    const record = colourRecord(2026, plan, actual, [{ plannedDate: '2026-09-01', actualDate: null }], '2026-12-31');
    expect(record.filter((m) => m.colour === 'red').map((m) => m.month)).toEqual([9, 10, 11, 12]);
    expect(record[8]!.missedMilestones).toBe(1);
  });
});

describe('the code now, as boards compute it', () => {
  /** The code from the whole record, as currentColour() first read it. */
  const fromRecord = (record: { colour: Colour }[]): Colour | null => {
    const latest = record.at(-1);
    if (!latest) return null;
    if (latest.colour === 'red') return 'red';
    return record.some((r) => r.colour === 'yellow') ? 'yellow' : 'green';
  };
  const date = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const milestone = fc.record({ plannedDate: fc.option(date), actualDate: fc.option(date) });
  const amounts = fc.array(fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: undefined }), { minLength: 12, maxLength: 12 });

  it('without the positions gives what currentColour(monthPositions(…)) and the record give', () => {
    fc.assert(
      fc.property(amounts, amounts, fc.array(milestone, { maxLength: 6 }), fc.integer({ min: 0, max: 12 }), (plan, actual, milestones, through) => {
        const actualByMonth = new Map(actual.flatMap((yuan, i) => (yuan === undefined ? [] : [[i + 1, yuan] as [number, number]])));
        const positions = monthPositions(2026, plan.map((yuan) => yuan ?? 0), actualByMonth, milestones, through);
        const expected = fromRecord(threeColourRecord(positions));
        expect(currentColour(positions)).toBe(expected);
        expect(currentColourThrough(2026, plan, actual, milestones, through)).toBe(expected);
      }),
    );
  });
});
