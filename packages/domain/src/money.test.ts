import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWan, formatYi, MAX_YUAN, wanToYuan, yuanToWan, yuanToWanText, yuanToYiText } from './money.ts';

const anyYuan = fc.integer({ min: -MAX_YUAN, max: MAX_YUAN });
const amount = fc.integer({ min: 0, max: MAX_YUAN });

/**
 * The display an office expects, computed with integers only: 四舍五入 (half away from zero)
 * of yuan / 10^scale to `decimals` places, thousands grouped with commas.
 */
function expectedDisplay(yuan: number, scale: number, decimals: number): string {
  const unit = 10n ** BigInt(scale);
  const scaled = (BigInt(yuan) * 10n ** BigInt(decimals) * 2n + unit) / (2n * unit);
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+$)/g, ',');
  return decimals ? `${whole}.${digits.slice(digits.length - decimals)}` : whole;
}

describe('万元 text ↔ integer 元', () => {
  it('round-trips every integer 元 in range exactly', () => {
    fc.assert(fc.property(anyYuan, (y) => wanToYuan(yuanToWanText(y)) === y));
  });

  it('round-trips canonical 万元 text with up to 4 decimals', () => {
    const text = fc
      .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 9999 }))
      .map(([whole, frac]) => (frac ? `${whole}.${String(frac).padStart(4, '0').replace(/0+$/, '')}` : String(whole)));
    fc.assert(fc.property(text, (s) => yuanToWanText(wanToYuan(s)!) === s));
  });

  it('reads a typed JS number of 万元 without binary noise', () => {
    // y / 10^4 has at most 13 significant digits in range, so the typed decimal is recoverable.
    fc.assert(fc.property(anyYuan, (y) => wanToYuan(y / 10_000) === y));
    expect(wanToYuan(0.1 + 0.2)).toBe(3000);
  });

  it('converts the figures offices type', () => {
    expect(wanToYuan('1234.5')).toBe(12_345_000);
    expect(wanToYuan('0.0001')).toBe(1);
    expect(wanToYuan(' 500 ')).toBe(5_000_000);
    expect(wanToYuan('12.3400000')).toBe(123_400); // trailing zeros are not precision
    expect(wanToYuan('-3.5')).toBe(-35_000);
    expect(yuanToWanText(12_345_000)).toBe('1234.5');
    expect(yuanToWanText(1)).toBe('0.0001');
    expect(yuanToWanText(-35_000)).toBe('-3.5');
    expect(yuanToYiText(1_530_000_000)).toBe('15.3');
    expect(yuanToYiText(1)).toBe('0.00000001');
    expect(yuanToWan(12_345_000)).toBe(1234.5);
  });

  it('rejects amounts finer than 1 元 instead of rounding them', () => {
    expect(wanToYuan('0.00001')).toBeNull();
    expect(wanToYuan('1.23456')).toBeNull();
    expect(wanToYuan(0.00001)).toBeNull();
    expect(wanToYuan(1e-7)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.stringMatching(/^\d{4}[1-9]$/), (whole, frac) => wanToYuan(`${whole}.${frac}`) === null),
    );
  });

  it('rejects text that is not a plain decimal', () => {
    for (const junk of ['', ' ', 'abc', '1,234', '1 234', '1e3', '0x10', '.5', '5.', '1.2.3', '--1', '１２', '12万', 'NaN', 'Infinity']) {
      expect(wanToYuan(junk), junk).toBeNull();
    }
    expect(wanToYuan(Number.NaN)).toBeNull();
    expect(wanToYuan(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('rejects amounts beyond exact integers rather than returning a rounded one', () => {
    expect(wanToYuan('900719925474.0991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(wanToYuan('900719925474.0992')).toBeNull();
    expect(wanToYuan('99999999999999999999')).toBeNull();
  });

  it('refuses to print a non-integer amount as if it were exact', () => {
    expect(() => yuanToWanText(1.5)).toThrow(RangeError);
    expect(() => yuanToYiText(2 ** 53)).toThrow(RangeError);
  });
});

describe('display in 万元 and 亿元', () => {
  it('shows 万元 with two decimals, rounded half up, grouped by thousands', () => {
    expect(formatWan(123_456_789_012)).toBe('12,345,678.90');
    expect(formatWan(150)).toBe('0.02'); // 0.015 万元: 四舍五入, not the float's 0.01499…
    expect(formatWan(149)).toBe('0.01');
    expect(formatWan(0)).toBe('0.00');
    expect(formatWan(12_345_000, 0)).toBe('1,235');
    expect(formatWan(12_345_678, 4)).toBe('1,234.5678');
    fc.assert(fc.property(amount, (y) => formatWan(y) === expectedDisplay(y, 4, 2)));
  });

  it('keeps each precision and locale apart when formats are reused', () => {
    // Interleaved, so a format cached for one precision or locale would show in the next.
    expect([formatWan(12_345_678, 4), formatWan(12_345_678), formatWan(12_345_678, 0), formatYi(123_456_789_012, 4), formatWan(12_345_678, 4)]).toEqual([
      '1,234.5678',
      '1,234.57',
      '1,235',
      '1,234.5679',
      '1,234.5678',
    ]);
    expect(formatWan(123_456_789_012, 2, 'de-DE')).toBe('12.345.678,90');
    expect(formatWan(123_456_789_012)).toBe('12,345,678.90');
  });

  it('sums shown in 亿元 follow the same rounding', () => {
    expect(formatYi(1_530_000_000)).toBe('15.30');
    expect(formatYi(123_456_789_012)).toBe('1,234.57');
    expect(formatYi(500_000)).toBe('0.01');
    expect(formatYi(499_999)).toBe('0.00');
    fc.assert(fc.property(amount, (y) => formatYi(y) === expectedDisplay(y, 8, 2)));
  });

  it('shows a dash for a missing amount, not zero', () => {
    expect(formatWan(null)).toBe('—');
    expect(formatWan(undefined)).toBe('—');
    expect(formatYi(null)).toBe('—');
  });

  it('follows the English locale when asked', () => {
    expect(formatWan(123_456_789_012, 2, 'en-US')).toBe('12,345,678.90');
  });
});
