/**
 * Group sums in SQL for computeStats: per group the projects, the planned ones, and the sums
 * of plan and YTD (of the planned projects, and of all) — exactly what groupFigures() adds up
 * in TypeScript, so the domain still computes every rate from the same sums.
 */
import { completionRate, type GroupFigures } from '@pacer/domain';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, toNumber, type Db } from '../../db/client.ts';
import type { GroupField } from './service.ts';

/** Row number in projectFigures' order, so groups keep the order in which summarise() meets them. */
export const ROW_NUMBER = sql`row_number() over (order by projects.region_code, projects.name) as rn`;

/**
 * Key and label per field as summarise() sees them; a null label is a vocabulary key the
 * caller names. Region is summed apart (regionSums).
 */
const GROUPING: Record<Exclude<GroupField, 'region'>, { key: SQL; label: SQL; first: SQL; unnest?: boolean }> = {
  park: { key: sql`coalesce(f.park_code, '')`, label: sql`coalesce(f.park_name, '（园区外）')`, first: sql`min(f.rn)` },
  level: { key: sql`lv.level`, label: sql`null::text`, first: sql`min(f.rn * 1000 + lv.ord)`, unnest: true },
  category: { key: sql`f.category`, label: sql`null::text`, first: sql`min(f.rn)` },
  status: { key: sql`f.status`, label: sql`null::text`, first: sql`min(f.rn)` },
  track: { key: sql`coalesce(f.track, '')`, label: sql`null::text`, first: sql`min(f.rn)` },
  hq: { key: sql`coalesce(f.hq_org_id::text, '')`, label: sql`coalesce(f.hq_name, '（未分指挥部）')`, first: sql`min(f.rn)` },
  leader: { key: sql`coalesce(f.leader_person_id::text, '')`, label: sql`coalesce(f.leader_name, '（未定联点领导）')`, first: sql`min(f.rn)` },
  owner: { key: sql`f.owner_org_id::text`, label: sql`f.owner_name`, first: sql`min(f.rn)` },
};

const SUMS = sql`count(*) as projects,
  count(*) filter (where f.plan_yuan > 0) as planned,
  coalesce(sum(f.plan_yuan) filter (where f.plan_yuan > 0), 0) as plan_yuan,
  coalesce(sum(f.ytd_yuan) filter (where f.plan_yuan > 0), 0) as ytd_yuan,
  coalesce(sum(f.ytd_yuan), 0) as ytd_all_yuan`;

export interface GroupSum {
  key: string;
  label: string | null;
  figures: GroupFigures;
}

/**
 * Groups of `figures` (one row per project) in first-seen order, and the total (each project
 * once). For region, `figures` is regionFiguresQuery()'s; for the other fields figuresQuery()'s
 * with ROW_NUMBER.
 */
export async function groupSums(db: Db, figures: SQL, field: GroupField): Promise<{ groups: GroupSum[]; total: GroupFigures }> {
  const rows = field === 'region' ? await planned(db, regionSums(figures), MERGE_JOINS) : await queryRows<Record<string, unknown>>(db, fieldSums(figures, GROUPING[field]));
  return sumsOf(rows);
}

/**
 * Region sums with the ids of each region's projects, in one statement (so one snapshot): the
 * sums kept with the regions they were added up in, to be brought up to date region by region
 * (kept.ts); `figures` must select projects.id too. Over every region the joins merge (see
 * MERGE_JOINS); over some regions each project's plan and rollup row are looked up by key —
 * PostgreSQL's estimate prefers hashing all ~42,000 of them for one region's ~500 projects
 * (province data: 52 ms against ~10 ms), and starting parallel workers for the look-ups.
 */
export async function regionSumsWithIds(db: Db, figures: SQL, over: 'province' | 'some regions'): Promise<{ groups: GroupSum[]; ids: Map<string, string[]> }> {
  const query = sql`with f as (${figures})
    select s.*, rg.name as label from (select f.region_code as key, ${SUMS}, string_agg(f.id::text, ',') as ids from f group by f.region_code) s
    left join regions rg on rg.code = s.key
    order by s.key`;
  const rows = await planned(db, query, over === 'province' ? MERGE_JOINS : KEY_LOOKUPS);
  return {
    groups: rows.map((r) => ({ key: String(r.key), label: r.label === null ? null : String(r.label), figures: figuresOf(r) })),
    ids: new Map(rows.map((r) => [String(r.key), String(r.ids).split(',')])),
  };
}

