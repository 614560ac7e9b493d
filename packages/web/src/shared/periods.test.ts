import { describe, expect, test } from 'vitest';
import { deadlineText, isIsoDate, periodText, quarterOf, shiftPeriod, startOf } from './periods.ts';

describe('periods as pages show them', () => {
  test('only real days pass as dates from a link', () => {
    expect(isIsoDate('2026-11-23')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-1-3')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  test('quarters run over three calendar months', () => {
    expect(quarterOf('2026-08-15')).toMatchObject({ start: '2026-07-01', end: '2026-09-30', quarter: 3 });
    expect(startOf('quarter', '2026-12-31')).toBe('2026-10-01');
  });

  test('stepping moves a whole period, across year ends', () => {
    expect(shiftPeriod('week', '2026-11-25', -1)).toBe('2026-11-16');
    expect(shiftPeriod('month', '2026-12-10', 1)).toBe('2027-01-01');
    expect(shiftPeriod('quarter', '2026-02-01', -1)).toBe('2025-10-01');
  });

  test('names in Chinese follow the domain, in English their own words', () => {
    expect(periodText('week', '2026-11-25', 'zh-CN')).toBe('2026年第48周（11.23—11.29）');
    expect(periodText('week', '2026-11-25', 'en-US')).toBe('Week 48, 2026 (11/23–11/29)');
    expect(periodText('month', '2026-11-25', 'en-US')).toBe('Nov 2026');
    expect(periodText('quarter', '2026-11-25', 'zh-CN')).toBe('2026年第4季度');
    expect(deadlineText('2026-11-27T17:00', 'zh-CN')).toBe('11月27日 17:00');
  });
});
