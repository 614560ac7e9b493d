/**
 * Investment figures by group as of a date: completion rate (sum over sum), time progress,
 * gap. The same function serves the API, the dashboard and `pacer stats`.
 */
import {
  COMPETITION_TRACKS,
  gapPoints,
  groupFigures,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STATUSES,
  timeProgress,
  toPercent,
  yuanToWan,
  type GroupFigures,
} from '@pacer/domain';
import { and, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryArrays, toNumber, type Db } from '../../db/client.ts';
import { projects } from '../../db/schema.ts';
import type { UserContext } from '../auth/sessions.ts';
import { readScope } from '../projects/scope.ts';
import { campaignOfYear, inCampaign, type CampaignSettings } from '../campaigns/queries.ts';
import { addFigures, groupSums, ROW_NUMBER, type GroupSum } from './grouped.ts';
import { ytdAsOf } from './latest.ts';

export const GROUP_FIELDS = ['region', 'park', 'level', 'category', 'status', 'track', 'hq', 'leader', 'owner'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** One project's figures for the year as of a date. */
export interface ProjectFigures {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  parkCode: string | null;
  parkName: string | null;
  levels: string[];
  category: string;
  status: string;
  track: string | null;
  hqId: string | null;
  hqName: string | null;
  leaderId: string | null;
  leaderName: string | null;
  ownerId: string;
  ownerName: string;
  totalYuan: number;
  planYuan: number | null;
  ytdYuan: number;
}

export interface StatsRow {
  /** Code, vocabulary key or id of the group ('' for the total and for "none"). */
  key: string;
  group: string;
  projects: number;
  planWan: number;
  ytdWan: number;
  completionRate: number | null;
  timeProgress: number;
  gapPoints: number | null;
}

/** Optional narrowing of the projects counted (dashboard filters). */
export interface FigureFilters {
  level?: string[];
  category?: string[];
  /** These projects only (the board's draft brought up to date). */
  projectIds?: readonly string[];
  /** Projects of these regions only (region sums brought up to date). */
  regionCodes?: readonly string[];
}

/**
 * Every project counted, with its figures for the year as of a date, in region and name order.
 * Read as figureArraysQuery() gives them: the board draft reads the same rows with its own
 * column added.
 */
export async function projectFigures(db: Db, user: UserContext | null, year: number, asOf: string, filters: FigureFilters = {}): Promise<ProjectFigures[]> {
  const campaign = await campaignOfYear(db, year);
  const [rows, names] = await Promise.all([
    queryArrays(db, sql`${figureArraysQuery(campaign, user, year, asOf, filters)} order by ${FIGURE_ORDER}`),
    figureNames(db),
  ]);
  return rows.map(figuresFromArray(names));
}

/**
 * One row per project counted: its figures for the year as of a date (the latest submitted or
 * approved report up to the date, read through the latest_reports rollup). Unordered; `extra`
 * adds select-list items (a row number).
 */
export function figuresQuery(campaign: CampaignSettings, user: UserContext | null, year: number, asOf: string, filters: FigureFilters, extra?: SQL): SQL {
  const { ytd, joins, where } = figureParts(campaign, user, year, asOf, filters);
  // No alias for projects: the scope conditions name its columns as "projects"."…". Region and
  // owner are never null (not-null foreign keys), so every join is a left join: the same rows,
  // and PostgreSQL drops the joins a grouping does not read.
  return sql`select projects.id, projects.name, projects.region_code, rg.name as region_name, projects.park_code, pk.name as park_name,
          projects.hq_org_id, projects.leader_person_id, projects.owner_org_id,
          projects.levels, projects.category, projects.status, projects.track,
          hq.name as hq_name, ld.name as leader_name, ow.name as owner_name, projects.total_investment_yuan,
          ap.amount_yuan as plan_yuan, ${ytd} as ytd_yuan${extra ? sql`, ${extra}` : sql``}
        from ${projects}
        left join regions rg on rg.code = projects.region_code
        left join regions pk on pk.code = projects.park_code
        left join organisations hq on hq.id = projects.hq_org_id
        left join people ld on ld.id = projects.leader_person_id
        left join organisations ow on ow.id = projects.owner_org_id
        ${joins}
        where ${where}`;
}

/**
 * figuresQuery()'s projects for a reader of each project's figures (projectFigures(), the
 * office's board), read as arrays (queryArrays) by figuresFromArray(). The names of regions, parks, 指挥部, 联点领导 and
 * owners repeat from project to project (a city: 10 regions and ~200 owners for 1,875
 * projects), so the rows carry codes and ids only and figureNames() reads each name once; levels
 * come as JSON text, each distinct set parsed once. `extra` columns follow FIGURE_ARRAY_WIDTH.
 */
export function figureArraysQuery(campaign: CampaignSettings, user: UserContext | null, year: number, asOf: string, filters: FigureFilters, extra?: SQL): SQL {
  const { ytd, joins, where } = figureParts(campaign, user, year, asOf, filters);
  // In FIGURE_COLUMN's order.
  return sql`select projects.id, projects.name, projects.region_code, projects.park_code, projects.hq_org_id, projects.leader_person_id, projects.owner_org_id,
          array_to_json(projects.levels)::text as levels, projects.category, projects.status, projects.track,
          projects.total_investment_yuan, ap.amount_yuan as plan_yuan, ${ytd} as ytd_yuan${extra ? sql`, ${extra}` : sql``}
        from ${projects} ${joins}
        where ${where}`;
}

/** The order figures are listed in: region, then name (the id makes it total). */
export const FIGURE_ORDER = sql`projects.region_code, projects.name, projects.id`;

/** The ids and region codes of figureArraysQuery()'s projects, in FIGURE_ORDER when `ordered`. */
export function figureKeysQuery(campaign: CampaignSettings, user: UserContext | null, year: number, asOf: string, filters: FigureFilters, ordered: boolean): SQL {
  const where = figureParts(campaign, user, year, asOf, filters).where;
  return sql`select projects.id, projects.region_code from ${projects} where ${where}${ordered ? sql` order by ${FIGURE_ORDER}` : sql``}`;
}

/** Where figureArraysQuery()'s values are in a row. */
const FIGURE_COLUMN = { id: 0, name: 1, regionCode: 2, parkCode: 3, hqId: 4, leaderId: 5, ownerId: 6, levels: 7, category: 8, status: 9, track: 10, totalYuan: 11, planYuan: 12, ytdYuan: 13 } as const;

/** Where the `extra` columns of figureArraysQuery() begin. */
export const FIGURE_ARRAY_WIDTH = 14;

/** The names figuresQuery() joins to its rows: regions and parks by code, organisations and people by id. */
export interface FigureNames {
  regions: Map<string, string>;
  organisations: Map<string, string>;
  people: Map<string, string>;
}

/** Every region, organisation and person by name (a province: ~5,600, against 50,000 projects naming them). */
export async function figureNames(db: Db): Promise<FigureNames> {
  const rows = await queryArrays(
    db,
    sql`select 'r'::text, code, name from regions union all select 'o', id::text, name from organisations union all select 'p', id::text, name from people`,
  );
  const names: FigureNames = { regions: new Map(), organisations: new Map(), people: new Map() };
  const tables = { r: names.regions, o: names.organisations, p: names.people } as Record<string, Map<string, string>>;
  for (const [table, key, name] of rows) tables[table as string]!.set(String(key), String(name));
  return names;
}

/**
 * A reader of figureArraysQuery()'s rows as ProjectFigures, named as figuresQuery() names them:
 * the names looked up (null where its left joins would find none).
 */
export function figuresFromArray(names: FigureNames): (values: readonly unknown[]) => ProjectFigures {
  const levelSets = new Map<string, unknown[]>();
  const levelsOf = (json: unknown): string[] => {
    const text = String(json);
    let set = levelSets.get(text);
    if (!set) levelSets.set(text, (set = JSON.parse(text) as unknown[]));
    // A copy per project, as parseArray() gives.
    return parseArray(set);
  };
  const nameOf = (map: Map<string, string>, key: unknown) => (key === null || key === undefined ? null : (map.get(String(key)) ?? null));
  const C = FIGURE_COLUMN;
  return (v) => ({
    id: String(v[C.id]),
    name: String(v[C.name]),
    regionCode: String(v[C.regionCode]),
    regionName: String(nameOf(names.regions, v[C.regionCode])),
    parkCode: (v[C.parkCode] as string | null) ?? null,
    parkName: nameOf(names.regions, v[C.parkCode]),
    levels: levelsOf(v[C.levels]),
    category: String(v[C.category]),
    status: String(v[C.status]),
    track: (v[C.track] as string | null) ?? null,
    hqId: (v[C.hqId] as string | null) ?? null,
    hqName: nameOf(names.organisations, v[C.hqId]),
    leaderId: (v[C.leaderId] as string | null) ?? null,
    leaderName: nameOf(names.people, v[C.leaderId]),
    ownerId: String(v[C.ownerId]),
    ownerName: String(nameOf(names.organisations, v[C.ownerId])),
    totalYuan: toNumber(v[C.totalYuan]),
    planYuan: v[C.planYuan] === null || v[C.planYuan] === undefined ? null : toNumber(v[C.planYuan]),
    ytdYuan: toNumber(v[C.ytdYuan]),
  });
}

/**
 * figuresQuery()'s rows cut to what sums by region read: region, plan and YTD (the names are
 * joined to the sums). Without the five joins that only name things, the relations left —
 * projects, the campaign's members, plans, the rollup — are planned as one problem; with them
 * there are nine, more than join_collapse_limit (8), and the campaign's semi-join was planned
 * last, over every project. So PostgreSQL merges the members with projects_live_region_idx read
 * alone instead of the projects' heap (province: 2 MB instead of 24 MB).
 */
export function regionFiguresQuery(campaign: CampaignSettings, user: UserContext | null, year: number, asOf: string, filters: FigureFilters): SQL {
  const { ytd, joins, where } = figureParts(campaign, user, year, asOf, filters);
  return sql`select projects.id, projects.region_code, ap.amount_yuan as plan_yuan, ${ytd} as ytd_yuan from ${projects} ${joins} where ${where}`;
}

/** What both figures queries share: the projects counted, their plan and their YTD. */
function figureParts(campaign: CampaignSettings, user: UserContext | null, year: number, asOf: string, filters: FigureFilters): { ytd: SQL; joins: SQL; where: SQL } {
  const where = and(
    isNull(projects.deletedAt),
    user ? readScope(user) : undefined,
    inCampaign(campaign),
    filters.level?.length ? sql`${projects.levels} && array[${sql.join(filters.level.map((l) => sql`${l}`), sql`, `)}]::text[]` : undefined,
    filters.category?.length ? inArray(projects.category, filters.category) : undefined,
    filters.projectIds ? inArray(projects.id, [...filters.projectIds]) : undefined,
    filters.regionCodes ? inArray(projects.regionCode, [...filters.regionCodes]) : undefined,
  );
  const latest = ytdAsOf('lr', sql`projects.id`, year, asOf);
  return {
    ytd: latest.ytd,
    joins: sql`left join project_annual_plans ap on ap.project_id = projects.id and ap.year = ${year}
        ${latest.join}`,
    where: where ?? sql`true`,
  };
}

/** pg returns text[] as an array; some drivers return the '{a,b}' literal. */
function parseArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return [];
}

