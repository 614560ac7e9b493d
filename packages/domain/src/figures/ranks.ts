/**
 * Ranking: by completion rate, ties broken by YTD amount; items equal on both share a rank
 * (competition ranking 1, 2, 2, 4). Items without a rate come last, unranked.
 */
export interface Rankable {
  completionRate: number | null;
  ytdYuan: number;
}

export function rankByCompletion<T extends Rankable>(items: readonly T[]): (T & { rank: number | null })[] {
  const rated = items.filter((i) => i.completionRate !== null);
  const unrated = items.filter((i) => i.completionRate === null);
  const sorted = [...rated].sort((a, b) => b.completionRate! - a.completionRate! || b.ytdYuan - a.ytdYuan);
  const ranked: (T & { rank: number | null })[] = [];
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    const tied = prev && prev.completionRate === item.completionRate && prev.ytdYuan === item.ytdYuan;
    ranked.push({ ...item, rank: tied ? ranked[i - 1]!.rank : i + 1 });
  });
  return [...ranked, ...unrated.map((u) => ({ ...u, rank: null }))];
}
