import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialDate, parseDateCell, parseDateText } from './dates.ts';

const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => ({
  y: d.getUTCFullYear(),
  m: d.getUTCMonth() + 1,
  d: d.getUTCDate(),
  iso: d.toISOString().slice(0, 10),
}));
const p2 = (n: number) => String(n).padStart(2, '0');

describe('dates as ledgers spell them', () => {
  it('reads every day in every spelling', () => {
    fc.assert(
      fc.property(day, ({ y, m, d, iso }) => {
        for (const s of [`${y}-${p2(m)}-${p2(d)}`, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, `${y}${p2(m)}${p2(d)}`, ` ${y}年${m}月${d}号 `, `${y}-${p2(m)}-${p2(d)} 00:00:00`]) {
          expect(parseDateText(s), s).toEqual({ ok: true, date: iso });
        }
      }),
    );
  });

  it('reads a month as its first day, or its last for finish dates', () => {
    fc.assert(
      fc.property(day, ({ y, m }) => {
        for (const s of [`${y}年${m}月`, `${y}.${p2(m)}`, `${y}-${p2(m)}`, `${y}/${m}`]) {
          expect(parseDateText(s)).toEqual({ ok: true, date: `${y}-${p2(m)}-01` });
        }
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(parseDateText(`${y}年${m}月`, { monthEnd: true })).toEqual({ ok: true, date: `${y}-${p2(m)}-${p2(last)}` });
      }),
    );
  });

  it('reads Excel day numbers in both date systems', () => {
    expect(excelSerialDate(44621)).toBe('2022-03-01');
    expect(excelSerialDate(44630.5)).toBe('2022-03-10');
    expect(excelSerialDate(43159, true)).toBe('2022-03-01');
    expect(parseDateCell({ kind: 'number', text: '44621', date: true })).toEqual({ ok: true, date: '2022-03-01' });
    expect(parseDateCell({ kind: 'number', text: '20220310' })).toEqual({ ok: true, date: '2022-03-10' });
    expect(parseDateCell({ kind: 'number', text: '2022.03' })).toEqual({ ok: true, date: '2022-03-01' });
    expect(parseDateCell({ kind: 'number', text: '2022.1' })).toMatchObject({ ok: false, reason: expect.stringContaining('10 月') });
  });

  it('refuses what is not a date, saying so', () => {
    expect(parseDateText('2022-02-30')).toMatchObject({ ok: false, reason: expect.stringContaining('不是有效的日期') });
    expect(parseDateText('明年三月')).toMatchObject({ ok: false, reason: expect.stringContaining('2022-03-10') });
    expect(parseDateText('-')).toEqual({ ok: true, date: null });
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseDateText(s);
      if (r.ok && r.date) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }));
  });
});
