/**
 * 问题督办's list state in the URL: queue tab, filters and page, so "overdue land problems
 * of 雨湖区" can be sent as a link. Unknown values from a shared link are dropped.
 */
import { PROBLEM_SEVERITIES, PROBLEM_STATES, PROBLEM_TYPES, type ProblemSeverity, type ProblemState, type ProblemType } from '@pacer/domain';
import type { QueryParams } from '../../app/api.ts';
import { PROBLEM_TABS, type ProblemTab } from './types.ts';

export const LEVELS = ['1', '2', '3'] as const;
export type Level = (typeof LEVELS)[number];
const PAGE_SIZES = [10, 20, 50, 100];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ProblemsState {
  tab: ProblemTab;
  type: ProblemType[];
  severity: ProblemSeverity[];
  state: ProblemState[];
  level: Level[];
  /** A lead or co-handling unit. */
  orgId: string | null;
  region: string | null;
  projectId: string | null;
  q: string;
  page: number;
  pageSize: number;
}

export const DEFAULT_STATE: ProblemsState = { tab: 'mine', type: [], severity: [], state: [], level: [], orgId: null, region: null, projectId: null, q: '', page: 1, pageSize: 20 };

const listOf = <T extends string>(allowed: readonly T[], v: string | null): T[] => (v ?? '').split(',').filter((x): x is T => allowed.includes(x as T));
const id = (v: string | null) => (v && UUID.test(v) ? v : null);

export function readProblemsState(sp: URLSearchParams): ProblemsState {
  const page = Number(sp.get('page'));
  const size = Number(sp.get('pageSize'));
  const region = sp.get('region');
  return {
    tab: PROBLEM_TABS.find((t) => t === sp.get('tab')) ?? DEFAULT_STATE.tab,
    type: listOf(PROBLEM_TYPES, sp.get('type')),
    severity: listOf(PROBLEM_SEVERITIES, sp.get('severity')),
    state: listOf(PROBLEM_STATES, sp.get('state')),
    level: listOf(LEVELS, sp.get('level')),
    orgId: id(sp.get('orgId')),
    region: region && /^\d{6}$/.test(region) ? region : null,
    projectId: id(sp.get('projectId')),
    q: (sp.get('q') ?? '').trim().slice(0, 100),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : DEFAULT_STATE.pageSize,
  };
}

/** Only what differs from the defaults, so a plain link means "my queue, first page". */
export function toSearchParams(s: ProblemsState): URLSearchParams {
  const sp = new URLSearchParams();
  if (s.tab !== DEFAULT_STATE.tab) sp.set('tab', s.tab);
  for (const key of ['type', 'severity', 'state', 'level'] as const) if (s[key].length) sp.set(key, s[key].join(','));
  for (const key of ['orgId', 'region', 'projectId'] as const) if (s[key]) sp.set(key, s[key]);
  if (s.q) sp.set('q', s.q);
  if (s.page !== 1) sp.set('page', String(s.page));
  if (s.pageSize !== DEFAULT_STATE.pageSize) sp.set('pageSize', String(s.pageSize));
  return sp;
}

/** GET /api/problems parameters for the state. */
export function apiParams(s: ProblemsState): QueryParams {
  return { queue: s.tab, type: s.type, severity: s.severity, state: s.state, level: s.level, orgId: s.orgId, region: s.region, projectId: s.projectId, q: s.q, page: s.page, pageSize: s.pageSize };
}

export const filterCount = (s: ProblemsState) => s.type.length + s.severity.length + s.state.length + s.level.length + [s.orgId, s.region, s.projectId, s.q].filter(Boolean).length;
