import { describe, expect, it } from 'vitest';
import { parsePeriodKey, periodInHeader, periodInTitle, yearIn } from './period.ts';

describe('the period a ledger says it is as of', () => {
  it('reads titles', () => {
    const cases: [string, { year: number; month: number } | null][] = [
      ['截至2022年3月31日全市重点项目投资完成情况', { year: 2022, month: 3 }],
      ['2022年1-3月重点建设项目进度表', { year: 2022, month: 3 }],
      ['2022年1至12月', { year: 2022, month: 12 }],
      ['2022年12月份重点项目调度表', { year: 2022, month: 12 }],
      ['湘潭市2022年重点建设项目1-6月投资完成情况表', { year: 2022, month: 6 }],
      ['2022年重点项目投资进度表（截至9月底）', { year: 2022, month: 9 }],
      ['2023年第一季度重点项目', { year: 2023, month: 3 }],
      ['2023年上半年', { year: 2023, month: 6 }],
      ['截止2022.3.31', { year: 2022, month: 3 }],
      ['2022年市重点项目名单', null],
    ];
    for (const [title, expected] of cases) expect(periodInTitle(title), title).toEqual(expected);
  });

  it('reads progress headers', () => {
    expect(periodInHeader('1-3月完成投资')).toEqual({ year: null, month: 3 });
    expect(periodInHeader('2022年1－6月\n累计完成')).toEqual({ year: 2022, month: 6 });
    expect(periodInHeader('截至9月底累计完成')).toEqual({ year: null, month: 9 });
    expect(periodInHeader('一季度完成')).toEqual({ year: null, month: 3 });
    expect(periodInHeader('3月完成')).toEqual({ year: null, month: 3 });
    expect(periodInHeader('总投资')).toBeNull();
  });

  it('reads years and command-line periods', () => {
    expect(yearIn('2022年计划投资')).toBe(2022);
    expect(yearIn('年度计划')).toBeNull();
    expect(parsePeriodKey('2022-03')).toEqual({ year: 2022, month: 3 });
    expect(parsePeriodKey('2022.3')).toEqual({ year: 2022, month: 3 });
    expect(parsePeriodKey('2022-13')).toBeNull();
  });
});