/** The group(s) a project belongs to for a field; a project with several levels counts in each. */
export interface GroupKey {
  /** Stable key for links and filters: a region code, vocabulary key or id ('' when none). */
  key: string;
  label: string;
}

/** The group(s) a project belongs to for a field; a project with several levels counts in each. */
export function groupsOf(p: ProjectFigures, field: GroupField, label: (field: GroupField, key: string) => string): GroupKey[] {
  const one = (key: string | null, name: string | null, none: string): GroupKey[] => [{ key: key ?? '', label: name ?? none }];
  switch (field) {
    case 'region':
      return one(p.regionCode, p.regionName, '');
    case 'park':
      return one(p.parkCode, p.parkName, '（园区外）');
    case 'level':
      return p.levels.map((l) => ({ key: l, label: label('level', l) }));
    case 'category':
      return one(p.category, label('category', p.category), '');
    case 'status':
      return one(p.status, label('status', p.status), '');
    case 'track':
      return one(p.track, p.track ? label('track', p.track) : null, '（无赛道）');
    case 'hq':
      return one(p.hqId, p.hqName, '（未分指挥部）');
    case 'leader':
      return one(p.leaderId, p.leaderName, '（未定联点领导）');
    case 'owner':
      return one(p.ownerId, p.ownerName, '');
  }
}

