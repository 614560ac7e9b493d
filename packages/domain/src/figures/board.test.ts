import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBoard, gradeDistribution, maxOverdueDays } from './board.ts';
import { completionRate, gapPoints } from './completion.ts';
import { suggestGrade } from './grades.ts';
import { currentColour, threeColourRecord, type MonthPosition } from './threeColour.ts';

const item = (id: string, plan: number | null, ytd: number, extra: Partial<{ category: string; reportMissing: boolean; maxOverdueDays: number }> = {}) => ({
  projectId: id,
  planYuan: plan,
  ytdYuan: ytd,
  category: 'industry',
  reportMissing: false,
  maxOverdueDays: 0,
  ...extra,
});

describe('weekly board', () => {
  it('grades, ranks overall and among peers, and shows movement', () => {
    const lines = buildBoard(
      [item('a', 100, 70), item('b', 100, 55), item('c', 100, 40, { category: 'livelihood' }), item('d', 100, 90, { reportMissing: true }), item('e', null, 5)],
      0.5,
      undefined,
      new Map([
        ['a', 3],
        ['b', 1],
      ]),
    );
    const by = Object.fromEntries(lines.map((l) => [l.item.projectId, l]));
    expect(by.a).toMatchObject({ completionRate: 70, gapPoints: 20, suggestedGrade: 'excellent', rank: 2, peerRank: 2, movement: 1 });
    expect(by.b).toMatchObject({ suggestedGrade: 'good', rank: 3, movement: -2 });
    expect(by.c).toMatchObject({ suggestedGrade: 'fair', rank: 4, peerRank: 1 });
    expect(by.d).toMatchObject({ suggestedGrade: 'poor', suggestedReason: '本期未填报', rank: 1 });
    expect(by.e).toMatchObject({ suggestedGrade: null, rank: null, completionRate: null });
  });

  it('ranks overall and among peers by the definition, with movements and suggested grades', () => {
    // Few rates, amounts and categories, so full ties, YTD tie-breaks and unrated projects abound.
    const project = fc.record({
      plan: fc.option(fc.constantFrom(100, 200, 400), { nil: null }),
      ytd: fc.integer({ min: 0, max: 4 }).map((n) => n * 50),
      category: fc.constantFrom('industry', 'livelihood', 'infrastructure'),
      reportMissing: fc.boolean(),
      overdue: fc.constantFrom(0, 5, 40),
      last: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(project, { maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (list, progress) => {
        const items = list.map((p, i) => item(`p${i}`, p.plan, p.ytd, { category: p.category, reportMissing: p.reportMissing, maxOverdueDays: p.overdue }));
        const lastRanks = new Map<string, number>(list.flatMap((p, i) => (p.last === null ? [] : [[`p${i}`, p.last] as const])));
        const rated = items.map((it) => ({ it, completionRate: completionRate(it.ytdYuan, it.planYuan), ytdYuan: it.ytdYuan }));
        // Competition ranking by its definition: 1 + the projects strictly ahead.
        const rankIn = (among: typeof rated, id: string) => {
          const me = rated.find((r) => r.it.projectId === id)!;
          if (me.completionRate === null) return null;
          return 1 + among.filter((o) => o.completionRate !== null && (o.completionRate > me.completionRate! || (o.completionRate === me.completionRate && o.ytdYuan > me.ytdYuan))).length;
        };
        buildBoard(items, progress, undefined, lastRanks).forEach((line, i) => {
          const id = items[i]!.projectId;
          expect(line.item).toBe(items[i]);
          const rank = rankIn(rated, id);
          expect(line.rank).toBe(rank);
          expect(line.peerRank).toBe(
            rankIn(
              rated.filter((r) => r.it.category === items[i]!.category),
              id,
            ),
          );
          expect(line.movement).toBe(rank !== null && lastRanks.has(id) ? lastRanks.get(id)! - rank : null);
          const suggestion = suggestGrade({ gapPoints: gapPoints(rated[i]!.completionRate, progress), reportMissing: items[i]!.reportMissing, maxOverdueDays: items[i]!.maxOverdueDays });
          expect([line.suggestedGrade, line.suggestedReason]).toEqual([suggestion.grade, suggestion.reason]);
        });
      }),
    );
  });

  it('counts grades in the fixed order', () => {
    expect(gradeDistribution(['good', 'poor', 'good', null])).toEqual({ excellent: 0, good: 2, fair: 0, poor: 1, none: 1 });
  });

  it('measures the most overdue milestone', () => {
    const ms = [
      { plannedDate: '2026-03-01', actualDate: '2026-03-05' },
      { plannedDate: '2026-04-01', actualDate: null },
      { plannedDate: '2026-05-01', actualDate: '2026-06-20' },
      { plannedDate: '2026-12-01', actualDate: null },
    ];
    expect(maxOverdueDays(ms, '2026-05-31')).toBe(60);
    expect(maxOverdueDays([], '2026-05-31')).toBe(0);
  });
});

const m = (month: string, planned: number, actual: number | null, missed = 0): MonthPosition => ({ month, plannedYuan: planned, actualYuan: actual, missedMilestones: missed });

describe('三色预警', () => {
  it('turns a red month yellow once the project catches up, and keeps it yellow', () => {
    const record = threeColourRecord([m('2026-01', 10, 12), m('2026-02', 20, 15), m('2026-03', 30, 25), m('2026-04', 40, 41), m('2026-05', 50, 45), m('2026-06', 60, null)]);
    expect(record.map((r) => r.colour)).toEqual(['green', 'yellow', 'yellow', 'green', 'red']);
    expect(currentColour([m('2026-01', 10, 12), m('2026-02', 20, 15)])).toBe('red');
  });

  it("carries yellow on the project once it caught up after falling behind, green if never behind", () => {
    expect(currentColour([m('2026-01', 10, 12), m('2026-02', 20, 15), m('2026-03', 30, 31)])).toBe('yellow');
    expect(currentColour([m('2026-01', 10, 12), m('2026-02', 20, 25)])).toBe('green');
    expect(currentColour([m('2026-01', 10, 5), m('2026-02', 20, 25), m('2026-03', 30, 20)])).toBe('red');
    expect(currentColour([])).toBeNull();
  });

  it('gives the project red exactly when its latest month is behind', () => {
    const month = fc.record({ planned: fc.integer({ min: 0, max: 100 }), actual: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(fc.array(month, { minLength: 1, maxLength: 12 }), (list) => {
        const positions = list.map((x, i) => m(`2026-${String(i + 1).padStart(2, '0')}`, x.planned, x.actual));
        const last = positions.at(-1)!;
        expect(currentColour(positions) === 'red').toBe(last.actualYuan! < last.plannedYuan);
        const everBehind = positions.some((p) => p.actualYuan! < p.plannedYuan);
        expect(currentColour(positions) === 'green').toBe(!everBehind);
      }),
    );
  });

  it('is red while a due milestone is missed, even with the money on track', () => {
    expect(threeColourRecord([m('2026-01', 10, 50, 1)])[0]!.colour).toBe('red');
  });

  it('never shows yellow for the latest month and never green when behind', () => {
    const month = fc.record({ planned: fc.integer({ min: 0, max: 100 }), actual: fc.integer({ min: 0, max: 100 }), missed: fc.integer({ min: 0, max: 1 }) });
    fc.assert(
      fc.property(fc.array(month, { minLength: 1, maxLength: 12 }), (list) => {
        const positions = list.map((x, i) => m(`2026-${String(i + 1).padStart(2, '0')}`, x.planned, x.actual, x.missed));
        const record = threeColourRecord(positions);
        expect(record.at(-1)!.colour).not.toBe('yellow');
        record.forEach((r, i) => {
          const behind = positions[i]!.actualYuan! < positions[i]!.plannedYuan || positions[i]!.missedMilestones > 0;
          expect(r.colour === 'green').toBe(!behind);
        });
      }),
    );
  });
});
