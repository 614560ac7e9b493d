import { describe, expect, test } from 'vitest';
import type { StatsRow } from '../types.ts';
import { COLOURS, gradesOption, regionOption, splitOption, trendOption } from './options.ts';

const row = (group: string, completionRate: number, gapPoints: number): StatsRow => ({ group, projects: 1, planWan: 100, ytdWan: completionRate, completionRate, timeProgress: 50, gapPoints });
const names = { completion: '完成率', timeProgress: '时序进度', ytd: '累计', month: (m: number) => `${m}月` };

describe('dashboard chart options', () => {
  test('regions behind time progress are drawn red, the line sits at time progress', () => {
    const o = regionOption([row('雨湖区', 60, 10), row('岳塘区', 40, -10)], 50, names);
    const [bars, line] = o.series as [{ data: { value: number; itemStyle: { color: string } }[] }, { data: number[] }];
    expect(bars.data.map((d) => d.itemStyle.color)).toEqual([COLOURS.completion, COLOURS.behind]);
    expect(line.data).toEqual([50, 50]);
    expect((o.xAxis as { data: string[] }).data).toEqual(['雨湖区', '岳塘区']);
  });

  test('the trend shows YTD in 亿元 and months by number', () => {
    const o = trendOption([{ month: '2026-06', completionRate: 53.79, timeProgress: 50, ytdWan: 1971506 }], names);
    expect((o.xAxis as { data: string[] }).data).toEqual(['6月']);
    expect((o.series as { data: number[] }[])[0]!.data).toEqual([197.15]);
  });

  test('splits list the first group on top; empty grades are left out of the ring', () => {
    const o = splitOption([row('产业项目', 90, 5), row('民生项目', 80, -5)], 85, names);
    expect((o.yAxis as { data: string[] }).data).toEqual(['民生项目', '产业项目']);
    const g = gradesOption([
      { name: '优秀', value: 3, colour: '#0f0' },
      { name: '未评定', value: 0, colour: '#ccc' },
    ]);
    expect((g.series as { data: unknown[] }[])[0]!.data).toHaveLength(1);
  });
});