function sumsOf(rows: Record<string, unknown>[]): { groups: GroupSum[]; total: GroupFigures } {
  const groups = rows.filter((r) => Number(r.part) === 0).map((r) => ({ key: String(r.key), label: r.label === null ? null : String(r.label), figures: figuresOf(r) }));
  const total = rows.find((r) => Number(r.part) === 1);
  return { groups, total: total ? figuresOf(total) : NO_FIGURES };
}

function figuresOf(r: Record<string, unknown>): GroupFigures {
  const planYuan = toNumber(r.plan_yuan);
  const ytdYuan = toNumber(r.ytd_yuan);
  return { projects: toNumber(r.projects), plannedProjects: toNumber(r.planned), planYuan, ytdYuan, ytdAllYuan: toNumber(r.ytd_all_yuan), completionRate: completionRate(ytdYuan, planYuan) };
}

/** The sums of no project (a grouping set over no rows gives no total row). */
export const NO_FIGURES: GroupFigures = { projects: 0, plannedProjects: 0, planYuan: 0, ytdYuan: 0, ytdAllYuan: 0, completionRate: completionRate(0, 0) };

/**
 * Sums by region code, then the ~100 sums named (rather than naming 47,000 rows before summing).
 * Regions first appear in code order in summarise()'s order, so no row number is needed.
 */
function regionSums(figures: SQL): SQL {
  return sql`with f as (${figures})
    select s.*, rg.name as label from (
      select grouping(f.region_code) as part, f.region_code as key, ${SUMS} from f group by grouping sets ((f.region_code), ())
    ) s left join regions rg on rg.code = s.key
    order by s.part, s.key`;
}

/**
 * Planner settings for the region sums, local to the statement's own transaction (so `planned()`
 * is not for use inside one). Over every region, hash joins off: the statement joins projects,
 * campaign membership, plans and the rollup on the project id, and all four can be read in id
 * order from their primary keys, so merging them builds nothing; PostgreSQL's cost model prefers
 * to hash plans and rollup instead — two tables of ~42,000 rows built on every call at province
 * scale, which cost a third more (province data, PostgreSQL backend CPU per call: 80–91 ms hashed,
 * 54 ms merged). Over some regions, key look-ups (see regionSumsWithIds).
 */
const MERGE_JOINS = sql`select set_config('enable_hashjoin', 'off', true)`;
const KEY_LOOKUPS = sql`select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`;

/** Runs `query` in its own transaction after `settings` (local to it). */
async function planned(db: Db, query: SQL, settings: SQL): Promise<Record<string, unknown>[]> {
  return db.transaction(async (tx) => {
    await tx.execute(settings);
    return queryRows<Record<string, unknown>>(tx as unknown as Db, query);
  });
}

function fieldSums(figures: SQL, g: (typeof GROUPING)[keyof typeof GROUPING]): SQL {
  // Levels unnest, so their total (each project once) needs its own pass over the rows; every
  // other field gets groups and total in one pass, which lets PostgreSQL inline the figures
  // query and drop the joins the field does not need.
  if (g.unnest) {
    return sql`with f as materialized (${figures})
      select * from (
        select 0 as part, ${g.key} as key, ${g.label} as label, ${g.first}::text as first_text, ${SUMS}
          from f cross join lateral unnest(f.levels) with ordinality as lv(level, ord) group by 2, 3
        union all
        select 1, '', '合计', null, ${SUMS} from f
      ) t order by part, first_text::bigint`;
  }
  return sql`with f as (${figures})
    select * from (
      select grouping(${g.key}) as part, ${g.key} as key, ${g.label} as label, ${g.first}::text as first_text, ${SUMS}
        from f group by grouping sets ((${g.key}, ${g.label}), ())
    ) t order by part, first_text::bigint`;
}

/** Two groups' figures as one (groups that share a label, as summarise() merges them). */
export function addFigures(a: GroupFigures, b: GroupFigures): GroupFigures {
  const planYuan = a.planYuan + b.planYuan;
  const ytdYuan = a.ytdYuan + b.ytdYuan;
  return { projects: a.projects + b.projects, plannedProjects: a.plannedProjects + b.plannedProjects, planYuan, ytdYuan, ytdAllYuan: a.ytdAllYuan + b.ytdAllYuan, completionRate: completionRate(ytdYuan, planYuan) };
}
