/** Filters of the campaign-project tables: the same for the member list and the picker. */
export interface MemberFilters {
  q: string;
  region: string[];
  level: string[];
  category: string[];
  status: string[];
  /** Track keys, or 'none' for projects without a track. */
  track: string[];
}

export const EMPTY_FILTERS: MemberFilters = { q: '', region: [], level: [], category: [], status: [], track: [] };

/** The filters set, empty ones left out: query-string parameters, or the body of "add all matching". */
export function toParams(f: MemberFilters): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of ['region', 'level', 'category', 'status', 'track'] as const) if (f[key].length) out[key] = f[key];
  if (f.q.trim()) out.q = f.q.trim();
  return out;
}

export const countFilters = (f: MemberFilters) => (f.q.trim() ? 1 : 0) + f.region.length + f.level.length + f.category.length + f.status.length + f.track.length;
