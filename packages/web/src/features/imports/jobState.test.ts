import { emptyCounts } from '@pacer/domain';
import { describe, expect, test } from 'vitest';
import { columnLetter, commitBlock, fileSizeText, isRunning, periodLabel, progressPercent, stepOf } from './jobState.ts';

const counts = (over: Partial<ReturnType<typeof emptyCounts>> = {}) => ({ ...emptyCounts(), ...over });

describe('import job state', () => {
  test('the page polls only while the server works', () => {
    expect(['analysing', 'previewing', 'committing', 'rolling_back'].every((s) => isRunning(s as never))).toBe(true);
    expect(isRunning('previewed')).toBe(false);
    expect(isRunning(undefined)).toBe(false);
  });

  test('steps: a file refused while reading failed at the first step, a failed dry run at the mapping', () => {
    expect(stepOf({ status: 'analysing', sheets: [] })).toBe(0);
    expect(stepOf({ status: 'failed', sheets: [] })).toBe(0);
    expect(stepOf({ status: 'failed', sheets: [{} as never] })).toBe(1);
    expect(stepOf({ status: 'previewed', sheets: [] })).toBe(2);
    expect(stepOf({ status: 'committing', sheets: [] })).toBe(3);
    expect(stepOf({ status: 'committed', sheets: [] })).toBe(4);
  });

  test('progress in whole percent, unknown until the stage has a size', () => {
    expect(progressPercent({ done: 0, total: 0 })).toBeNull();
    expect(progressPercent({ done: 333, total: 1000 })).toBe(33);
    expect(progressPercent({ done: 1200, total: 1000 })).toBe(100);
  });

  test('a clean dry run commits at once; one with problems only when accepted', () => {
    const clean = { status: 'previewed' as const, counts: counts({ created: 2 }) };
    expect(commitBlock(clean, { changed: false, accepted: false })).toBeNull();
    const warned = { status: 'previewed' as const, counts: counts({ created: 2, warnings: 1 }) };
    expect(commitBlock(warned, { changed: false, accepted: false })).toBe('problems');
    expect(commitBlock(warned, { changed: false, accepted: true })).toBeNull();
  });

  test('no commit before a dry run, after the mapping changed, or with nothing to write', () => {
    expect(commitBlock({ status: 'mapping', counts: counts({ created: 1 }) }, { changed: false, accepted: true })).toBe('notPreviewed');
    expect(commitBlock({ status: 'previewed', counts: counts({ created: 1 }) }, { changed: true, accepted: true })).toBe('changed');
    expect(commitBlock({ status: 'previewed', counts: counts({ unchanged: 5, errors: 2, skipped: 2 }) }, { changed: false, accepted: true })).toBe('nothing');
    expect(commitBlock({ status: 'previewed', counts: counts({ reportsUpdated: 1 }) }, { changed: false, accepted: false })).toBeNull();
  });

  test('labels: Excel column letters, periods, file sizes', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(periodLabel({ year: 2022, month: 3 }, 'zh-CN')).toBe('2022年3月');
    expect(periodLabel({ year: null, month: 3 }, 'zh-CN')).toBe('3月');
    expect(periodLabel({ year: 2022, month: 3 }, 'en-US')).toBe('2022-03');
    expect(fileSizeText(300)).toBe('1 KB');
    expect(fileSizeText(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });
});
