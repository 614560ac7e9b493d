import { describe, expect, test } from 'vitest';
import { fileNameOf } from './download.ts';

describe('download file names', () => {
  test('the UTF-8 name wins, then the plain one, then the fallback', () => {
    const name = '湘潭市重点项目建设周晒榜（2026年第48周）.docx';
    expect(fileNameOf(`attachment; filename="bulletin.docx"; filename*=UTF-8''${encodeURIComponent(name)}`, 'x')).toBe(name);
    expect(fileNameOf('attachment; filename="bulletin.xlsx"', 'x')).toBe('bulletin.xlsx');
    expect(fileNameOf(null, 'x.docx')).toBe('x.docx');
  });
});
