import { describe, expect, test } from 'vitest';
import { groupByWeek } from './weeks.ts';
import type { PublishedBoard } from './types.ts';

const board = (weekStart: string, version: number): PublishedBoard => ({
  id: `${weekStart}-${version}`,
  year: 2026,
  weekStart,
  weekEnd: weekStart,
  version,
  timeProgress: 50,
  changeNote: version > 1 ? '更正' : null,
  changes: [],
  publishedAt: '2026-11-23T00:00:00Z',
});

describe('published boards by week', () => {
  test('newest week first, its latest version on top', () => {
    const weeks = groupByWeek([board('2026-11-09', 1), board('2026-11-16', 1), board('2026-11-16', 2)]);
    expect(weeks.map((w) => w.latest.id)).toEqual(['2026-11-16-2', '2026-11-09-1']);
    expect(weeks[0]!.versions.map((v) => v.version)).toEqual([2, 1]);
  });
});
