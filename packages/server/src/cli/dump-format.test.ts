/** The COPY text encoding and the terminal tables, without a database. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeField, encodeField } from './dump-format.ts';
import { displayWidth, formatTable } from './table.ts';

describe('COPY text fields', () => {
  it('round-trips any text, and null', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary' }), { nil: null }), (value) => {
        const encoded = encodeField(value);
        // One field stays on one line and never contains the column separator.
        expect(encoded).not.toMatch(/[\t\n\r]/);
        expect(decodeField(encoded)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes null as \\N and keeps a literal backslash-N apart from it', () => {
    expect(encodeField(null)).toBe('\\N');
    expect(encodeField('\\N')).toBe('\\\\N');
    expect(encodeField('')).toBe('');
    expect(encodeField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
  });

  it('reads the octal and hex escapes other COPY writers use, as UTF-8 bytes', () => {
    expect(decodeField('\\101\\x42')).toBe('AB');
    expect(decodeField('\\xe6\\xb9\\x98潭')).toBe('湘潭');
    expect(decodeField('\\q')).toBe('q');
  });
});

describe('terminal tables', () => {
  it('counts Chinese characters as two columns so the columns line up', () => {
    expect(displayWidth('湘潭市')).toBe(6);
    expect(displayWidth('abc')).toBe(3);
    const lines = formatTable(['表', 'rows'], [['项目', '80'], ['regions', '7']], { right: [1] }).split('\n');
    expect(lines).toEqual(['表       rows', '-------  ----', '项目       80', 'regions     7']);
  });
});
