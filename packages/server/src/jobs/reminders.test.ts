import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.ts';
import { fakeClock, ok, orgId, raise, someProject } from '../../test/problems.ts';
import { startReceiver } from '../../test/receiver.ts';
import { webhookDeliveries } from '../db/schema.ts';
import { sign } from '../modules/notifications/deliver.ts';
import { webhookPolicy } from '../modules/notifications/webhook-policy.ts';
import { runDueJobs } from './scheduler.ts';

const clock = fakeClock('2026-11-16T09:00');
let t: TestApp;
let admin: string, huanbao: string, owner: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;
let problemId: string;
// The test gateway listens on 127.0.0.1, which must be listed to be reachable.
const gateway = webhookPolicy('127.0.0.1');
const jobs = () => runDueJobs({ db: t.database.db, now: clock.now, instance: 'test', dailyAt: '08:30', webhookPolicy: gateway });
const mine = async (cookie: string) => (await t.call('GET', '/api/notifications?pageSize=100', { cookie })).json().items as { kind: string; entityId: string | null; title: string; body: string }[];

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now(), webhookPolicy: gateway });
  admin = await t.login('admin');
  // A department the demo's problems leave alone, so every delivery here is this test's.
  const created = await t.call('POST', '/api/users', { cookie: admin, body: { username: 'huanbao', password: 'Huanbao-2026!', displayName: '市生态环境局', role: 'department', orgId: await orgId(t, '市生态环境局') } });
  expect(created.statusCode, created.body).toBe(201);
  huanbao = await t.login('huanbao', 'Huanbao-2026!');
  owner = await t.login('owner');
  // The gateway fails once, then accepts.
  receiver = await startReceiver([500]);
  const hook = await t.call('POST', '/api/webhooks', { cookie: admin, body: { name: '生态环境局短信网关', url: receiver.url, orgId: await orgId(t, '市生态环境局') } });
  expect(hook.statusCode, hook.body).toBe(201);
  secret = hook.json().secret;
  const project = await someProject(t, owner);
  problemId = (await raise(t, owner, { projectId: project.id })).id;
  await ok(t, admin, problemId, 'assign', { leadOrgId: await orgId(t, '市生态环境局'), deadline: '2026-11-18' });
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('reminders, digest and the outbound webhook', () => {
  it('posts a notice to the gateway; a failure is recorded and held for a retry', async () => {
    await jobs();
    // assigned, due soon and the digest: the first of them met the failure.
    expect(receiver.received.map((r) => JSON.parse(r.body).kind).sort()).toEqual(['assigned', 'digest', 'due_soon']);
    const failed = receiver.received[0]!;
    const [row] = await t.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, String(failed.headers['x-pacer-delivery'])));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, log: [{ at: expect.any(String), attempt: 1, status: 500, error: '网关返回 HTTP 500' }] });
    expect(row!.nextAttemptAt.toISOString()).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    await jobs(); // not yet due again
    expect(receiver.received).toHaveLength(3);
  });

  it('reminds the handlers when the deadline is near, once', async () => {
    clock.set('2026-11-17T09:00');
    await jobs();
    expect((await mine(huanbao)).filter((n) => n.entityId === problemId).map((n) => n.kind).sort()).toEqual(['assigned', 'due_soon']);
  });

  it('reminds the handlers and the office when it is overdue', async () => {
    clock.set('2026-11-19T09:00');
    await jobs();
    expect((await mine(huanbao)).some((n) => n.entityId === problemId && n.kind === 'overdue')).toBe(true);
    expect((await mine(admin)).some((n) => n.entityId === problemId && n.kind === 'overdue')).toBe(true);
  });

  it('reminds owners of the missing weekly report the day before the deadline', async () => {
    const project = await someProject(t, owner);
    const n = (await mine(owner)).find((x) => x.kind === 'report_missing' && x.entityId === project.id);
    expect(n?.body).toContain('2026-11-20 17:00');
  });

  it('tells an owner that a report came back, at the next tick', async () => {
    const project = await someProject(t, owner);
    const saved = (await t.call('PUT', '/api/reports', { cookie: owner, body: { projectId: project.id, periodKind: 'week', periodDate: '2026-11-16', ytdYuan: 0, sinceStartYuan: 0, periodYuan: 0 } })).json();
    const submitted = (await t.call('POST', `/api/reports/${saved.id}/submit`, { cookie: owner, body: { version: saved.version } })).json();
    const back = await t.call('POST', `/api/reports/${saved.id}/return`, { cookie: admin, body: { version: submitted.version, reason: '本期完成投资需附照片' } });
    expect(back.statusCode, back.body).toBe(200);
    await jobs();
    await jobs();
    const returned = (await mine(owner)).filter((x) => x.kind === 'report_returned' && x.entityId === saved.id);
    expect(returned).toHaveLength(1);
    expect(returned[0]!.body).toContain('本期完成投资需附照片');
  });

  it('sends each user one digest a day with what waits for them', async () => {
    const q = (await t.call('GET', '/api/problems/queues', { cookie: huanbao })).json();
    const digests = (await mine(huanbao)).filter((n) => n.kind === 'digest');
    expect(digests.map((d) => d.title)).toEqual(['每日提醒（2026-11-19）', '每日提醒（2026-11-17）', '每日提醒（2026-11-16）']);
    expect(digests[0]!.body).toContain(`待我处理 ${q.mine} 件，逾期 ${q.overdue} 件`);
  });

  it('delivered the failed notice on the retry, signed, and only notices to the department\'s people', async () => {
    const rows = await t.database.db.select().from(webhookDeliveries);
    const first = rows.find((r) => r.id === receiver.received[0]!.headers['x-pacer-delivery'])!;
    expect(first).toMatchObject({ status: 'delivered', attempts: 2 });
    expect((first.log as { status: number }[]).map((l) => l.status)).toEqual([500, 200]);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    for (const r of receiver.received) {
      expect(JSON.parse(r.body).recipient.username).toBe('huanbao');
      expect(r.headers['x-pacer-signature']).toBe(sign(secret, String(r.headers['x-pacer-timestamp']), r.body));
    }
    // Each delivery reached the gateway once, apart from the one retried.
    expect(receiver.received.length).toBe(rows.length + 1);
    expect(new Set(receiver.received.map((r) => r.headers['x-pacer-delivery']))).toEqual(new Set(rows.map((d) => d.id)));
  });

  it('shows deliveries with their attempts to the office only', async () => {
    const hooks = (await t.call('GET', '/api/webhooks', { cookie: admin })).json();
    expect(hooks[0].secretHint).toBe(`${secret.slice(0, 4)}…`);
    expect(hooks[0]).not.toHaveProperty('secret');
    const list = (await t.call('GET', `/api/webhooks/${hooks[0].id}/deliveries`, { cookie: admin })).json();
    expect(list.some((d: { attempts: number; status: string }) => d.attempts === 2 && d.status === 'delivered')).toBe(true);
    expect((await t.call('GET', '/api/webhooks', { cookie: huanbao })).statusCode).toBe(403);
  });
});
