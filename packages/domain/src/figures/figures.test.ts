import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionRate, doubleHalf, gapPoints, groupFigures, milestoneRate, toPercent } from './completion.ts';
import { DEFAULT_GRADING_RULES, GRADES, suggestGrade } from './grades.ts';
import { rankByCompletion } from './ranks.ts';
import { curveProblem, LINEAR_CURVE, timeProgress } from './timeProgress.ts';

const dayOf = (year: number, n: number) => new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10);

describe('时序进度 time progress', () => {
  it('is 50% at the end of June and 100% at the end of the year on the default curve', () => {
    expect(timeProgress('2026-06-30', 2026)).toBe(0.5);
    expect(timeProgress('2026-12-31', 2026)).toBe(1);
    expect(toPercent(timeProgress('2026-08-31', 2026))).toBe(66.67);
    expect(toPercent(timeProgress('2026-03-31', 2026))).toBe(25);
  });

  it('is linear by day within a month', () => {
    // 15 of 30 days of June: halfway between 5/12 and 6/12.
    expect(timeProgress('2026-06-15', 2026)).toBeCloseTo((5 + 0.5) / 12, 12);
  });

  it('is 0 before the year and 1 after it', () => {
    expect(timeProgress('2025-12-31', 2026)).toBe(0);
    expect(timeProgress('2027-01-01', 2026)).toBe(1);
  });

  it('never falls as the days go by, and stays within 0..1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 364 }), (year, n) => {
        const a = timeProgress(dayOf(year, n), year);
        const b = timeProgress(dayOf(year, n + 1), year);
        return a >= 0 && b <= 1 && b >= a;
      }),
    );
  });

  it('follows a custom curve through its anchors (Q1 20%, H1 50%, Q3 75%)', () => {
    const curve = [
      { month: 3, share: 0.2 },
      { month: 6, share: 0.5 },
      { month: 9, share: 0.75 },
      { month: 12, share: 1 },
    ];
    expect(curveProblem(curve)).toBeNull();
    expect(timeProgress('2026-03-31', 2026, curve)).toBeCloseTo(0.2, 12);
    expect(timeProgress('2026-06-30', 2026, curve)).toBeCloseTo(0.5, 12);
    expect(timeProgress('2026-09-30', 2026, curve)).toBeCloseTo(0.75, 12);
    expect(timeProgress('2026-02-28', 2026, curve)).toBeCloseTo(0.2 * (2 / 3), 12);
  });

  it('explains what is wrong with a bad curve', () => {
    expect(curveProblem([{ month: 6, share: 0.5 }])).toMatch(/12 月末/);
    expect(curveProblem([{ month: 6, share: 0.6 }, { month: 3, share: 0.2 }, { month: 12, share: 1 }])).toMatch(/从小到大/);
    expect(curveProblem(LINEAR_CURVE)).toBeNull();
  });
});

describe('投资完成率 and 进度差', () => {
  it('matches published figures', () => {
    expect(toPercent(0.6048)).toBe(60.48);
    expect(gapPoints(0.6048, 0.5)).toBe(10.48);
    expect(gapPoints(0.74, timeProgress('2026-08-31', 2026))).toBe(7.33);
    expect(toPercent(completionRate(153_000, 1_013_245)!)).toBe(15.1);
    expect(toPercent(1.5167)).toBe(151.67);
  });

  it('has no rate without a plan', () => {
    expect(completionRate(100, 0)).toBeNull();
    expect(completionRate(100, null)).toBeNull();
    expect(gapPoints(null, 0.5)).toBeNull();
  });

  it('rounds half away from zero at the second decimal', () => {
    expect(toPercent(0.123450000001)).toBe(12.35);
    expect(toPercent(0.1 + 0.2)).toBe(30);
    expect(toPercent(-0.00005)).toBe(-0.01);
  });
});

const project = fc.record({
  planYuan: fc.option(fc.integer({ min: 0, max: 10_000_000_000 }), { nil: null }),
  ytdYuan: fc.integer({ min: 0, max: 20_000_000_000 }),
});

describe('group figures: sum over sum', () => {
  it('divides the sum of YTD by the sum of plan, over projects that have a plan', () => {
    fc.assert(
      fc.property(fc.array(project, { maxLength: 40 }), (items) => {
        const g = groupFigures(items);
        const planned = items.filter((i) => i.planYuan && i.planYuan > 0);
        const plan = planned.reduce((s, i) => s + i.planYuan!, 0);
        const ytd = planned.reduce((s, i) => s + i.ytdYuan, 0);
        expect(g.projects).toBe(items.length);
        expect(g.plannedProjects).toBe(planned.length);
        expect(g.completionRate).toBe(plan > 0 ? ytd / plan : null);
        expect(g.ytdAllYuan).toBe(items.reduce((s, i) => s + i.ytdYuan, 0));
      }),
    );
  });

  it('lies between the lowest and highest project rate (never a plain mean)', () => {
    fc.assert(
      fc.property(fc.array(project, { minLength: 1, maxLength: 30 }), (items) => {
        const rates = items.map((i) => completionRate(i.ytdYuan, i.planYuan)).filter((r): r is number => r !== null);
        const g = groupFigures(items);
        if (rates.length === 0) return g.completionRate === null;
        return g.completionRate! >= Math.min(...rates) - 1e-12 && g.completionRate! <= Math.max(...rates) + 1e-12;
      }),
    );
  });

  it('differs from the mean of rates when plans differ in size', () => {
    const g = groupFigures([
      { planYuan: 100, ytdYuan: 100 },
      { planYuan: 900, ytdYuan: 0 },
    ]);
    expect(g.completionRate).toBe(0.1);
  });
});

