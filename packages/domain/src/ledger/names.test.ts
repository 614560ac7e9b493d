import { describe, expect, it } from 'vitest';
import { matchName } from './names.ts';

const regions = [
  { id: '430300', name: '湘潭市' },
  { id: '430302', name: '雨湖区', aliases: ['430302'] },
  { id: '430321', name: '湘潭县' },
  { id: '430371', name: '湘潭高新区' },
  { id: '430372', name: '昭山示范区' },
];

describe('finding what a name means', () => {
  it('matches exact names, codes, stems and unique fragments', () => {
    expect(matchName('雨湖区', regions)).toEqual({ ok: true, id: '430302' });
    expect(matchName(' 雨 湖 ', regions)).toEqual({ ok: true, id: '430302' });
    expect(matchName('430302', regions)).toEqual({ ok: true, id: '430302' });
    expect(matchName('高新区', regions)).toEqual({ ok: true, id: '430371' });
    expect(matchName('昭山', regions)).toEqual({ ok: true, id: '430372' });
    expect(matchName('湘潭县', regions)).toEqual({ ok: true, id: '430321' });
  });

  it('says when a name is unknown or could mean several', () => {
    expect(matchName('长沙县', regions)).toMatchObject({ ok: false, reason: 'none' });
    expect(matchName('湘潭', regions)).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(matchName('', regions)).toMatchObject({ ok: false });
  });
});
