/**
 * Two server instances on one database run each scheduled job once. On PostgreSQL (DATABASE_URL
 * set) the instances have their own connection pools, as two processes would; on PGlite there is
 * one process, so they share the database and the same guarantees are checked there too.
 */
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { jobRuns, notifications, organisations, problemEvents, webhookDeliveries } from '../db/schema.ts';
import { seedDemo } from '../seed/demo.ts';
import { DEMO_PASSWORD, freshDatabase, type TestDatabase } from '../../test/harness.ts';
import { fakeClock } from '../../test/problems.ts';
import { startReceiver } from '../../test/receiver.ts';
import { webhookPolicy } from '../modules/notifications/webhook-policy.ts';
import { runDueJobs } from './scheduler.ts';

const clock = fakeClock('2026-11-19T09:00');
let fresh: TestDatabase;
let second: Database;
let apps: FastifyInstance[] = [];
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let problemId: string;
// The test gateway listens on 127.0.0.1, which must be listed to be reachable.
const gateway = webhookPolicy('127.0.0.1');
const run = (d: Database, name: string) => runDueJobs({ db: d.db, now: clock.now, instance: name, dailyAt: '08:30', webhookPolicy: gateway });
const both = () => Promise.all([run(fresh.database, 'instance-1'), run(second, 'instance-2')]);

beforeAll(async () => {
  fresh = await freshDatabase();
  await seedDemo(fresh.database.db, { password: DEMO_PASSWORD, reports: false, boards: 0, today: clock.now() });
  second = fresh.url ? await openDatabase({ databaseUrl: fresh.url }) : fresh.database;
  apps = await Promise.all([fresh.database, second].map(async (database) => (await buildApp({ database, now: clock.now, webhookPolicy: gateway })).app));
  const [a] = apps;
  const login = await a!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
  const cookie = `pacer_session=${login.cookies.find((c) => c.name === 'pacer_session')!.value}`;
  receiver = await startReceiver();
  expect((await a!.inject({ method: 'POST', url: '/api/webhooks', headers: { cookie }, payload: { name: '竞赛办短信网关', url: receiver.url } })).statusCode).toBe(201);
  const raised = await a!.inject({ method: 'POST', url: '/api/problems', headers: { cookie }, payload: { type: 'funds', title: '专项债资金未拨付', description: '第二批专项债资金未到账。' } });
  problemId = raised.json().id;
  const [finance] = await fresh.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, '市财政局'));
  // Served by the other instance: sessions live in the database.
  const assigned = await apps[1]!.inject({
    method: 'POST',
    url: `/api/problems/${problemId}/assign`,
    headers: { cookie },
    payload: { version: 1, leadOrgId: finance!.id, deadline: '2026-11-19' },
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  clock.set('2026-11-20T09:00');
});

afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await receiver?.close();
  if (second && second !== fresh?.database) await second.close();
  await fresh?.drop();
});

describe('scheduled jobs under two instances', () => {
  it('runs each daily job once, whichever instance gets to it', async () => {
    const [a, b] = await both();
    for (const i of [0, 1, 2]) expect([a.daily[i]!.ran, b.daily[i]!.ran].filter(Boolean), a.daily[i]!.runKey).toHaveLength(1);
    expect([a.housekeeping[0]!.ran, b.housekeeping[0]!.ran].filter(Boolean), 'prune-changes').toHaveLength(1);
    const runs = await fresh.database.db.select().from(jobRuns);
    expect(runs.map((r) => r.runKey).sort()).toEqual(['digest:2026-11-20', 'escalate:2026-11-20', 'prune-changes:2026-11-20', 'reminders:2026-11-20']);
    expect(runs.every((r) => r.finishedAt !== null)).toBe(true);
  });

  it('escalated the problem once and notified each person once', async () => {
    const escalations = await fresh.database.db.select().from(problemEvents).where(eq(problemEvents.action, 'escalate'));
    expect(escalations.filter((e) => e.problemId === problemId).map((e) => e.level)).toEqual([2]);
    // The demo's overdue problem too, once: no problem moved up twice in one day.
    expect(new Set(escalations.map((e) => e.problemId)).size).toBe(escalations.length);
    const dup = await fresh.database.db.execute(sql`select user_id, dedupe_key, count(*) from notifications group by 1, 2 having count(*) > 1`);
    expect((dup as unknown as { rows: unknown[] }).rows).toEqual([]);
    const escalated = await fresh.database.db.select().from(notifications).where(eq(notifications.kind, 'escalated'));
    expect(escalated.length).toBeGreaterThan(0);
  });

  it('sent every delivery to the gateway exactly once', async () => {
    const rows = await fresh.database.db.select().from(webhookDeliveries);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
    const ids = receiver.received.map((r) => String(r.headers['x-pacer-delivery']));
    expect(ids.length).toBe(rows.length);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.id)));
  });

  it('does nothing more when both run again the same day', async () => {
    const before = receiver.received.length;
    const [a, b] = await both();
    expect([...a.daily, ...b.daily].some((d) => d.ran)).toBe(false);
    expect(receiver.received.length).toBe(before);
    const escalations = await fresh.database.db.select().from(problemEvents).where(eq(problemEvents.action, 'escalate'));
    expect(new Set(escalations.map((e) => e.problemId)).size).toBe(escalations.length);
  });
});
