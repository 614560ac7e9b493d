/**
 * Reporting periods (填报周期) and their deadlines. A weekly period runs Monday–Sunday and
 * is named by its Monday; a monthly period is a calendar month named by its first day.
 * Dates are 'YYYY-MM-DD' strings in the campaign's local calendar (China has one time zone).
 */
export const PERIOD_KINDS = ['week', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  start: string;
  end: string;
}

const toDate = (s: string) => new Date(`${s}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (s: string, n: number) => fmt(new Date(toDate(s).getTime() + n * 86_400_000));

/** The period of a kind that contains a date. */
export function periodOf(kind: PeriodKind, date: string): Period {
  const d = toDate(date);
  if (kind === 'week') {
    const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
    const start = addDays(date, -weekday);
    return { kind, start, end: addDays(start, 6) };
  }
  const start = `${date.slice(0, 7)}-01`;
  const end = fmt(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
  return { kind, start, end };
}

export function previousPeriod(p: Period): Period {
  return periodOf(p.kind, addDays(p.start, -1));
}

export function nextPeriod(p: Period): Period {
  return periodOf(p.kind, addDays(p.end, 1));
}

/** Every period of a kind from the one containing `from` to the one containing `to`. */
export function periodsBetween(kind: PeriodKind, from: string, to: string): Period[] {
  const list: Period[] = [];
  for (let p = periodOf(kind, from); p.start <= to; p = nextPeriod(p)) list.push(p);
  return list;
}

/** When reports for a period are due. Weekly: weekday (1 = Monday … 5 = Friday) at a time; monthly: day of month at a time. */
export interface DeadlineRule {
  weekday: number;
  monthDay: number;
  time: string;
}

export const DEFAULT_DEADLINES: DeadlineRule = { weekday: 5, monthDay: 25, time: '17:00' };

/** The deadline of a period as local 'YYYY-MM-DDTHH:mm' (Beijing time). */
export function deadlineOf(p: Period, rule: DeadlineRule = DEFAULT_DEADLINES): string {
  if (p.kind === 'week') return `${addDays(p.start, rule.weekday - 1)}T${rule.time}`;
  const lastDay = Number(p.end.slice(8));
  return `${p.start.slice(0, 8)}${String(Math.min(rule.monthDay, lastDay)).padStart(2, '0')}T${rule.time}`;
}

/** Beijing local time 'YYYY-MM-DDTHH:mm' of an instant. */
export function beijingLocal(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** 第N周 label for a weekly period: ISO-like week number of the year it starts in. */
export function periodLabel(p: Period): string {
  if (p.kind === 'month') return `${Number(p.start.slice(0, 4))}年${Number(p.start.slice(5, 7))}月`;
  const year = Number(p.start.slice(0, 4));
  const firstMonday = periodOf('week', `${year}-01-04`).start;
  const week = Math.floor((toDate(p.start).getTime() - toDate(firstMonday).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}年第${week}周（${Number(p.start.slice(5, 7))}.${Number(p.start.slice(8))}—${Number(p.end.slice(5, 7))}.${Number(p.end.slice(8))}）`;
}
