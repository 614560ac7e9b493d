/**
 * Reading the change log (changes-schema.ts): which projects changed since a snapshot.
 *
 * Why it misses nothing: a transaction that changed a project added a row with its own id, in
 * the same transaction. A kept answer holds everything visible in the snapshot it was read under
 * (taken before its data, db/snapshot-cache.ts); whatever it does not hold was written by a
 * transaction that snapshot does not see, and that transaction's rows are exactly those with
 * `not pg_visible_in_snapshot(xid, snapshot)` — once it has committed, in any later statement.
 * Such ids are at or above the snapshot's xmin, so the index on xid reads only recent rows. A
 * transaction still in progress now is invisible both to the kept answer and to this read; the
 * next read, from the snapshot taken now (which lists it as in progress), finds it.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.ts';

/** Every project may have changed (a bulk statement, a name, a campaign), or these did. */
export type Changes = { all: true } | { all: false; projectIds: string[] };

export async function changedSince(db: Db, snapshot: string): Promise<Changes> {
  const [row] = await queryRows<{ pruned: boolean; ids: string | null }>(
    db,
    sql`select coalesce((select h.below from project_changes_horizon h), '0'::xid8) > pg_snapshot_xmin(s.s) as pruned,
               (select string_agg(distinct coalesce(c.project_id::text, '*'), ',') from project_changes c
                 where c.xid >= pg_snapshot_xmin(s.s) and not pg_visible_in_snapshot(c.xid, s.s)) as ids
          from (select ${snapshot}::pg_snapshot as s) s`,
  );
  // Rows the snapshot might need were deleted: the log can no longer say.
  if (!row || row.pruned) return { all: true };
  const ids = row.ids ? row.ids.split(',') : [];
  return ids.includes('*') ? { all: true } : { all: false, projectIds: ids };
}

/**
 * The changed projects when there are few enough to bring a kept answer over `counted` projects
 * up to date (under a quarter of them; beyond, computing it whole costs about the same), else
 * null: compute it whole.
 */
export function fewChanged(changes: Changes, counted: number): string[] | null {
  return changes.all || changes.projectIds.length > 0.25 * Math.max(counted, 1) ? null : changes.projectIds;
}

/**
 * Deletes the rows of transactions that ended before every snapshot in progress now, and raises
 * the horizon to match: an answer kept from an older snapshot is then computed afresh once.
 * Returns the rows deleted.
 */
export async function pruneChanges(db: Db): Promise<number> {
  const [row] = await queryRows<{ deleted: number }>(
    db,
    sql`with h as (
          insert into project_changes_horizon (one, below) values (true, pg_snapshot_xmin(pg_current_snapshot()))
          on conflict (one) do update set below = greatest(project_changes_horizon.below, excluded.below)
          returning below),
        d as (delete from project_changes where xid < (select below from h) returning 1)
        select count(*)::int as deleted from d`,
  );
  return Number(row?.deleted ?? 0);
}
