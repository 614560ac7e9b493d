/**
 * Chart options built from the API's figures. Pure, so they are tested without a browser;
 * rates are the server's (group rate = sum of YTD over sum of plan, never a mean of rates).
 */
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Dashboard, StatsRow } from '../types.ts';

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

export const COLOURS = { completion: '#1677ff', timeProgress: '#fa8c16', ytd: '#91caff', behind: '#ff4d4f' };

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);
const axisPct = { type: 'value' as const, axisLabel: { formatter: '{value}%' } };

/** 各县市区: completion bars (red when behind) against the time progress line. */
export function regionOption(rows: readonly StatsRow[], timeProgress: number, names: { completion: string; timeProgress: string }): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => pct(typeof v === 'number' ? v : null) },
    legend: { data: [names.completion, names.timeProgress], top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.group), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: axisPct,
    series: [
      {
        name: names.completion,
        type: 'bar',
        barMaxWidth: 36,
        data: rows.map((r) => ({ value: r.completionRate ?? 0, itemStyle: { color: (r.gapPoints ?? 0) < 0 ? COLOURS.behind : COLOURS.completion } })),
        label: { show: true, position: 'top', formatter: (p) => `${Number(p.value).toFixed(2)}%` },
      },
      { name: names.timeProgress, type: 'line', symbol: 'none', data: rows.map(() => timeProgress), lineStyle: { type: 'dashed', color: COLOURS.timeProgress }, itemStyle: { color: COLOURS.timeProgress } },
    ],
  };
}

/** 月度走势: cumulative completion and time progress by month, YTD 亿元 as bars on the right axis. */
export function trendOption(trend: Dashboard['trend'], names: { completion: string; timeProgress: string; ytd: string; month: (m: number) => string }): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [names.completion, names.timeProgress, names.ytd], top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.map((m) => names.month(Number(m.month.slice(5)))) },
    yAxis: [axisPct, { type: 'value', splitLine: { show: false } }],
    series: [
      { name: names.ytd, type: 'bar', yAxisIndex: 1, data: trend.map((m) => Math.round(m.ytdWan / 100) / 100), itemStyle: { color: COLOURS.ytd }, barMaxWidth: 24 },
      { name: names.completion, type: 'line', data: trend.map((m) => m.completionRate), itemStyle: { color: COLOURS.completion }, smooth: false },
      { name: names.timeProgress, type: 'line', data: trend.map((m) => m.timeProgress), itemStyle: { color: COLOURS.timeProgress }, lineStyle: { type: 'dashed' }, symbol: 'none' },
    ],
  };
}

/** 分类别 / 分级别: horizontal completion bars, time progress as a dashed line (named in the card's title). */
export function splitOption(rows: readonly StatsRow[], timeProgress: number, names: { completion: string; timeProgress: string }): ChartOption {
  const shown = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => pct(typeof v === 'number' ? v : null) },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: axisPct,
    yAxis: { type: 'category', data: shown.map((r) => r.group), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        name: names.completion,
        type: 'bar',
        barMaxWidth: 22,
        data: shown.map((r) => ({ value: r.completionRate ?? 0, itemStyle: { color: (r.gapPoints ?? 0) < 0 ? COLOURS.behind : COLOURS.completion } })),
        label: { show: true, position: 'right', formatter: (p) => `${Number(p.value).toFixed(2)}%` },
        markLine: { symbol: 'none', data: [{ xAxis: timeProgress, name: names.timeProgress }], lineStyle: { color: COLOURS.timeProgress, type: 'dashed' }, label: { show: false } },
      },
    ],
  };
}

/** 等次分布 of the latest board as a ring, in the fixed order 优秀 良好 一般 较差 (未评定). */
export function gradesOption(slices: readonly { name: string; value: number; colour: string }[]): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: slices.filter((s) => s.value > 0).map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.colour } })),
      },
    ],
  };
}
