/**
 * Test harness: a real app on a real, fresh database, called through HTTP (inject).
 * Without DATABASE_URL each test file gets an in-memory PGlite; with it, a new database
 * is created on that server for the file and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/demo.ts';
import type { RegisteredRoute } from '../src/http/permission.ts';
import type { ImportLimits } from '../src/modules/imports/limits.ts';
import type { WebhookPolicy } from '../src/modules/notifications/webhook-policy.ts';

export const DEMO_PASSWORD = 'pacer2026';

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL URL of this database, for a second connection (undefined on PGlite). */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database. */
export async function freshDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await migrateDatabase(database);
    return { database, drop: () => database.close() };
  }
  const name = `pacer_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  await migrateDatabase(database);
  return {
    database,
    url: target.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  database: Database;
  /** Signs in and returns the session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** Calls the API as the holder of `cookie` (or anonymously). */
  call(method: string, url: string, opts?: { cookie?: string; body?: unknown }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function testApp(
  opts: { demo?: boolean; reports?: boolean; boards?: number; seedToday?: Date; now?: () => Date; importLimits?: Partial<ImportLimits>; webhookPolicy?: WebhookPolicy } = {},
): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  if (opts.demo !== false) await seedDemo(database.db, { password: DEMO_PASSWORD, reports: opts.reports, boards: opts.boards ?? 0, today: opts.seedToday });
  const { app, routes } = await buildApp({ database, now: opts.now, importLimits: opts.importLimits, webhookPolicy: opts.webhookPolicy });
  await app.ready();
  const call: TestApp['call'] = (method, url, o = {}) =>
    app.inject({
      method: method as never,
      url,
      headers: o.cookie ? { cookie: o.cookie } : {},
      ...(o.body !== undefined ? { payload: o.body as never } : {}),
    });
  return {
    app,
    routes,
    database,
    call,
    async login(username, password = DEMO_PASSWORD) {
      const res = await call('POST', '/api/auth/login', { body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'pacer_session');
      return `pacer_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
