/**
 * The list's state lives in the URL query string, so a filtered, sorted page survives
 * reload and can be sent to a colleague. Parsing is forgiving: an unknown value in a
 * shared link is dropped, never an error page.
 */
import type { PROJECT_SORT_FIELDS } from '@pacer/domain';
import {
  COMPETITION_TRACKS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STATUSES,
  type CompetitionTrack,
  type ProjectCategory,
  type ProjectLevel,
  type ProjectStatus,
} from '@pacer/domain/vocabulary';
import type { QueryParams } from '../../app/queryString.ts';

export type SortField = (typeof PROJECT_SORT_FIELDS)[number];

/**
 * The domain's sortable columns, restated: the domain keeps them beside the list's zod schema,
 * which the first screen should not download. The two checks below keep both lists equal.
 */
const SORT_FIELDS = ['name', 'code', 'totalInvestmentYuan', 'annualPlanYuan', 'plannedStart', 'plannedFinish', 'updatedAt', 'regionCode'] as const satisfies readonly SortField[];
const everySortField: [Exclude<SortField, (typeof SORT_FIELDS)[number]>] extends [never] ? true : never = true;
void everySortField;

export type SortOrder = 'asc' | 'desc';

/** What the query form edits. */
export interface ProjectFilters {
  q: string;
  level: ProjectLevel[];
  category: ProjectCategory[];
  status: ProjectStatus[];
  track: CompetitionTrack[];
  region: string[];
  hq: string[];
  leader: string[];
  year?: number;
}

export interface ListState extends ProjectFilters {
  /** 回收站: deleted projects instead of live ones. */
  deleted: boolean;
  /** A linked leader's own projects only. */
  mine: boolean;
  sort: SortField;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export const DEFAULT_SORT: SortField = 'updatedAt';
export const DEFAULT_ORDER: SortOrder = 'desc';
export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

export const EMPTY_FILTERS: ProjectFilters = { q: '', level: [], category: [], status: [], track: [], region: [], hq: [], leader: [] };

const list = (sp: URLSearchParams, key: string) =>
  sp
    .getAll(key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

const keysOf = <K extends string>(sp: URLSearchParams, key: string, vocabulary: { has(k: string): k is K }) =>
  list(sp, key).filter((k): k is K => vocabulary.has(k));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function intParam(sp: URLSearchParams, key: string, min: number, max: number): number | undefined {
  const text = sp.get(key);
  if (!text || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

export function readListState(sp: URLSearchParams): ListState {
  const sort = sp.get('sort');
  const pageSize = intParam(sp, 'pageSize', 1, 200);
  return {
    q: (sp.get('q') ?? '').trim().slice(0, 100),
    level: keysOf(sp, 'level', PROJECT_LEVELS),
    category: keysOf(sp, 'category', PROJECT_CATEGORIES),
    status: keysOf(sp, 'status', PROJECT_STATUSES),
    track: keysOf(sp, 'track', COMPETITION_TRACKS),
    region: list(sp, 'region').filter((c) => /^\d{6}$/.test(c)),
    hq: list(sp, 'hq').filter((id) => UUID.test(id)),
    leader: list(sp, 'leader').filter((id) => UUID.test(id)),
    year: intParam(sp, 'year', 2000, 2100),
    deleted: sp.get('deleted') === 'only',
    mine: sp.get('mine') === 'true',
    sort: SORT_FIELDS.find((f) => f === sort) ?? DEFAULT_SORT,
    order: sp.get('order') === 'asc' ? 'asc' : sp.get('order') === 'desc' ? 'desc' : DEFAULT_ORDER,
    page: intParam(sp, 'page', 1, 100_000) ?? 1,
    pageSize: pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

/** The API's query parameters; the URL uses the same names, defaults left out. */
export function apiParams(state: ListState): QueryParams {
  return {
    q: state.q || undefined,
    level: state.level,
    category: state.category,
    status: state.status,
    track: state.track,
    region: state.region,
    hq: state.hq,
    leader: state.leader,
    year: state.year,
    deleted: state.deleted ? 'only' : undefined,
    mine: state.mine ? 'true' : undefined,
    sort: state.sort === DEFAULT_SORT && state.order === DEFAULT_ORDER ? undefined : state.sort,
    order: state.sort === DEFAULT_SORT && state.order === DEFAULT_ORDER ? undefined : state.order,
    page: state.page === 1 ? undefined : state.page,
    pageSize: state.pageSize === DEFAULT_PAGE_SIZE ? undefined : state.pageSize,
  };
}

export function toSearchParams(state: ListState): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(apiParams(state))) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) sp.set(key, value.join(','));
    } else {
      sp.set(key, String(value));
    }
  }
  return sp;
}

export function filtersOf(state: ListState): ProjectFilters {
  const { q, level, category, status, track, region, hq, leader, year } = state;
  return { q, level, category, status, track, region, hq, leader, year };
}

export function countFilters(filters: ProjectFilters): number {
  return Object.entries(filters).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '')).length;
}