function toRow(key: string, group: string, g: GroupFigures, progress: number): StatsRow {
  return {
    key,
    group,
    projects: g.projects,
    planWan: yuanToWan(g.planYuan),
    ytdWan: yuanToWan(g.ytdYuan),
    completionRate: g.completionRate === null ? null : toPercent(g.completionRate),
    timeProgress: toPercent(progress),
    gapPoints: gapPoints(g.completionRate, progress),
  };
}

export interface StatsResult {
  year: number;
  asOf: string;
  groupBy: GroupField;
  rows: StatsRow[];
  total: StatsRow;
}

/** Figures per group and in total (合计 counts each project once). */
export async function computeStats(db: Db, user: UserContext | null, opts: { year: number; asOf: string; groupBy: GroupField; filters?: FigureFilters }): Promise<StatsResult> {
  const campaign = await campaignOfYear(db, opts.year);
  const progress = timeProgress(opts.asOf, opts.year, campaign.timeCurve);
  // The database sums per group (a province's projects never travel to the server); rates,
  // labels and the order of groups follow summarise() exactly.
  const filters = opts.filters ?? {};
  const figures = opts.groupBy === 'region' ? regionFiguresQuery(campaign, user, opts.year, opts.asOf, filters) : figuresQuery(campaign, user, opts.year, opts.asOf, filters, ROW_NUMBER);
  const { groups, total } = await groupSums(db, figures, opts.groupBy);
  return statsFromSums(opts, progress, groups, total);
}

