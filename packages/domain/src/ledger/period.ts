/**
 * The reporting period a ledger is "as of", read from what it says: a title
 * "截至2022年3月31日" or "2022年1-3月…", a header "1-3月完成投资", "一季度完成".
 */
import { cleanText } from './text.ts';

/** A month of a year; the year is missing when only a header like "1-3月完成" says it. */
export interface LedgerPeriod {
  year: number | null;
  month: number;
}

const QUARTER_END: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };
const HALF_END: Record<string, number> = { 上: 6, 下: 12 };

const okYear = (y: number) => y >= 2000 && y <= 2100;
const okMonth = (m: number) => m >= 1 && m <= 12;

/** The period a title or note names, or null. */
export function periodInTitle(text: string): LedgerPeriod | null {
  const t = cleanText(text).replace(/\s/g, '');
  const patterns: [RegExp, (m: RegExpExecArray) => LedgerPeriod | null][] = [
    // 截至2022年3月31日 / 截止2022年3月底 / 2022年1-3月 / 2022年1至3月 / 2022年3月
    [/(20\d\d)年(?:\d{1,2}月?[-—~～至到])?(\d{1,2})月/, (m) => ({ year: +m[1]!, month: +m[2]! })],
    // 2022年重点项目投资进度表（截至3月底）
    [/(20\d\d)年.*?(?:截[至止]|1[-—~～至到])(\d{1,2})月/, (m) => ({ year: +m[1]!, month: +m[2]! })],
    [/(?:截至|截止)(20\d\d)[-.](\d{1,2})(?:[-.]\d{1,2})?/, (m) => ({ year: +m[1]!, month: +m[2]! })],
    [/(20\d\d)年(?:第)?([一二三四1-4])季度/, (m) => ({ year: +m[1]!, month: QUARTER_END[m[2]!]! })],
    [/(20\d\d)年([上下])半年/, (m) => ({ year: +m[1]!, month: HALF_END[m[2]!]! })],
  ];
  for (const [re, read] of patterns) {
    const m = re.exec(t);
    const p = m ? read(m) : null;
    if (p && okMonth(p.month) && (p.year === null || okYear(p.year))) return p;
  }
  return null;
}

/**
 * The period a progress header counts up to: "1-3月完成投资" → month 3, "2022年1-6月完成" →
 * June 2022, "一季度完成" → month 3. A single month ("3月完成") is that month's own figure.
 */
export function periodInHeader(text: string): LedgerPeriod | null {
  const t = cleanText(text).replace(/\s/g, '');
  const year = /(20\d\d)年/.exec(t);
  const y = year ? +year[1]! : null;
  const range = /(?:^|[^\d])(?:1|一)月?[-—~～至到](\d{1,2})月/.exec(t) ?? /(?:截[至止])(\d{1,2})月/.exec(t) ?? /(?:^|年)(\d{1,2})月(?:份)?(?:底|末)?累计/.exec(t);
  if (range && okMonth(+range[1]!)) return { year: y, month: +range[1]! };
  const q = /(?:第)?([一二三四1-4])季度/.exec(t);
  if (q) return { year: y, month: QUARTER_END[q[1]!]! };
  const single = /(?:^|年)(\d{1,2})月(?:份)?(?:完成|实际)/.exec(t);
  if (single && okMonth(+single[1]!)) return { year: y, month: +single[1]! };
  return null;
}

/** A year named in text ("2022年计划投资", "2022年度"), or null. */
export function yearIn(text: string): number | null {
  const m = /(20\d\d)\s*年/.exec(cleanText(text));
  return m && okYear(+m[1]!) ? +m[1]! : null;
}

/** 'YYYY-MM' of a period with its year. */
export function periodKey(p: { year: number; month: number }): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** Parses '2022-03' or '2022.3' (as typed on the command line). */
export function parsePeriodKey(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})[-./年](\d{1,2})月?$/.exec(cleanText(text));
  if (!m || !okYear(+m[1]!) || !okMonth(+m[2]!)) return null;
  return { year: +m[1]!, month: +m[2]! };
}
