/**
 * 进度填报's state in the URL: tab, period, state filter, keyword and grouping, so a
 * reviewer can send "last week's submitted reports" as a link. Unknown values are dropped.
 */
import { periodOf, type PeriodKind } from '@pacer/domain';
import { isIsoDate } from '../../shared/periods.ts';
import { REPORT_STATES, type ReportState } from './types.ts';

export const REPORT_TABS = ['list', 'review', 'compliance'] as const;
export type ReportsTab = (typeof REPORT_TABS)[number];

export interface ReportsState {
  tab: ReportsTab;
  kind: PeriodKind;
  /** Any day of the period; the current period when the URL has none. */
  date: string;
  state: ReportState | null;
  q: string;
  groupBy: 'owner' | 'region';
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => list.find((x) => x === v);

export function readReportsState(sp: URLSearchParams, today: string): ReportsState {
  const date = sp.get('date');
  return {
    tab: oneOf(REPORT_TABS, sp.get('tab')) ?? 'list',
    kind: sp.get('kind') === 'month' ? 'month' : 'week',
    date: isIsoDate(date) ? date : today,
    state: oneOf(REPORT_STATES, sp.get('state')) ?? null,
    q: (sp.get('q') ?? '').trim().slice(0, 50),
    groupBy: sp.get('groupBy') === 'region' ? 'region' : 'owner',
  };
}

/** Defaults are left out, and a date inside the current period too, so the link keeps meaning "now". */
export function toSearchParams(s: ReportsState, today: string): URLSearchParams {
  const sp = new URLSearchParams();
  if (s.tab !== 'list') sp.set('tab', s.tab);
  if (s.kind !== 'week') sp.set('kind', s.kind);
  const start = periodOf(s.kind, s.date).start;
  if (start !== periodOf(s.kind, today).start) sp.set('date', start);
  if (s.state) sp.set('state', s.state);
  if (s.q) sp.set('q', s.q);
  if (s.groupBy !== 'owner') sp.set('groupBy', s.groupBy);
  return sp;
}