/** The answer from the database's group sums: groups of one label merged, rates and gaps computed. */
export function statsFromSums(opts: { year: number; asOf: string; groupBy: GroupField }, progress: number, groups: readonly GroupSum[], total: GroupFigures): StatsResult {
  const merged = new Map<string, { key: string; figures: GroupFigures }>();
  for (const g of groups) {
    const label = g.label ?? labelOf(opts.groupBy, g.key);
    const seen = merged.get(label);
    merged.set(label, seen ? { key: seen.key, figures: addFigures(seen.figures, g.figures) } : { key: g.key, figures: g.figures });
  }
  const rows = [...merged].map(([label, { key, figures }]) => toRow(key, label, figures, progress));
  return { year: opts.year, asOf: opts.asOf, groupBy: opts.groupBy, rows, total: toRow('', '合计', total, progress) };
}

/** The label summarise() gives a group that SQL returns by key only (vocabulary words). */
function labelOf(field: GroupField, key: string): string {
  if (field === 'track' && key === '') return '（无赛道）';
  return vocabularyLabel(field, key);
}

/** Groups already-loaded project figures (so one load serves several groupings). */
export function summarise(items: ProjectFigures[], opts: { year: number; asOf: string; groupBy: GroupField }, progress: number): StatsResult {
  const groups = new Map<string, { key: GroupKey; list: ProjectFigures[] }>();
  for (const p of items) {
    for (const key of groupsOf(p, opts.groupBy, vocabularyLabel)) {
      const group = groups.get(key.label) ?? { key, list: [] };
      group.list.push(p);
      groups.set(key.label, group);
    }
  }
  const toInput = (p: ProjectFigures) => ({ planYuan: p.planYuan, ytdYuan: p.ytdYuan });
  const rows = [...groups.values()].map(({ key, list }) => toRow(key.key, key.label, groupFigures(list.map(toInput)), progress));
  return { year: opts.year, asOf: opts.asOf, groupBy: opts.groupBy, rows, total: toRow('', '合计', groupFigures(items.map(toInput)), progress) };
}

function vocabularyLabel(field: GroupField, key: string): string {
  const vocab = { level: PROJECT_LEVELS, category: PROJECT_CATEGORIES, status: PROJECT_STATUSES, track: COMPETITION_TRACKS }[field as 'level'];
  return vocab ? vocab.label(key) : key;
}
