import type { PublishedBoard } from './types.ts';

/** The latest published version of each week, newest week first, with all its versions. */
export function groupByWeek(boards: readonly PublishedBoard[]): { latest: PublishedBoard; versions: PublishedBoard[] }[] {
  const weeks = new Map<string, PublishedBoard[]>();
  for (const b of boards) weeks.set(b.weekStart, [...(weeks.get(b.weekStart) ?? []), b]);
  return [...weeks.values()]
    .map((versions) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return { latest: sorted[0]!, versions: sorted };
    })
    .sort((a, b) => b.latest.weekStart.localeCompare(a.latest.weekStart));
}
