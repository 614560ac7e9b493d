import { describe, expect, it } from 'vitest';
import { doubleHalfSentence, gapPhrase, listNames, summarySentence } from './bulletin.ts';

describe('bulletin sentences', () => {
  it('writes the summary as offices do', () => {
    expect(
      summarySentence({ asOf: '2022-06-30', scopeName: '全市', projects: 177, ytdYuan: 1_530_000_000, completionRate: 60.48, timeProgress: 50, gapPoints: 10.48 }),
    ).toBe('截至6月30日，全市177个重点项目累计完成投资15.30亿元，占年度计划的60.48%，快于时序进度10.48个百分点。');
    expect(gapPhrase(-7.3)).toBe('慢于时序进度7.30个百分点');
    expect(gapPhrase(0)).toBe('与时序进度持平');
  });

  it('says whether 双过半 was reached', () => {
    expect(doubleHalfSentence(52, 50, '2026-06-30')).toBe('实现"时间过半、任务过半"目标。');
    expect(doubleHalfSentence(45.5, 50, '2026-06-30')).toBe('距"双过半"目标还差4.50个百分点。');
    expect(doubleHalfSentence(45.5, 40, '2026-05-31')).toBeNull();
    // Not repeated in later bulletins of the year.
    expect(doubleHalfSentence(80, 91.67, '2026-11-30')).toBeNull();
  });

  it('joins names the Chinese way', () => {
    expect(listNames(['雨湖区', '岳塘区', '湘潭县'])).toBe('雨湖区、岳塘区和湘潭县');
    expect(listNames(['雨湖区'])).toBe('雨湖区');
  });
});
