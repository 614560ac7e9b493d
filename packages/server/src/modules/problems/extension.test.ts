import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemExtensions } from '../../db/schema.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock, ok, orgId, raise, someProject, stepAs } from '../../../test/problems.ts';

// Monday 16 November 2026; the deadline is Wednesday 18th.
const clock = fakeClock('2026-11-16T09:00');
let t: TestApp;
let admin: string, owner: string, ziyuan: string, zhujian: string;
let id: string;
const detail = async (cookie: string) => (await t.call('GET', `/api/problems/${id}`, { cookie })).json();
const jobs = () => runDueJobs({ db: t.database.db, now: clock.now, instance: 'test', dailyAt: '08:30' });
const noticeTitles = async (cookie: string) => ((await t.call('GET', '/api/notifications?pageSize=100', { cookie })).json().items as { title: string; entityId: string }[]).filter((n) => n.entityId === id).map((n) => n.title);

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now() });
  admin = await t.login('admin');
  owner = await t.login('owner');
  ziyuan = await t.login('ziyuan');
  const zhujianOrg = await orgId(t, '市住房和城乡建设局');
  const created = await t.call('POST', '/api/users', { cookie: admin, body: { username: 'zhujian', password: 'Zhujian-2026!', displayName: '市住建局', role: 'department', orgId: zhujianOrg } });
  expect(created.statusCode, created.body).toBe(201);
  zhujian = await t.login('zhujian', 'Zhujian-2026!');
  const project = await someProject(t, owner);
  id = (await raise(t, owner, { projectId: project.id, title: '二期用地报批' })).id;
  await ok(t, admin, id, 'assign', { leadOrgId: await orgId(t, '市自然资源和规划局'), coHandlerOrgIds: [zhujianOrg], deadline: '2026-11-18' });
  await ok(t, ziyuan, id, 'sign');
});
afterAll(async () => t?.close());

describe('申请延期 deadline extension', () => {
  it('only the lead unit may ask, for a later date and with a reason', async () => {
    expect((await detail(ziyuan)).extensionActions).toEqual(['requestExtension']);
    expect((await detail(zhujian)).extensionActions).toEqual([]);
    expect((await stepAs(t, zhujian, id, 'request-extension', { deadline: '2026-11-25', reason: '材料待补' })).statusCode).toBe(403);
    expect((await stepAs(t, owner, id, 'request-extension', { deadline: '2026-11-25', reason: '材料待补' })).statusCode).toBe(403);
    const early = await stepAs(t, ziyuan, id, 'request-extension', { deadline: '2026-11-18', reason: '材料待补' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('新的期限应晚于当前期限（2026-11-18）');
    expect((await stepAs(t, ziyuan, id, 'request-extension', { deadline: '2026-11-25', reason: ' ' })).statusCode).toBe(400);
  });

  it('a request waits for the office without moving the deadline; only one waits at a time', async () => {
    const p = await ok(t, ziyuan, id, 'request-extension', { deadline: '2026-11-25', reason: '省厅要求补充林地材料' });
    expect(p).toMatchObject({ deadline: '2026-11-18', state: 'signed', extensionActions: [], pendingExtension: { previousDeadline: '2026-11-18', requestedDeadline: '2026-11-25', reason: '省厅要求补充林地材料', requestedOrgName: '市自然资源和规划局' } });
    expect(p.events.at(-1)).toMatchObject({ action: 'requestExtension', label: '申请延期', note: '省厅要求补充林地材料', data: { from: '2026-11-18', to: '2026-11-25' } });
    const again = await stepAs(t, ziyuan, id, 'request-extension', { deadline: '2026-11-30', reason: '再延' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已有一份延期申请');
    expect((await detail(admin)).extensionActions).toEqual(['approveExtension', 'refuseExtension']);
    const mine = (await t.call('GET', '/api/problems?queue=mine', { cookie: admin })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(id);
    expect(await noticeTitles(admin)).toContain('申请延期：二期用地报批');
  });

  it('the office refuses with a reason; the deadline stays and the lead hears why', async () => {
    expect((await stepAs(t, ziyuan, id, 'refuse-extension', { reason: '不行' })).statusCode).toBe(403);
    expect((await stepAs(t, admin, id, 'refuse-extension', { reason: '' })).statusCode).toBe(400);
    const stale = await t.call('POST', `/api/problems/${id}/refuse-extension`, { cookie: admin, body: { version: 1, reason: '请按期办结' } });
    expect(stale.statusCode).toBe(409);
    const p = await ok(t, admin, id, 'refuse-extension', { reason: '请按期办结' });
    expect(p).toMatchObject({ deadline: '2026-11-18', pendingExtension: null, extensionActions: [] });
    expect(p.events.at(-1)).toMatchObject({ action: 'refuseExtension', note: '请按期办结' });
    expect(await noticeTitles(ziyuan)).toContain('不同意延期：二期用地报批');
    expect((await stepAs(t, admin, id, 'approve-extension')).statusCode).toBe(409);
  });

  it('the office approves a new request: the deadline moves and the history keeps both dates', async () => {
    clock.set('2026-11-17T10:00');
    await ok(t, ziyuan, id, 'request-extension', { deadline: '2026-11-25', reason: '省厅要求补充林地材料' });
    const p = await ok(t, admin, id, 'approve-extension', { note: '同意，最后一次' });
    expect(p).toMatchObject({ deadline: '2026-11-25', workingDaysLeft: 6, pendingExtension: null, overdue: false });
    expect(p.events.at(-1)).toMatchObject({ action: 'approveExtension', data: { from: '2026-11-18', to: '2026-11-25' }, on: '2026-11-17' });
    const rows = await t.database.db.select({ status: problemExtensions.status }).from(problemExtensions).where(eq(problemExtensions.problemId, id));
    expect(rows.map((r) => r.status).sort()).toEqual(['approved', 'refused']);
  });

  it('escalation counts from the current deadline, not the original one', async () => {
    clock.set('2026-11-20T09:00');
    await jobs();
    expect(await detail(admin)).toMatchObject({ level: 1, overdue: false });
    clock.set('2026-11-23T10:00');
    await ok(t, ziyuan, id, 'progress', { note: '材料已报省厅' });
    clock.set('2026-11-26T09:00');
    await jobs();
    const p = await detail(admin);
    expect(p).toMatchObject({ level: 2, overdue: true });
    expect(p.events.at(-1)).toMatchObject({ action: 'escalate', note: '已超过办理期限（2026-11-25）' });
  });

  it('a request still waiting when the problem closes lapses', async () => {
    await ok(t, ziyuan, id, 'request-extension', { deadline: '2026-12-04', reason: '等待省厅批复' });
    await ok(t, ziyuan, id, 'reply', { note: '批复已下达' });
    await ok(t, admin, id, 'recheck');
    const closed = await ok(t, owner, id, 'confirm');
    expect(closed).toMatchObject({ state: 'closed', pendingExtension: null, extensionActions: [] });
    const rows = await t.database.db.select({ status: problemExtensions.status }).from(problemExtensions).where(eq(problemExtensions.problemId, id));
    expect(rows.map((r) => r.status).sort()).toEqual(['approved', 'lapsed', 'refused']);
  });
});
