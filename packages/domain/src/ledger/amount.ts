/**
 * Amounts in ledgers: typed in 元, 万元 or 亿元 (named in a unit row "单位：万元" or in the
 * header "总投资（亿元）"), as numbers or as text with thousands separators, full-width digits
 * and trailing spaces. All of it becomes integer 元 by decimal-string arithmetic, never floats.
 */
import { MAX_YUAN } from '../money.ts';
import { cleanText, isBlankText, type LedgerCell } from './text.ts';

export const AMOUNT_UNITS = ['yuan', 'wan', 'yi'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

export const UNIT_LABELS: Record<AmountUnit, string> = { yuan: '元', wan: '万元', yi: '亿元' };
/** Decimal places between the unit and 元. */
const UNIT_DIGITS: Record<AmountUnit, number> = { yuan: 0, wan: 4, yi: 8 };

const UNIT_WORD: Record<string, AmountUnit> = { 亿元: 'yi', 亿: 'yi', 万元: 'wan', 万: 'wan', 元: 'yuan' };

/** The unit a sheet's note row names: "单位：万元", "金额单位:亿元", "（单位：元）". */
export function unitNote(text: string): AmountUnit | null {
  // "填报单位：元丰公司" names a unit of people, not of money: the unit word must end there.
  const m = /单位\s*[:：]?\s*(亿元|万元|元)(?![\u4e00-\u9fa5])/.exec(cleanText(text));
  return m ? UNIT_WORD[m[1]!]! : null;
}

/** The unit a column header names: "总投资（亿元）", "年度计划(万元)", "完成投资 单位:元". */
export function headerUnit(text: string): AmountUnit | null {
  const t = cleanText(text).replace(/\s/g, '');
  const m = /[(（[【](?:单位[:：]?)?(亿元|万元|元)[)）\]】]/.exec(t) ?? /单位[:：]?(亿元|万元|元)/.exec(t) ?? /(亿元|万元)$/.exec(t);
  return m ? UNIT_WORD[m[1]!]! : null;
}

export type AmountResult = { ok: true; yuan: number | null } | { ok: false; reason: string };

const NUMBER = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/**
 * A cell's amount in integer 元, rounding half up below 1 元; null when blank or a dash.
 * Text may carry its own unit ("1.5亿"), which then wins over the column's.
 */
export function parseAmount(cell: LedgerCell, unit: AmountUnit): AmountResult {
  switch (cell.kind) {
    case 'empty':
      return { ok: true, yuan: null };
    case 'bool':
      return { ok: false, reason: '应为金额（数字），不是是/否值' };
    case 'error':
      return { ok: false, reason: `单元格是错误值 ${cell.text}，请改为数字` };
    case 'number':
      return scaled(cell.text, unit);
    case 'text':
      return parseAmountText(cell.text, unit);
  }
}

export function parseAmountText(raw: string, unit: AmountUnit): AmountResult {
  if (isBlankText(raw)) return { ok: true, yuan: null };
  let t = cleanText(raw).replace(/^[¥￥]/, '');
  let own: AmountUnit = unit;
  const suffix = /(亿元|万元|亿|万|元)$/.exec(t);
  if (suffix) {
    own = UNIT_WORD[suffix[1]!]!;
    t = t.slice(0, -suffix[1]!.length);
  }
  // Thousands separators and stray spaces: "1,234.50", "1 234", "12'345".
  t = t.replace(/[,，'\s]/g, '');
  return scaled(t, own, raw);
}

function scaled(text: string, unit: AmountUnit, raw = text): AmountResult {
  const m = NUMBER.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, reason: `"${cleanText(raw)}" 不是数字` };
  const [, sign, whole = '', frac = '', exp = '0'] = m;
  const yuan = shiftDecimal(whole, frac, Number(exp) + UNIT_DIGITS[unit]);
  if (yuan === 0n) return { ok: true, yuan: 0 };
  if (sign === '-') return { ok: false, reason: '金额不能为负数' };
  if (yuan > BigInt(MAX_YUAN)) return { ok: false, reason: '金额超出合理范围（不超过 10 万亿元），请检查单位' };
  return { ok: true, yuan: Number(yuan) };
}

/** whole.frac × 10^shift, rounded half up to an integer. */
function shiftDecimal(whole: string, frac: string, shift: number): bigint {
  const digits = cleanNoise(whole, frac);
  const point = digits.whole.length + shift;
  const all = digits.whole + digits.frac;
  if (point <= 0) return point === 0 && all[0]! >= '5' ? 1n : 0n;
  if (point >= all.length) return BigInt(all + '0'.repeat(point - all.length));
  const up = all[point]! >= '5' ? 1n : 0n;
  return BigInt(all.slice(0, point)) + up;
}

/**
 * A stored number such as 0.30000000000000004 is a sum Excel made, not what anyone typed:
 * beyond 15 significant digits a double carries only noise, so those digits are dropped.
 */
function cleanNoise(whole: string, frac: string): { whole: string; frac: string } {
  const w = whole.replace(/^0+/, '') || '0';
  const significant = (w === '0' ? frac.replace(/^0+/, '') : w + frac).length;
  if (significant <= 15) return { whole: w, frac };
  const n = Number(`${w}.${frac || '0'}`).toPrecision(15);
  if (/e/i.test(n)) return { whole: w, frac };
  const [a = '0', b = ''] = n.split('.');
  return { whole: a, frac: b };
}
