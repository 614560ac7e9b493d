/**
 * Opens the database: PGlite in a local directory by default, a PostgreSQL server when
 * DATABASE_URL is set. Both go through drizzle with the same schema.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data is, for messages: a directory or a server URL without password. */
  location: string;
  close(): Promise<void>;
}

export class DatabaseLockedError extends Error {}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; undefined with no URL means in memory (tests). */
  dataDir?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // No JIT: the figures queries are costed high (a per-project fallback subquery that almost never
  // runs), so PostgreSQL would spend 50–600 ms compiling code for a query that then takes 50 ms.
  const pool = new pg.default.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  // An idle connection that dies (server restart, admin kill, a drop during shutdown) is
  // reported as a pool 'error' event; unheard, that event crashes the process. The pool has
  // already discarded the connection and opens a new one on the next query.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema }) as unknown as Db;
  // The Friday rush's statements (queryRowsPrepared) on connections of their own that always use
  // a prepared statement's generic plan: they look rows up by key, where the generic plan is the
  // custom one, but PostgreSQL's estimate of it is pessimistic enough that it kept re-planning
  // the report read on every call (0.8 → 0.3 ms a call). Other queries keep custom plans.
  const pointPool = new pg.default.Pool({ connectionString: url, max: 10, options: '-c jit=off -c plan_cache_mode=force_generic_plan' });
  pointPool.on('error', () => {});
  pointDbs.set(db, drizzle(pointPool, { schema }) as unknown as Db);
  await pool.query('select 1');
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    close: async () => {
      await Promise.all([pool.end(), pointPool.end()]);
    },
  };
}

/** The generic-plan connections of a PostgreSQL database (see openPostgres). */
const pointDbs = new WeakMap<Db, Db>();

async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release: (() => Promise<void>) | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
  }
  try {
    const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      location: dataDir ?? 'memory',
      close: async () => {
        await client.close();
        await release?.();
      },
    };
  } catch (err) {
    await release?.();
    throw err;
  }
}

/**
 * PGlite has no lock of its own: a second process on the same directory appears to work
 * and its writes vanish. An exclusive lock beside the directory makes the second refuse.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockfile = await import('proper-lockfile');
  const lockPath = `${path.resolve(dataDir)}.lock`;
  try {
    return await lockfile.lock(dataDir, { lockfilePath: lockPath, stale: 15_000, update: 5_000, realpath: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DatabaseLockedError(
        `数据目录 ${dataDir} 正被另一个 Pacer 进程使用（锁文件 ${lockPath}）。` +
          `请先停止那个进程（服务或 pacer 命令）后重试；多个进程共用数据请改用 PostgreSQL（设置 DATABASE_URL）。`,
      );
    }
    throw err;
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/** Runs raw SQL and returns rows; both drivers answer with `.rows`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * queryRows() with each row as the array of its values in select-list order. For reads of every
 * project at once (a city's board): both drivers otherwise build an object per row, keyed by
 * column name. Through the session like queryRows(), so it works on pg, PGlite and in a transaction.
 */
export async function queryArrays(db: Db, query: SQL): Promise<unknown[][]> {
  const { dialect, session } = db as unknown as ArraySession;
  return session.prepareQuery(dialect.sqlToQuery(query), undefined, undefined, true, (rows) => rows).execute();
}

interface ArraySession {
  dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  session: {
    // A result mapper given, drizzle asks the driver for arrays (rowMode 'array') and hands them over as they are.
    prepareQuery(q: { sql: string; params: unknown[] }, fields: undefined, name: undefined, arrayMode: true, mapRows: (rows: unknown[][]) => unknown[][]): { execute(): Promise<unknown[][]> };
  };
}

/**
 * queryRows() for the hot statements of the Friday rush: run as a named prepared statement, so
 * PostgreSQL parses and plans it once per connection instead of every time. The name is the
 * statement's text hashed, so only statements whose text repeats (values are parameters, and the
 * shapes are few) belong here; on PostgreSQL they run on connections that keep the generic plan.
 * PGlite has one connection and ignores the name. Not for use inside a transaction: they run on
 * a connection of their own.
 */
export async function queryRowsPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  return runStatement<T>(db, buildStatement(db, query));
}

/** A statement's text and parameters as built once; parameters may be placeholders filled per call. */
export interface BuiltStatement {
  sql: string;
  params: unknown[];
  /** The prepared statement's name: the text hashed. */
  name: string;
}

interface PreparingSession {
  dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(values?: Record<string, unknown>): Promise<{ rows: unknown[] }> } };
}

/**
 * Builds a statement's text once. Drizzle builds a query anew on every call (for the report
 * write, ~0.2 ms of CPU); a statement written with sql.placeholder() for what varies can be built
 * once and run many times with runStatement(…, values).
 */
export function buildStatement(db: Db, query: SQL): BuiltStatement {
  const built = (db as unknown as PreparingSession).dialect.sqlToQuery(query);
  return { ...built, name: `pacer_${createHash('sha1').update(built.sql).digest('hex').slice(0, 20)}` };
}

/** Runs a built statement as queryRowsPrepared() does, its placeholders filled from `values`. */
export async function runStatement<T>(db: Db, statement: BuiltStatement, values?: Record<string, unknown>): Promise<T[]> {
  const { session } = (pointDbs.get(db) ?? db) as unknown as PreparingSession;
  return (await session.prepareQuery(statement, undefined, statement.name, false).execute(values)).rows as T[];
}

/** int8 comes back as BigInt from PGlite and as string from pg: one number here. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n) && !Number.isFinite(n)) throw new RangeError(`not a number: ${String(value)}`);
  return n;
}

export { sql };
