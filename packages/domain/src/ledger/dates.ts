/**
 * Dates as ledgers spell them: "2022年3月", "2022年3月10日", "2022.03", "2022.3.10",
 * "2022-03-10", "2022/3/10", "20220310", or an Excel date (a day count since 1900).
 */
import { cleanText, isBlankText, type LedgerCell } from './text.ts';

export type DateResult = { ok: true; date: string | null } | { ok: false; reason: string };

export interface DateOptions {
  /** A month without a day means its last day (for finish dates) instead of its first. */
  monthEnd?: boolean;
  /** The workbook counts days from 1904 (old Mac Excel). */
  date1904?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 'YYYY-MM-DD' for a real calendar date, else null. */
export function calendarDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The calendar date of an Excel serial day number (the 1900 system counts a 29 Feb 1900 that never was). */
export function excelSerialDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  if (!date1904 && days < 61) return null; // before March 1900: the leap-year bug makes it ambiguous
  const d = new Date(epoch + days * 86_400_000);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const SPELLINGS: RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]?)?(?:\s*前)?$/,
  /^(\d{4})\s*[.\-/]\s*(\d{1,2})(?:\s*[.\-/]\s*(\d{1,2}))?\s*[.日]?$/,
  /^(\d{4})(\d{2})(\d{2})?$/,
];

/** Reads a date spelled in text; the reason says what was expected. */
export function parseDateText(raw: string, opts: DateOptions = {}): DateResult {
  if (isBlankText(raw)) return { ok: true, date: null };
  const t = cleanText(raw).replace(/[T\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '');
  for (const re of SPELLINGS) {
    const m = re.exec(t);
    if (!m) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = m[3] ? Number(m[3]) : opts.monthEnd ? (mo >= 1 && mo <= 12 ? daysIn(y, mo) : 0) : 1;
    const date = calendarDate(y, mo, d);
    if (date) return { ok: true, date };
    return { ok: false, reason: `"${cleanText(raw)}" 不是有效的日期` };
  }
  return { ok: false, reason: `"${cleanText(raw)}" 不是可识别的日期，可写作 2022-03-10、2022年3月 或 2022.03` };
}

/** A cell's date: Excel dates (numbers, whether or not formatted as dates) and text spellings. */
export function parseDateCell(cell: LedgerCell, opts: DateOptions = {}): DateResult {
  switch (cell.kind) {
    case 'empty':
      return { ok: true, date: null };
    case 'text':
      return parseDateText(cell.text, opts);
    case 'number': {
      // 20220310 typed as a number is a date spelling, not a day count.
      if (/^\d{6}(\d{2})?$/.test(cell.text) && Number(cell.text) > 190_000) return parseDateText(cell.text, opts);
      // 2022.03 typed into a cell is stored as the number 2022.03: a year and a month.
      const ym = /^(19\d\d|20\d\d|2100)(?:\.(\d{1,2}))?$/.exec(cell.text);
      if (ym) {
        if (!ym[2]) return { ok: false, reason: `${cell.text} 只有年份，请写明月份，例如 ${cell.text}-03` };
        if (ym[2] === '1') return { ok: false, reason: `${cell.text} 分不清是 1 月还是 10 月（Excel 把 ${cell.text}0 存成了 ${cell.text}），请写作 ${ym[1]}-01 或 ${ym[1]}-10` };
        return parseDateText(`${ym[1]}.${ym[2]}`, opts);
      }
      const date = excelSerialDate(Number(cell.text), opts.date1904);
      return date ? { ok: true, date } : { ok: false, reason: `${cell.text} 不是日期` };
    }
    case 'bool':
      return { ok: false, reason: '应为日期，不是是/否值' };
    case 'error':
      return { ok: false, reason: `单元格是错误值 ${cell.text}，请改为日期` };
  }
}
