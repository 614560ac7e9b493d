import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, beijingLocal, deadlineOf, nextPeriod, periodLabel, periodOf, periodsBetween, previousPeriod } from './periods.ts';

describe('reporting periods', () => {
  it('runs a week Monday to Sunday and a month by the calendar', () => {
    expect(periodOf('week', '2026-11-23')).toEqual({ kind: 'week', start: '2026-11-23', end: '2026-11-29' });
    expect(periodOf('week', '2026-11-29')).toEqual({ kind: 'week', start: '2026-11-23', end: '2026-11-29' });
    expect(periodOf('month', '2024-02-10')).toEqual({ kind: 'month', start: '2024-02-01', end: '2024-02-29' });
  });

  it('tiles time without gaps or overlaps', () => {
    fc.assert(
      fc.property(fc.constantFrom('week' as const, 'month' as const), fc.integer({ min: 0, max: 20_000 }), (kind, n) => {
        const p = periodOf(kind, addDays('2000-01-01', n));
        const next = nextPeriod(p);
        expect(next.start).toBe(addDays(p.end, 1));
        expect(previousPeriod(next)).toEqual(p);
      }),
    );
  });

  it('lists the periods of a span', () => {
    expect(periodsBetween('month', '2026-01-15', '2026-03-01').map((p) => p.start)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(periodsBetween('week', '2026-11-02', '2026-11-23')).toHaveLength(4);
  });

  it('puts deadlines on Friday 17:00 and the 25th by default', () => {
    expect(deadlineOf(periodOf('week', '2026-11-23'))).toBe('2026-11-27T17:00');
    expect(deadlineOf(periodOf('month', '2026-02-03'))).toBe('2026-02-25T17:00');
    expect(deadlineOf(periodOf('month', '2026-02-03'), { weekday: 5, monthDay: 31, time: '12:00' })).toBe('2026-02-28T12:00');
  });

  it('reads instants in Beijing time', () => {
    expect(beijingLocal(new Date('2026-11-27T09:30:00Z'))).toBe('2026-11-27T17:30');
  });

  it('names periods as offices do', () => {
    expect(periodLabel(periodOf('month', '2026-03-31'))).toBe('2026年3月');
    expect(periodLabel(periodOf('week', '2026-01-07'))).toBe('2026年第2周（1.5—1.11）');
  });
});
