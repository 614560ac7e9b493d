/**
 * The office's draft as JSON, kept by each instance for as long as the database has not changed.
 *
 * Why it can never serve a stale draft: the key is PostgreSQL's own MVCC snapshot
 * (`pg_current_snapshot()`: xmin, xmax and the transaction ids in progress), taken before any of
 * the draft's data is read. Every write — a report, a milestone, an adjustment, a project edit, an
 * import, a publication, whatever instance or tool makes it — runs in a transaction with an id,
 * and when that transaction ends the snapshots taken afterwards differ from every snapshot taken
 * before: either its id was in progress (listed) and no longer is, or it started later, so its id
 * is at or above the earlier xmax and the later xmax has moved past it. Equal snapshots therefore
 * mean that no transaction with an id committed in between: the database reads exactly the same.
 * The draft is computed from statements that all start after its key was taken, so it holds at
 * least everything committed before the key; a request whose snapshot equals that key started
 * before anything newer committed, and a request that starts after a commit gets a new key and a
 * new draft. Snapshots are the server's, shared by every connection and instance on it (read
 * replicas would need their own reasoning: the app reads the primary only).
 *
 * The rest of the input is the week (part of the key) and the clock: whether this week's reports
 * are due yet. The entry keeps the deadline it was computed against (a database value, so fixed
 * for its snapshot) and is used only while the clock is on the same side of it.
 *
 * Writes anywhere in the database change the snapshot, so under a stream of report submissions it
 * seldom hits; it serves the office's repeated views (paging back to the page, several people
 * grading the same week) while nothing changes. Sessions extended once a minute count as writes.
 */
import { beijingLocal, periodOf } from '@pacer/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { draftBoard, presentDraft } from './service.ts';

interface Entry {
  snapshot: string;
  /** Beijing local 'YYYY-MM-DDTHH:mm' after which this week's missing reports count. */
  deadline: string;
  due: boolean;
  /** The draft's JSON as UTF-8, sent as it is. */
  json: Buffer;
}

/** Weeks kept per database, and their JSON in all (a whole province's draft is ~25 MB). */
const MAX_WEEKS = 4;
const MAX_BYTES = 32 * 1024 * 1024;

interface DraftCache {
  /** Latest draft of each week, least recently used first. */
  weeks: Map<string, Entry>;
  /** Drafts being computed, by week and snapshot: simultaneous requests share one computation. */
  pending: Map<string, Promise<Entry>>;
}

const caches = new WeakMap<Db, DraftCache>();

export interface DraftJson {
  json: Buffer;
  /** Served from this instance's copy rather than computed. */
  cached: boolean;
}

/** presentDraft(draftBoard(…)) as JSON, computed again whenever the database has changed. */
export async function draftJson(db: Db, weekDate: string, now = new Date()): Promise<DraftJson> {
  const week = periodOf('week', weekDate).start;
  const cache = cacheOf(db);
  const snapshot = await currentSnapshot(db);
  const clock = beijingLocal(now);
  const hit = cache.weeks.get(week);
  if (hit && hit.snapshot === snapshot && (clock > hit.deadline) === hit.due) {
    cache.weeks.delete(week); // most recently used last
    cache.weeks.set(week, hit);
    return { json: hit.json, cached: true };
  }
  const key = `${week} ${snapshot} ${clock}`;
  let pending = cache.pending.get(key);
  if (!pending) {
    pending = compute(db, week, snapshot, now).finally(() => cache.pending.delete(key));
    cache.pending.set(key, pending);
  }
  const entry = await pending;
  keep(cache, week, entry);
  return { json: entry.json, cached: false };
}

async function compute(db: Db, week: string, snapshot: string, now: Date): Promise<Entry> {
  const draft = await draftBoard(db, week, now);
  return { snapshot, deadline: draft.deadline, due: beijingLocal(now) > draft.deadline, json: utf8Json(presentDraft(draft)) };
}

/**
 * JSON.stringify(draft) as UTF-8, written line by line: the same bytes without the one string of
 * the whole draft (2.4 MB for a city: its names make it two bytes a character), which cost as
 * much again to encode and to collect as the lines themselves.
 */
export function utf8Json(draft: ReturnType<typeof presentDraft>): Buffer {
  const { lines, ...head } = draft;
  let buf = Buffer.allocUnsafe(512 * (lines.length + 1));
  let at = 0;
  const put = (text: string) => {
    if (at + text.length * 3 > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(at + text.length * 3, buf.length * 2));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    at += buf.write(text, at);
  };
  put(`${JSON.stringify(head).slice(0, -1)},"lines":[`);
  lines.forEach((line, i) => put(i ? `,${JSON.stringify(line)}` : JSON.stringify(line)));
  put(']}');
  // Kept for a while: not in a buffer much larger than the text.
  return at < buf.length * 0.75 ? Buffer.from(buf.subarray(0, at)) : buf.subarray(0, at);
}

function keep(cache: DraftCache, week: string, entry: Entry): void {
  cache.weeks.delete(week);
  cache.weeks.set(week, entry);
  let bytes = 0;
  for (const e of cache.weeks.values()) bytes += e.json.length;
  for (const [w, e] of cache.weeks) {
    if (cache.weeks.size <= MAX_WEEKS && bytes <= MAX_BYTES) break;
    cache.weeks.delete(w);
    bytes -= e.json.length;
  }
}

function cacheOf(db: Db): DraftCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { weeks: new Map(), pending: new Map() }));
  return cache;
}

async function currentSnapshot(db: Db): Promise<string> {
  const [row] = await queryRows<{ snapshot: string }>(db, sql`select pg_current_snapshot()::text as snapshot`);
  return row!.snapshot;
}
