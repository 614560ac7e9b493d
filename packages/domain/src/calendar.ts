/**
 * Working days (工作日) for deadlines: weekends off, public holidays off, and the adjusted
 * working days (调休) on which a weekend day is worked. Each year's arrangement is published
 * by the State Council and configured per year; the defaults below follow those notices and
 * an office can replace them in its settings.
 */
export interface YearCalendar {
  /** Days off that would otherwise be working days (法定节假日及调休放假). */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
}

export type HolidayCalendar = Record<number, YearCalendar>;

const span = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDay(d)) out.push(d);
  return out;
};

function addDay(d: string, n = 1): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** 国务院办公厅 holiday notices for 2025 and 2026. */
export const CHINA_HOLIDAYS: HolidayCalendar = {
  2025: {
    holidays: [
      '2025-01-01',
      ...span('2025-01-28', '2025-02-04'),
      ...span('2025-04-04', '2025-04-06'),
      ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'),
      ...span('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ...span('2026-01-01', '2026-01-03'),
      ...span('2026-02-15', '2026-02-23'),
      ...span('2026-04-04', '2026-04-06'),
      ...span('2026-05-01', '2026-05-05'),
      ...span('2026-06-19', '2026-06-21'),
      ...span('2026-09-25', '2026-09-27'),
      ...span('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

export function isWorkingDay(date: string, calendar: HolidayCalendar = CHINA_HOLIDAYS): boolean {
  const year = calendar[Number(date.slice(0, 4))];
  if (year?.workdays.includes(date)) return true;
  if (year?.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date `n` working days after `date` (n ≥ 0; 0 = the same day if it is a working day, else the next). */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar = CHINA_HOLIDAYS): string {
  let d = date;
  while (!isWorkingDay(d, calendar)) d = addDay(d);
  for (let left = n; left > 0; ) {
    d = addDay(d);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar = CHINA_HOLIDAYS): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let d = addDay(from); d <= to; d = addDay(d)) if (isWorkingDay(d, calendar)) count++;
  return count;
}

/** Problems found in a configured year, in Chinese, or null. */
export function calendarProblem(year: number, c: YearCalendar): string | null {
  const all = [...c.holidays, ...c.workdays];
  const bad = all.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number(d.slice(0, 4)) !== year);
  if (bad) return `日期 ${bad} 不是 ${year} 年的有效日期`;
  const both = c.holidays.find((d) => c.workdays.includes(d));
  if (both) return `${both} 不能既是放假日又是调休上班日`;
  return null;
}