describe('开工率 / 投产率 and 双过半', () => {
  it('counts only what was due by the date', () => {
    const items = [
      { plannedDate: '2026-03-01', actualDate: '2026-02-20' },
      { plannedDate: '2026-04-01', actualDate: null },
      { plannedDate: '2026-05-01', actualDate: '2026-06-10' },
      { plannedDate: '2026-09-01', actualDate: null },
      { plannedDate: null, actualDate: '2026-01-01' },
    ];
    expect(milestoneRate(items, '2026-05-31')).toBeCloseTo(1 / 3, 12);
    expect(milestoneRate(items, '2026-06-30')).toBeCloseTo(2 / 3, 12);
    expect(milestoneRate(items, '2026-01-31')).toBeNull();
  });

  it('needs both halves', () => {
    expect(doubleHalf(0.52, 0.5).achieved).toBe(true);
    expect(doubleHalf(0.48, 0.5).achieved).toBe(false);
    expect(doubleHalf(0.6, 0.45).achieved).toBe(false);
  });
});

describe('ranks with ties', () => {
  it('ranks by rate, then YTD, sharing a rank only on a full tie', () => {
    const ranked = rankByCompletion([
      { id: 'a', completionRate: 0.5, ytdYuan: 10 },
      { id: 'b', completionRate: 0.8, ytdYuan: 5 },
      { id: 'c', completionRate: 0.5, ytdYuan: 20 },
      { id: 'd', completionRate: 0.5, ytdYuan: 10 },
      { id: 'e', completionRate: null, ytdYuan: 99 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
      ['d', 3],
      ['e', null],
    ]);
  });

  it('gives each item 1 + the number of items strictly ahead of it', () => {
    const item = fc.record({ completionRate: fc.option(fc.integer({ min: 0, max: 5 }).map((n) => n / 4), { nil: null }), ytdYuan: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), (items) => {
        for (const r of rankByCompletion(items)) {
          if (r.completionRate === null) {
            expect(r.rank).toBeNull();
            continue;
          }
          const ahead = items.filter(
            (o) => o.completionRate !== null && (o.completionRate > r.completionRate! || (o.completionRate === r.completionRate && o.ytdYuan > r.ytdYuan)),
          ).length;
          expect(r.rank).toBe(ahead + 1);
        }
      }),
    );
  });
});

describe('suggested grades 周晒榜', () => {
  const base = { reportMissing: false, maxOverdueDays: 0 };
  it('applies the default thresholds', () => {
    expect(suggestGrade({ ...base, gapPoints: 10 }).grade).toBe('excellent');
    expect(suggestGrade({ ...base, gapPoints: 9.99 }).grade).toBe('good');
    expect(suggestGrade({ ...base, gapPoints: 0 }).grade).toBe('good');
    expect(suggestGrade({ ...base, gapPoints: -10 }).grade).toBe('fair');
    expect(suggestGrade({ ...base, gapPoints: -10.01 }).grade).toBe('poor');
    expect(suggestGrade({ ...base, gapPoints: 25, reportMissing: true })).toEqual({ grade: 'poor', reason: '本期未填报' });
    expect(suggestGrade({ ...base, gapPoints: 25, maxOverdueDays: 31 }).grade).toBe('poor');
    expect(suggestGrade({ ...base, gapPoints: 25, maxOverdueDays: 5 }).grade).toBe('good');
    expect(suggestGrade({ ...base, gapPoints: 12 }).reason).toBe('快于时序进度 12.00 个百分点');
  });

  it('follows configured rules', () => {
    const rules = { ...DEFAULT_GRADING_RULES, excellentMinGap: 5, missingReportIsPoor: false };
    expect(suggestGrade({ ...base, gapPoints: 6 }, rules).grade).toBe('excellent');
    expect(suggestGrade({ ...base, gapPoints: 6, reportMissing: true }, rules).grade).toBe('excellent');
  });

  it('never gives a worse grade for a better gap', () => {
    const order = (g: string | null) => (g === null ? -1 : GRADES.indexOf(g as never));
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), fc.integer({ min: 0, max: 60 }), (a, b, overdue) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const gLo = suggestGrade({ gapPoints: lo, reportMissing: false, maxOverdueDays: overdue }).grade;
        const gHi = suggestGrade({ gapPoints: hi, reportMissing: false, maxOverdueDays: overdue }).grade;
        return order(gHi) <= order(gLo);
      }),
    );
  });
});
