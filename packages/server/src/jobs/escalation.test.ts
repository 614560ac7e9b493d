import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRuns, people, projects, users } from '../db/schema.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { fakeClock, ok, orgId, raise } from '../../test/problems.ts';
import { runDueJobs } from './scheduler.ts';

// Monday 16 November 2026, before and after the daily jobs' time.
const clock = fakeClock('2026-11-16T08:00');
let t: TestApp;
let admin: string, ziyuan: string, leader: string, mayor: string;
let overdueId: string, silentId: string;
const jobs = () => runDueJobs({ db: t.database.db, now: clock.now, instance: 'test', dailyAt: '08:30' });
const levelOf = async (id: string) => (await t.call('GET', `/api/problems/${id}`, { cookie: admin })).json().level as number;
const queue = async (cookie: string, q: string) => ((await t.call('GET', `/api/problems?${q}`, { cookie })).json().items as { id: string }[]).map((p) => p.id);
const notices = async (cookie: string, id: string) => ((await t.call('GET', '/api/notifications?pageSize=100', { cookie })).json().items as { kind: string; entityId: string }[]).filter((n) => n.entityId === id).map((n) => n.kind);

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now() });
  admin = await t.login('admin');
  ziyuan = await t.login('ziyuan');
  leader = await t.login('leader');
  const db = t.database.db;
  const [me] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, 'leader'));
  const [linked] = await db.select({ id: projects.id }).from(projects).where(eq(projects.leaderPersonId, me!.personId!)).limit(1);
  const [principal] = await db.select({ id: people.id }).from(people).where(eq(people.name, '周立新'));
  expect((await t.call('POST', '/api/users', { cookie: admin, body: { username: 'mayor', password: 'Mayor-2026!x', displayName: '周立新', role: 'leader', personId: principal!.id } })).statusCode).toBe(201);
  mayor = await t.login('mayor', 'Mayor-2026!x');
  const rules = (await t.call('GET', '/api/problems/rules', { cookie: admin })).json();
  expect((await t.call('PUT', '/api/problems/rules', { cookie: admin, body: { ...rules, principalPersonIds: [principal!.id] } })).statusCode).toBe(200);

  const lead = await orgId(t, '市自然资源和规划局');
  overdueId = (await raise(t, admin, { projectId: linked!.id, title: '征地补偿款未到位' })).id;
  await ok(t, admin, overdueId, 'assign', { leadOrgId: lead, deadline: '2026-11-18' });
  silentId = (await raise(t, admin, { projectId: linked!.id, title: '施工许可材料补正' })).id;
  await ok(t, admin, silentId, 'assign', { leadOrgId: lead, deadline: '2026-12-31' });
  await ok(t, ziyuan, silentId, 'sign');
});
afterAll(async () => t?.close());

describe('scheduled escalation with a fake clock', () => {
  it('runs nothing before the daily time, then each daily job once per day', async () => {
    expect((await jobs()).daily).toEqual([]);
    clock.set('2026-11-16T09:00');
    expect((await jobs()).daily.map((d) => d.ran)).toEqual([true, true, true]);
    clock.set('2026-11-16T15:00');
    expect((await jobs()).daily.map((d) => d.ran)).toEqual([false, false, false]);
    expect((await t.database.db.select().from(jobRuns)).map((r) => r.runKey).sort()).toEqual(['digest:2026-11-16', 'escalate:2026-11-16', 'prune-changes:2026-11-16', 'reminders:2026-11-16']);
  });

  it('chases an assignment not signed for after a working day', async () => {
    clock.set('2026-11-17T09:00');
    await jobs();
    expect(await notices(ziyuan, overdueId)).not.toContain('chase');
    clock.set('2026-11-18T09:00');
    await jobs();
    expect(await notices(ziyuan, overdueId)).toContain('chase');
    const events = (await t.call('GET', `/api/problems/${overdueId}`, { cookie: admin })).json().events;
    expect(events.at(-1)).toMatchObject({ action: 'chase', userName: '系统', level: 1 });
  });

  it('moves an overdue problem up to the linked leader, then to the principal leaders', async () => {
    await ok(t, ziyuan, overdueId, 'sign');
    expect(await queue(leader, 'queue=mine')).not.toContain(overdueId);
    clock.set('2026-11-19T09:00');
    await jobs();
    expect(await levelOf(overdueId)).toBe(2);
    expect(await notices(leader, overdueId)).toContain('escalated');
    expect(await queue(leader, 'queue=mine')).toContain(overdueId);
    expect(await queue(admin, 'level=2')).toContain(overdueId);
    expect(await queue(mayor, 'queue=mine')).not.toContain(overdueId);

    clock.set('2026-11-20T09:00');
    await jobs();
    expect(await levelOf(overdueId)).toBe(3);
    expect(await notices(mayor, overdueId)).toContain('escalated');
    expect(await queue(mayor, 'queue=mine')).toContain(overdueId);
    const escalations = (await t.call('GET', `/api/problems/${overdueId}`, { cookie: admin })).json().events.filter((e: { action: string }) => e.action === 'escalate');
    expect(escalations.map((e: { level: number; on: string; note: string }) => [e.level, e.on, e.note])).toEqual([
      [2, '2026-11-19', '已超过办理期限（2026-11-18）'],
      [3, '2026-11-20', '已超过办理期限（2026-11-18）'],
    ]);
  });

  it('does not run on a weekend, and moves a silent problem up after five working days', async () => {
    clock.set('2026-11-21T10:00');
    expect((await jobs()).daily).toEqual([]);
    expect(await levelOf(silentId)).toBe(1);
    clock.set('2026-11-23T09:00');
    await jobs();
    expect(await levelOf(silentId)).toBe(2);
    const last = (await t.call('GET', `/api/problems/${silentId}`, { cookie: admin })).json().events.at(-1);
    expect(last.note).toBe('已连续 5 个工作日无人办理');
    expect(await levelOf(overdueId)).toBe(3);
  });

  it('counts the queues per level', async () => {
    const q = (await t.call('GET', '/api/problems/queues', { cookie: admin })).json();
    expect(q.byLevel['3']).toBeGreaterThanOrEqual(1);
    expect(q.overdue).toBeGreaterThanOrEqual(1);
  });
});
