/**
 * The sentences of a bulletin (通报), written from the figures the way offices write them:
 * 截至10月31日，全市75个重点项目累计完成投资266.26亿元，占年度计划的71.93%，慢于时序进度11.40个百分点。
 */
import { formatYi } from './money.ts';

export interface SummaryFigures {
  /** 'YYYY-MM-DD'. */
  asOf: string;
  /** 全市 / 全县 / 全区 … */
  scopeName: string;
  projects: number;
  ytdYuan: number;
  /** Completion and time progress in percent (two decimals), gap in points. */
  completionRate: number | null;
  timeProgress: number;
  gapPoints: number | null;
}

export function chineseDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Ahead or behind time progress, as a phrase. */
export function gapPhrase(gap: number | null): string {
  if (gap === null) return '暂无年度计划';
  if (gap === 0) return '与时序进度持平';
  return `${gap > 0 ? '快于' : '慢于'}时序进度${Math.abs(gap).toFixed(2)}个百分点`;
}

export function summarySentence(f: SummaryFigures): string {
  const rate = f.completionRate === null ? '' : `，占年度计划的${f.completionRate.toFixed(2)}%，${gapPhrase(f.gapPoints)}`;
  return `截至${chineseDate(f.asOf)}，${f.scopeName}${f.projects}个重点项目累计完成投资${formatYi(f.ytdYuan)}亿元${rate}。`;
}

/** 双过半 sentence, for bulletins as of June or July only (the mid-year reckoning). */
export function doubleHalfSentence(completionRate: number | null, timeProgress: number, asOf: string): string | null {
  const month = Number(asOf.slice(5, 7));
  if (month < 6 || month > 7 || timeProgress < 50 || completionRate === null) return null;
  return completionRate >= 50 ? '实现"时间过半、任务过半"目标。' : `距"双过半"目标还差${(50 - completionRate).toFixed(2)}个百分点。`;
}

/** Units listed as 甲、乙和丙. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}和${names.at(-1)}`;
}
