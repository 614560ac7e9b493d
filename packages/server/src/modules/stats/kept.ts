/**
 * /api/stats as JSON, kept by each instance for as long as the database has not changed
 * (db/snapshot-cache.ts says why a kept answer is never stale); sums by region are kept with the
 * region of each project they were added up in, and brought up to date after a change: the
 * regions of the projects the change log names (db/changes.ts), where they were and where they
 * are now, are summed again and the rest kept.
 *
 * The rest of the answer's input is in the key: year, date and grouping as resolved (a request
 * without a date asks for today's, so a new day is a new key), and the caller's data scope as
 * scopeTemplate() gives it (role, and the organisation and region the condition names) — not the
 * user: users of one role and unit read the same figures, and different scopes never share one.
 */
import { timeProgress, type GroupFigures } from '@pacer/domain';
import { changedSince, fewChanged } from '../../db/changes.ts';
import { queryArrays, type Db } from '../../db/client.ts';
import { SnapshotCache } from '../../db/snapshot-cache.ts';
import type { UserContext } from '../auth/sessions.ts';
import { campaignOfYear, type CampaignSettings } from '../campaigns/queries.ts';
import { scopeTemplate } from '../projects/scope.ts';
import { addFigures, NO_FIGURES, regionSumsWithIds, type GroupSum } from './grouped.ts';
import { statsResponse } from './schema.ts';
import { computeStats, figureKeysQuery, regionFiguresQuery, statsFromSums, type GroupField, type StatsResult } from './service.ts';

interface Entry {
  json: Buffer;
  /** Region sums only: what bringing them up to date needs. */
  regions?: RegionSums;
}

interface RegionSums {
  campaign: CampaignSettings;
  progress: number;
  /** By region code, in code order (as the statement orders them). */
  groups: Map<string, GroupSum>;
  /** The projects summed in each region (each set replaced whole, never changed: answers share them). */
  members: Map<string, ReadonlySet<string>>;
  /** Projects counted in all. */
  projects: number;
}

/** Answers kept per database; by owner a province's answer is ~1 MB, by region ~20 KB (and ~3 MB of regions by project). */
const answers = new SnapshotCache<Entry>({ maxEntries: 64, maxBytes: 32 * 1024 * 1024, sizeOf: (e) => e.json.length + 64 * (e.regions?.projects ?? 0) });

export interface StatsJson {
  json: Buffer;
  /** Served from this instance's copy rather than computed. */
  cached: boolean;
  /** Brought up to date from this instance's copy rather than computed whole. */
  updated: boolean;
}

type Options = { year: number; asOf: string; groupBy: GroupField };

/**
 * computeStats() as JSON, brought up to date or computed again whenever the database has
 * changed: parsed by the route's response schema and written as the route's serializer would (it
 * does not see a Buffer).
 */
export async function statsJson(db: Db, user: UserContext, opts: Options): Promise<StatsJson> {
  const key = JSON.stringify([opts.year, opts.asOf, opts.groupBy, scopeKey(user)]);
  const byRegion = opts.groupBy === 'region';
  const { value, kept, updated } = await answers.get(
    db,
    key,
    async () => (byRegion ? regionEntry(db, user, opts) : { json: toJson(await computeStats(db, user, opts)) }),
    undefined,
    byRegion ? (e, since) => updateRegions(db, user, opts, e.regions!, since) : undefined,
  );
  return { json: value.json, cached: kept, updated };
}

/** The read scope's shape and values: equal exactly when the scope's condition is the same. */
export function scopeKey(user: UserContext): string {
  const { shape, values } = scopeTemplate(user, 'read');
  return JSON.stringify([shape, values.scopeOrg, values.scopeRegion]);
}

const toJson = (stats: StatsResult) => Buffer.from(JSON.stringify(statsResponse.parse(stats)));

/** computeStats() by region, with the projects summed in each region. */
async function regionEntry(db: Db, user: UserContext, opts: Options): Promise<Entry> {
  const campaign = await campaignOfYear(db, opts.year);
  const progress = timeProgress(opts.asOf, opts.year, campaign.timeCurve);
  const { groups, ids } = await regionSumsWithIds(db, regionFiguresQuery(campaign, user, opts.year, opts.asOf, {}), 'province');
  const regions: RegionSums = { campaign, progress, groups: new Map(), members: new Map(), projects: 0 };
  return entryOf(opts, withRegions(regions, [], groups, ids));
}

/**
 * The sums with the regions of the changed projects — where they were summed and where they
 * are now — summed again, or null when the change log cannot say which projects changed.
 */
async function updateRegions(db: Db, user: UserContext, opts: Options, kept: RegionSums, since: string): Promise<Entry | null> {
  const changed = fewChanged(await changedSince(db, since), kept.projects);
  if (!changed) return null;
  if (!changed.length) return entryOf(opts, kept);
  const { campaign } = kept;
  // Where the changed projects were summed, and where those still counted are now. One that moves
  // again before the sums below are read is in the next change set.
  const regions = new Set<string>();
  for (const [code, members] of kept.members) if (changed.some((id) => members.has(id))) regions.add(code);
  for (const [, region] of await queryArrays(db, figureKeysQuery(campaign, user, opts.year, opts.asOf, { projectIds: changed }, false))) regions.add(String(region));
  // Projects this answer does not count, before or now (another scope, outside the campaign).
  if (!regions.size) return entryOf(opts, kept);
  const { groups, ids } = await regionSumsWithIds(db, regionFiguresQuery(campaign, user, opts.year, opts.asOf, { regionCodes: [...regions] }), 'some regions');
  return entryOf(opts, withRegions(kept, [...regions], groups, ids));
}

/** `kept` with the regions named summed again as `groups` and `ids` (a region with no project counted any more has neither). */
function withRegions(kept: RegionSums, summedAgain: string[], groups: GroupSum[], ids: Map<string, string[]>): RegionSums {
  const byCode = new Map(kept.groups);
  const members = new Map(kept.members);
  for (const code of summedAgain) {
    byCode.delete(code);
    members.delete(code);
  }
  for (const g of groups) byCode.set(g.key, g);
  for (const [code, list] of ids) members.set(code, new Set(list));
  let projects = 0;
  for (const set of members.values()) projects += set.size;
  return { ...kept, groups: new Map([...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), members, projects };
}

function entryOf(opts: Options, regions: RegionSums): Entry {
  const groups = [...regions.groups.values()];
  // Each project is in one region: the total is the regions' sum.
  const total = groups.reduce<GroupFigures>((sum, g) => addFigures(sum, g.figures), NO_FIGURES);
  return { json: toJson(statsFromSums(opts, regions.progress, groups, total)), regions };
}
