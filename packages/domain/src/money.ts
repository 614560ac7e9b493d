/**
 * Money is held as integer 元 (yuan) everywhere below the UI, so sums are exact.
 * Offices type and read 万元 (10,000 元) and sum in 亿元 (100,000,000 元); these helpers
 * convert between them without ever passing through a binary float.
 */

export const YUAN_PER_WAN = 10_000;
export const YUAN_PER_YI = 100_000_000;

/** Largest amount we accept: 10 万亿元, far above any project, well inside 2^53. */
export const MAX_YUAN = 10_000_000_000_000;

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal 万元 string ("1234.5", "0.0001") into exact integer 元.
 * Returns null when the text is not a plain decimal or has more than 4 decimals
 * (finer than 1 元 cannot be represented and would be silently altered).
 */
export function wanToYuan(text: string | number): number | null {
  const s = typeof text === 'number' ? numberToPlainString(text) : text.trim();
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const [, sign, whole = '0', frac = ''] = m;
  if (frac.replace(/0+$/, '').length > 4) return null;
  const yuan = Number(whole) * YUAN_PER_WAN + Number(frac.padEnd(4, '0').slice(0, 4));
  if (!Number.isSafeInteger(yuan)) return null;
  return sign === '-' ? -yuan : yuan;
}

/** Exact 万元 decimal text for integer 元, without trailing zeros ("1234.5"). */
export function yuanToWanText(yuan: number): string {
  return scaledText(yuan, 4);
}

/** Exact 亿元 decimal text for integer 元, without trailing zeros. */
export function yuanToYiText(yuan: number): string {
  return scaledText(yuan, 8);
}

/** 万元 as a number for charts and arithmetic where display rounding follows. */
export function yuanToWan(yuan: number): number {
  return yuan / YUAN_PER_WAN;
}

/** Display 万元 with thousands separators and fixed decimals: 12,345.68 */
export function formatWan(yuan: number | null | undefined, decimals = 2, locale = 'zh-CN'): string {
  if (yuan === null || yuan === undefined) return '—';
  return fixedFormat(locale, decimals).format(yuan / YUAN_PER_WAN);
}

/** Display 亿元 with fixed decimals: 15.30 */
export function formatYi(yuan: number | null | undefined, decimals = 2, locale = 'zh-CN'): string {
  if (yuan === null || yuan === undefined) return '—';
  return fixedFormat(locale, decimals).format(yuan / YUAN_PER_YI);
}

/**
 * Making an Intl.NumberFormat costs far more than using one (tens of µs), and amounts are
 * formatted row by row in imports, exports and bulletins: one per locale and precision.
 */
const formats = new Map<string, Intl.NumberFormat>();

function fixedFormat(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    // Locales come from code, not users, but keep the cache bounded all the same.
    if (formats.size >= 64) formats.clear();
    formats.set(key, f);
  }
  return f;
}

function scaledText(value: number, digits: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer amount: ${value}`);
  const negative = value < 0;
  const abs = String(Math.abs(value)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  // toPrecision(15) removes binary noise such as 0.1 + 0.2 while keeping typed digits.
  const s = Number(n.toPrecision(15)).toString();
  if (!/e/i.test(s)) return s;
  return n.toFixed(8);
}
