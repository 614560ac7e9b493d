/**
 * Answers kept by each instance for as long as the database has not changed (the board's draft,
 * the figures by group).
 *
 * Why it can never serve a stale answer: the key is PostgreSQL's own MVCC snapshot
 * (`pg_current_snapshot()`: xmin, xmax and the transaction ids in progress), taken before any of
 * the answer's data is read. Every write — a report, a milestone, an adjustment, a project edit, an
 * import, a publication, whatever instance or tool makes it — runs in a transaction with an id,
 * and when that transaction ends the snapshots taken afterwards differ from every snapshot taken
 * before: either its id was in progress (listed) and no longer is, or it started later, so its id
 * is at or above the earlier xmax and the later xmax has moved past it. Equal snapshots therefore
 * mean that no transaction with an id committed in between: the database reads exactly the same.
 * The answer is computed from statements that all start after its key was taken, so it holds at
 * least everything committed before the key; a request whose snapshot equals that key started
 * before anything newer committed, and a request that starts after a commit gets a new key and a
 * new answer. Snapshots are the server's, shared by every connection and instance on it (read
 * replicas would need their own reasoning: the app reads the primary only).
 *
 * Everything else the answer depends on is the caller's to name: the request's parameters, the
 * caller's data scope and the dates it resolved go into `key`; an input that can change while
 * nothing is written (the clock passing a deadline read from the database) is checked by `fresh`.
 *
 * Writes anywhere in the database change the snapshot, so under a stream of report submissions it
 * seldom hits; it serves repeated views while nothing changes. Sessions extended once a minute
 * count as writes.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.ts';

export interface SnapshotCacheOptions<V> {
  /** Answers kept per database (one per key), least recently used dropped first. */
  maxEntries: number;
  /** Their size in all, as `sizeOf` counts it. */
  maxBytes: number;
  sizeOf(value: V): number;
}

export interface Kept<V> {
  value: V;
  /** Served from this instance's copy rather than computed. */
  kept: boolean;
  /** Brought up to date from this instance's copy (`update`) rather than computed whole. */
  updated: boolean;
}

/**
 * The answer brought up to date from one computed under an earlier snapshot (`since`), or null
 * when it cannot be (then it is computed whole). It must hold everything visible in the snapshot
 * of the request, as compute() would: db/changes.ts says which projects changed since `since`.
 */
export type Update<V> = (previous: V, since: string) => Promise<V | null>;

interface Entry<V> {
  snapshot: string;
  value: V;
}

interface Store<V> {
  /** The latest answer of each key, least recently used first. */
  entries: Map<string, Entry<V>>;
  /** Answers being computed, by key and snapshot: simultaneous requests share one computation. */
  pending: Map<string, Promise<Answer<V>>>;
}

export class SnapshotCache<V> {
  private readonly stores = new WeakMap<Db, Store<V>>();

  constructor(private readonly options: SnapshotCacheOptions<V>) {}

  /**
   * The answer for `key`: the kept one while the database's snapshot is the one it was computed
   * under (and `fresh` accepts it), otherwise `compute()`'s, which is then kept.
   */
  async get(db: Db, key: string, compute: () => Promise<V>, fresh: (value: V) => boolean = () => true, update?: Update<V>): Promise<Kept<V>> {
    const store = this.storeOf(db);
    const snapshot = await currentSnapshot(db);
    const hit = store.entries.get(key);
    if (hit && hit.snapshot === snapshot && fresh(hit.value)) {
      store.entries.delete(key); // most recently used last
      store.entries.set(key, hit);
      return { value: hit.value, kept: true, updated: false };
    }
    const at = `${key}\u0000${snapshot}`;
    let pending = store.pending.get(at);
    const joined = pending !== undefined;
    if (!pending) {
      pending = answer(hit, compute, update).finally(() => store.pending.delete(at));
      store.pending.set(at, pending);
    }
    let { value, updated } = await pending;
    // A computation shared with a request whose clock stood elsewhere: this one's own.
    if (joined && !fresh(value)) [value, updated] = [await compute(), false];
    this.keep(store, key, { snapshot, value });
    return { value, kept: false, updated };
  }

  private keep(store: Store<V>, key: string, entry: Entry<V>): void {
    store.entries.delete(key);
    store.entries.set(key, entry);
    let bytes = 0;
    for (const e of store.entries.values()) bytes += this.options.sizeOf(e.value);
    for (const [k, e] of store.entries) {
      if (store.entries.size <= this.options.maxEntries && bytes <= this.options.maxBytes) break;
      store.entries.delete(k);
      bytes -= this.options.sizeOf(e.value);
    }
  }

  private storeOf(db: Db): Store<V> {
    let store = this.stores.get(db);
    if (!store) this.stores.set(db, (store = { entries: new Map(), pending: new Map() }));
    return store;
  }
}

interface Answer<V> {
  value: V;
  updated: boolean;
}

/** The previous answer brought up to date when it can be, else one computed whole. */
async function answer<V>(previous: Entry<V> | undefined, compute: () => Promise<V>, update: Update<V> | undefined): Promise<Answer<V>> {
  const value = previous && update ? await update(previous.value, previous.snapshot) : null;
  return value ? { value, updated: true } : { value: await compute(), updated: false };
}

async function currentSnapshot(db: Db): Promise<string> {
  const [row] = await queryRows<{ snapshot: string }>(db, sql`select pg_current_snapshot()::text as snapshot`);
  return row!.snapshot;
}
