import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarProblem, isWorkingDay, workingDaysBetween } from './calendar.ts';

describe('working-day calendar', () => {
  it('knows holidays and adjusted working days', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false); // 国庆
    expect(isWorkingDay('2026-10-10')).toBe(true); // 调休上班 (Saturday)
    expect(isWorkingDay('2026-11-21')).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2026-11-23')).toBe(true);
  });

  it('counts deadlines in working days across the National Day week', () => {
    // Assigned Tuesday 29 Sep 2026 with 5 working days: 30 Sep, then 8, 9, 10 (Sat, worked), 12 Oct.
    expect(addWorkingDays('2026-09-29', 5)).toBe('2026-10-12');
    expect(workingDaysBetween('2026-09-29', '2026-10-12')).toBe(5);
  });

  it('moves a start on a day off to the next working day', () => {
    expect(addWorkingDays('2026-02-15', 0)).toBe('2026-02-24');
  });

  it('is consistent: n working days later is n working days between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 30 }), (offset, n) => {
        const start = new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
        const end = addWorkingDays(start, n);
        expect(isWorkingDay(end)).toBe(true);
        const base = addWorkingDays(start, 0);
        expect(workingDaysBetween(base, end)).toBe(n);
      }),
    );
  });

  it('checks a configured year', () => {
    expect(calendarProblem(2027, { holidays: ['2027-01-01'], workdays: [] })).toBeNull();
    expect(calendarProblem(2027, { holidays: ['2026-01-01'], workdays: [] })).toMatch(/不是 2027 年/);
    expect(calendarProblem(2027, { holidays: ['2027-02-06'], workdays: ['2027-02-06'] })).toMatch(/既是放假日又是调休上班日/);
  });
});
