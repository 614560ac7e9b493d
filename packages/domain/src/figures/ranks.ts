/**
 * Ranking: by completion rate, ties broken by YTD amount; items equal on both share a rank
 * (competition ranking 1, 2, 2, 4). Items without a rate come last, unranked.
 */
export interface Rankable {
  completionRate: number | null;
  ytdYuan: number;
}

export function rankByCompletion<T extends Rankable>(items: readonly T[]): (T & { rank: number | null })[] {
  const rates = items.map((i) => i.completionRate);
  const ytd = items.map((i) => i.ytdYuan);
  const { order, ranks } = rankOrder(
    items.map((_, i) => i),
    rates,
    ytd,
  );
  const ranked: (T & { rank: number | null })[] = order.map((i, k) => ({ ...items[i]!, rank: ranks[k]! }));
  for (const item of items) if (item.completionRate === null) ranked.push({ ...item, rank: null });
  return ranked;
}

/**
 * The ranking above over columns instead of objects, for boards that rank thousands of
 * projects several ways: the members (indices into `rates` and `ytdYuan`) that have a rate, in
 * rank order (a stable sort: full ties keep the members' order), and the rank of each.
 */
export function rankOrder(members: readonly number[], rates: readonly (number | null)[], ytdYuan: readonly number[]): { order: number[]; ranks: number[] } {
  const order = members.filter((i) => rates[i] !== null);
  order.sort((a, b) => rates[b]! - rates[a]! || ytdYuan[b]! - ytdYuan[a]!);
  const ranks = new Array<number>(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const prev = k > 0 ? order[k - 1]! : -1;
    const tied = prev >= 0 && rates[prev] === rates[i] && ytdYuan[prev] === ytdYuan[i];
    ranks[k] = tied ? ranks[k - 1]! : k + 1;
  }
  return { order, ranks };
}
