/**
 * /api/stats as JSON, kept by each instance for as long as the database has not changed
 * (db/snapshot-cache.ts says why a kept answer is never stale).
 *
 * The rest of the answer's input is in the key: year, date and grouping as resolved (a request
 * without a date asks for today's, so a new day is a new key), and the caller's data scope as the
 * SQL condition it adds — not the user: two users with the same scope read the same figures, and
 * users with different scopes never share an answer.
 */
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { SnapshotCache } from '../../db/snapshot-cache.ts';
import type { UserContext } from '../auth/sessions.ts';
import { readScope } from '../projects/scope.ts';
import { statsResponse } from './schema.ts';
import { computeStats, type GroupField } from './service.ts';

/** Answers kept per database; by owner a province's answer is ~1 MB, by region ~20 KB. */
const answers = new SnapshotCache<Buffer>({ maxEntries: 64, maxBytes: 16 * 1024 * 1024, sizeOf: (json) => json.length });

const dialect = new PgDialect();

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

/** The read scope's condition as SQL text and values ('' for every project). */
export function scopeKey(user: UserContext): string {
  const scope = readScope(user);
  if (!scope) return '';
  const { sql, params } = dialect.sqlToQuery(scope);
  return JSON.stringify([sql, params]);
}
