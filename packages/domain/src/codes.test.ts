import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIndustryCode, isRegionCode, parseProjectCode, prefectureOf } from './codes.ts';

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const province = fc.integer({ min: 11, max: 82 }).map(String);
const areaCode = fc.tuple(province, digits(4)).map(([p, rest]) => p + rest);
const year = fc.integer({ min: 2000, max: 2100 }).map(String);

/** A well-formed 投资项目统一代码: YYYY-AAAAAA-NN-NN-NNNNNN. */
const projectCode = fc.tuple(year, areaCode, digits(2), digits(2), digits(6)).map((parts) => parts.join('-'));

describe('投资项目统一代码', () => {
  it('accepts every well-formed 24-character code and reads its year and issuing area', () => {
    fc.assert(
      fc.property(projectCode, (code) => {
        expect(code).toHaveLength(24);
        expect(parseProjectCode(code)).toEqual({ year: Number(code.slice(0, 4)), areaCode: code.slice(5, 11) });
      }),
    );
  });

  it('reads a real-looking code, ignoring surrounding spaces', () => {
    expect(parseProjectCode('2024-430302-44-01-012345')).toEqual({ year: 2024, areaCode: '430302' });
    expect(parseProjectCode(' 2024-430302-44-01-012345 ')).toEqual({ year: 2024, areaCode: '430302' });
  });

  it('rejects wrong shapes', () => {
    for (const bad of [
      '',
      '2024430302440101234',
      '2024-430302-44-01-01234', // serial one short
      '2024-430302-44-01-0123456', // serial one long
      '2024-43030-44-01-012345', // area code 5 digits
      '24-430302-44-01-012345',
      '2024-430302-4-01-012345',
      '2024_430302_44_01_012345',
      '2024-430302-44-01-01234A',
      '2024-430302-44-01-012345-1',
      '２０２４-430302-44-01-012345', // full-width digits
    ]) {
      expect(parseProjectCode(bad), bad).toBeNull();
    }
  });

  it('rejects any code with one character changed to a letter', () => {
    fc.assert(
      fc.property(projectCode, fc.integer({ min: 0, max: 23 }), fc.constantFrom('A', 'x', ' ', '.'), (code, at, ch) => {
        fc.pre(!(ch === ' ' && (at === 0 || at === 23))); // spaces at the ends are trimmed
        return parseProjectCode(code.slice(0, at) + ch + code.slice(at + 1)) === null;
      }),
    );
  });

  it('rejects an area part that is not a GB/T 2260 code', () => {
    expect(parseProjectCode('2024-000000-44-01-012345')).toBeNull();
    expect(parseProjectCode('2024-100000-44-01-012345')).toBeNull();
    expect(parseProjectCode('2024-830000-44-01-012345')).toBeNull();
    expect(parseProjectCode('2024-990302-44-01-012345')).toBeNull();
  });

  it('rejects implausible years', () => {
    expect(parseProjectCode('1999-430302-44-01-012345')).toBeNull();
    expect(parseProjectCode('2101-430302-44-01-012345')).toBeNull();
    expect(parseProjectCode('2000-430302-44-01-012345')?.year).toBe(2000);
    expect(parseProjectCode('2100-430302-44-01-012345')?.year).toBe(2100);
  });
});

describe('GB/T 2260 region codes', () => {
  it('accepts six digits with a province part 11–82', () => {
    fc.assert(fc.property(areaCode, (code) => isRegionCode(code)));
    for (const code of ['430300', '430302', '430371', '110000', '820000']) expect(isRegionCode(code), code).toBe(true);
  });

  it('rejects other provinces parts and shapes', () => {
    for (const code of ['100000', '830000', '000000', '43030', '4303021', '43030a', ' 430302']) expect(isRegionCode(code), code).toBe(false);
  });

  it('finds the prefecture of a district or park', () => {
    expect(prefectureOf('430302')).toBe('430300');
    expect(prefectureOf('430371')).toBe('430300');
    expect(prefectureOf('430300')).toBe('430300');
  });
});

describe('GB/T 4754 industry codes', () => {
  it('accepts a section letter A–T alone or with 2, 3 or 4 digits', () => {
    for (const code of ['C', 'C39', 'C391', 'C3911', 'A01', 'T97', 'E48']) expect(isIndustryCode(code), code).toBe(true);
  });

  it('rejects letters outside A–T, lower case, one digit or five digits', () => {
    for (const code of ['', 'U', 'Z01', 'c39', 'C3', 'C39111', '39', 'CC39', 'C 39', 'C39 ']) expect(isIndustryCode(code), code).toBe(false);
  });
});
