/**
 * /api/stats as JSON, kept by each instance for as long as the database has not changed
 * (db/snapshot-cache.ts says why a kept answer is never stale).
 *
 * The rest of the answer's input is in the key: year, date and grouping as resolved (a request
 * without a date asks for today's, so a new day is a new key), and the caller's data scope as
 * scopeTemplate() gives it (role, and the organisation and region the condition names) — not the
 * user: users of one role and unit read the same figures, and different scopes never share one.
 */
import type { Db } from '../../db/client.ts';
import { SnapshotCache } from '../../db/snapshot-cache.ts';
import type { UserContext } from '../auth/sessions.ts';
import { scopeTemplate } from '../projects/scope.ts';
import { statsResponse } from './schema.ts';
import { computeStats, type GroupField } from './service.ts';

/** Answers kept per database; by owner a province's answer is ~1 MB, by region ~20 KB. */
const answers = new SnapshotCache<Buffer>({ maxEntries: 64, maxBytes: 16 * 1024 * 1024, sizeOf: (json) => json.length });

export interface StatsJson {
  json: Buffer;
  /** Served from this instance's copy rather than computed. */
  cached: boolean;
}

/**
 * computeStats() as JSON, computed again whenever the database has changed: parsed by the route's
 * response schema and written as the route's serializer would (it does not see a Buffer).
 */
export async function statsJson(db: Db, user: UserContext, opts: { year: number; asOf: string; groupBy: GroupField }): Promise<StatsJson> {
  const key = JSON.stringify([opts.year, opts.asOf, opts.groupBy, scopeKey(user)]);
  const { value, kept } = await answers.get(db, key, async () => Buffer.from(JSON.stringify(statsResponse.parse(await computeStats(db, user, opts)))));
  return { json: value, cached: kept };
}

/** The read scope's shape and values: equal exactly when the scope's condition is the same. */
export function scopeKey(user: UserContext): string {
  const { shape, values } = scopeTemplate(user, 'read');
  return JSON.stringify([shape, values.scopeOrg, values.scopeRegion]);
}
