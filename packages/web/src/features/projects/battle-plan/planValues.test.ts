import { describe, expect, test } from 'vitest';
import { checkPlan, monthlyIncrements, sameValues, toValues, toYuan } from './planValues.ts';

const months = (wan: number[]) => ({ months: wan.map((w, i) => ({ month: i + 1, cumulativeYuan: Math.round(w * 10_000), curveYuan: (i + 1) * 1_000_000, milestones: [] })) });
const STEADY = Array.from({ length: 12 }, (_, i) => (i + 1) * 100);

describe('作战图 form values', () => {
  test('round-trips 万元 text and 元 exactly, decimals included', () => {
    const values = toValues(months(STEADY.map((w) => w + 0.1234)));
    expect(values[0]).toBe('100.1234');
    expect(toYuan(values)[0]).toBe(1_001_234);
    expect(toValues(months(STEADY), 'curveYuan')[2]).toBe('300');
  });

  test('names the month the server would refuse, and warns about December without refusing', () => {
    const values = STEADY.map(String);
    values[3] = '250';
    const bad = checkPlan(values, 12_000_000, 2026);
    expect(bad.byMonth.get(4)).toContain('4 月末累计计划投资（250 万元）不能少于 3 月末（300 万元）');
    expect(bad.warnings).toEqual([]);
    values[3] = '';
    expect(checkPlan(values, 12_000_000, 2026).byMonth.get(4)).toBe('4 月末累计计划投资请填写金额（数字）');
    const short = checkPlan(STEADY.map(String), 11_000_000, 2026);
    expect(short.messages).toEqual([]);
    expect(short.warnings[0]).toContain('多 100 万元');
  });

  test('shows what each month adds, and compares plans by amount', () => {
    expect(monthlyIncrements([100, 250, 250, NaN, 400])).toEqual([100, 150, 0, null, null]);
    expect(sameValues(['1', '2.50'], ['1.0', '2.5'])).toBe(true);
    expect(sameValues(['1', '2'], ['1', '3'])).toBe(false);
  });
});
