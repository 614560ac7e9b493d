/**
 * Bulk inserts for imports: thousands of rows in one statement with a single JSON parameter
 * (jsonb_populate_recordset), which both PGlite and PostgreSQL parse far faster than a
 * statement with tens of thousands of bound parameters, and needs no driver-specific COPY.
 */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from './client.ts';

const CHUNK = 2000;

/** A value as JSON for jsonb_populate_recordset: dates as ISO text, the rest as they are. */
const toJson = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * Inserts rows (drizzle insert shapes) in chunks; columns absent from every row take their
 * defaults. Returns how many rows went in (fewer when `onConflictDoNothing` skipped some).
 */
export async function bulkInsert<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][], opts: { onConflictDoNothing?: boolean } = {}): Promise<number> {
  if (!rows.length) return 0;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(columns).filter((k) => rows.some((r) => (r as Record<string, unknown>)[k] !== undefined));
  const names = sql.raw(keys.map((k) => `"${columns[k]!.name}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  let inserted = 0;
  const pairs = keys.map((k) => [k, columns[k]!.name] as const);
  // One object per row, its keys added in the same order (they share one shape, which JSON.stringify reads fast).
  const record = (r: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, name] of pairs) out[name] = toJson(r[k] ?? null);
    return out;
  };
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK).map((r) => record(r as Record<string, unknown>)));
    const conflict = opts.onConflictDoNothing ? sql` on conflict do nothing` : sql``;
    const result = await queryRows<{ n: unknown }>(
      db,
      sql`with ins as (insert into ${name} (${names}) select ${names} from jsonb_populate_recordset(null::${name}, ${json}::jsonb)${conflict} returning 1) select count(*) as n from ins`,
    );
    inserted += Number(result[0]?.n ?? 0);
  }
  return inserted;
}
