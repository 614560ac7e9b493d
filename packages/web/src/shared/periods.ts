/**
 * Reporting periods as the pages show and keep them: today in Beijing (the server's
 * calendar, whatever the device's time zone), names in the chosen language, and the
 * quarter that bulletins use beside the domain's week and month.
 */
import { addDays, beijingLocal, periodLabel, periodOf, type Locale, type Period, type PeriodKind } from '@pacer/domain/vocabulary';

export type PickerKind = PeriodKind | 'quarter';

export const todayInBeijing = (): string => beijingLocal(new Date()).slice(0, 10);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A 'YYYY-MM-DD' that names a real day; anything else from a shared link is dropped. */
export function isIsoDate(text: string | null | undefined): text is string {
  if (!text || !ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The quarter containing a date, as a period from its first to its last day. */
export function quarterOf(date: string): Period & { quarter: number } {
  const year = date.slice(0, 4);
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const end = periodOf('month', `${year}-${String(q * 3 + 3).padStart(2, '0')}-01`).end;
  return { kind: 'month', start, end, quarter: q + 1 };
}

/** First day of the period of a kind that contains a date. */
export function startOf(kind: PickerKind, date: string): string {
  return kind === 'quarter' ? quarterOf(date).start : periodOf(kind, date).start;
}

/** The same kind of period before (-1) or after (+1) the one containing a date. */
export function shiftPeriod(kind: PickerKind, date: string, step: -1 | 1): string {
  if (kind === 'week') return addDays(periodOf('week', date).start, 7 * step);
  const months = kind === 'quarter' ? 3 : 1;
  const start = startOf(kind, date);
  const index = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + months * step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

const md = (d: string) => `${Number(d.slice(5, 7))}/${Number(d.slice(8))}`;

/** 2026年第48周（11.23—11.29） / Week 48, 2026 (11/23–11/29); 2026年11月 / Nov 2026; 2026年第4季度 / Q4 2026. */
export function periodText(kind: PickerKind, date: string, locale: Locale): string {
  if (kind === 'quarter') {
    const q = quarterOf(date);
    return locale === 'en-US' ? `Q${q.quarter} ${date.slice(0, 4)}` : `${date.slice(0, 4)}年第${q.quarter}季度`;
  }
  const p = periodOf(kind, date);
  const zh = periodLabel(p);
  if (locale !== 'en-US') return zh;
  if (kind === 'month') return new Date(`${p.start}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const week = /第(\d+)周/.exec(zh)?.[1] ?? '';
  return `Week ${week}, ${p.start.slice(0, 4)} (${md(p.start)}–${md(p.end)})`;
}

/** 'YYYY-MM-DDTHH:mm' (Beijing) as '11月27日 17:00' / 'Nov 27 17:00'. */
export function deadlineText(deadline: string, locale: Locale): string {
  const [date = '', time = ''] = deadline.split('T');
  if (locale === 'en-US') return `${new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })} ${time}`;
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${time}`;
}
