import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_YUAN, yuanToWanText, yuanToYiText } from '../money.ts';
import { headerUnit, parseAmount, parseAmountText, unitNote, type AmountUnit } from './amount.ts';

const amount = fc.integer({ min: 0, max: MAX_YUAN });
const TEXT: Record<AmountUnit, (y: number) => string> = { yuan: String, wan: yuanToWanText, yi: yuanToYiText };

/** What people do to a number typed as text: group thousands, use full-width digits, add spaces. */
function disguise(text: string, grouping: boolean, fullWidth: boolean, pad: string): string {
  let t = text;
  if (grouping) t = t.replace(/^(\d+)/, (w) => w.replace(/\B(?=(\d{3})+$)/g, ','));
  if (fullWidth) t = t.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return `${pad}${t}${pad}`;
}

describe('amounts typed as text become exact 元', () => {
  it('reads every amount in every unit, however disguised', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom<AmountUnit>('yuan', 'wan', 'yi'), fc.boolean(), fc.boolean(), fc.constantFrom('', ' ', '\u3000', '\u00a0 '), (y, unit, g, fw, pad) => {
        expect(parseAmountText(disguise(TEXT[unit](y), g, fw, pad), unit)).toEqual({ ok: true, yuan: y });
      }),
    );
  });

  it('reads numbers stored in the file in any unit without float error', () => {
    fc.assert(
      fc.property(amount, (y) => {
        expect(parseAmount({ kind: 'number', text: String(y / 10_000) }, 'wan')).toEqual({ ok: true, yuan: y });
        expect(parseAmount({ kind: 'number', text: String(y / 100_000_000) }, 'yi')).toEqual({ ok: true, yuan: y });
      }),
    );
    expect(parseAmount({ kind: 'number', text: '0.30000000000000004' }, 'wan')).toEqual({ ok: true, yuan: 3000 });
    expect(parseAmount({ kind: 'number', text: '1.5E-3' }, 'wan')).toEqual({ ok: true, yuan: 15 });
    expect(parseAmount({ kind: 'number', text: '1.2345E+4' }, 'wan')).toEqual({ ok: true, yuan: 123_450_000 });
  });

  it('rounds below 1 元 half up, as offices round', () => {
    expect(parseAmountText('3333.33333', 'wan')).toEqual({ ok: true, yuan: 33_333_333 });
    expect(parseAmountText('0.00005', 'wan')).toEqual({ ok: true, yuan: 1 });
    expect(parseAmountText('0.00004', 'wan')).toEqual({ ok: true, yuan: 0 });
  });

  it('lets a cell name its own unit', () => {
    expect(parseAmountText('1.5亿', 'wan')).toEqual({ ok: true, yuan: 150_000_000 });
    expect(parseAmountText('2,000 万元 ', 'yuan')).toEqual({ ok: true, yuan: 20_000_000 });
    expect(parseAmountText('￥500元', 'wan')).toEqual({ ok: true, yuan: 500 });
  });

  it('treats blanks and dashes as empty, refuses the rest with a reason', () => {
    for (const t of ['', '  ', '-', '—', '/', '无']) expect(parseAmountText(t, 'wan')).toEqual({ ok: true, yuan: null });
    expect(parseAmountText('约5000', 'wan')).toMatchObject({ ok: false, reason: expect.stringContaining('不是数字') });
    expect(parseAmountText('85%', 'wan')).toMatchObject({ ok: false });
    expect(parseAmountText('-5', 'wan')).toMatchObject({ ok: false, reason: '金额不能为负数' });
    expect(parseAmountText('99999999999', 'yi')).toMatchObject({ ok: false, reason: expect.stringContaining('超出') });
    expect(parseAmount({ kind: 'error', text: '#DIV/0!' }, 'wan')).toMatchObject({ ok: false, reason: expect.stringContaining('#DIV/0!') });
    expect(parseAmount({ kind: 'bool', value: true }, 'wan')).toMatchObject({ ok: false });
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom<AmountUnit>('yuan', 'wan', 'yi'), (s, u) => {
      const r = parseAmountText(s, u);
      if (r.ok && r.yuan !== null) expect(Number.isSafeInteger(r.yuan) && r.yuan >= 0).toBe(true);
    }));
  });
});

describe('units named in notes and headers', () => {
  it('finds the unit of a note row', () => {
    expect(unitNote('单位：万元')).toBe('wan');
    expect(unitNote('金额单位:亿元')).toBe('yi');
    expect(unitNote('填报单位：雨湖区发改局　　　单位：元')).toBe('yuan');
    expect(unitNote('（单位：万元）')).toBe('wan');
    expect(unitNote('总投资15.3亿元')).toBeNull();
  });

  it('finds the unit of a header', () => {
    expect(headerUnit('总投资（亿元）')).toBe('yi');
    expect(headerUnit('年度计划(万元)')).toBe('wan');
    expect(headerUnit('完成投资\n（元）')).toBe('yuan');
    expect(headerUnit('总投资万元')).toBe('wan');
    expect(headerUnit('总投资')).toBeNull();
  });
});
