import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock, ok, orgId, raise, someProject, stepAs, uploadPhoto } from '../../../test/problems.ts';

// Tuesday before the National Day week: five working days end on Monday 12 October.
const clock = fakeClock('2026-09-29T09:00');
let t: TestApp;
let admin: string, owner: string, owner2: string, ziyuan: string, zhujian: string;
let ziyuanOrg: string, zhujianOrg: string;

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now() });
  admin = await t.login('admin');
  owner = await t.login('owner');
  owner2 = await t.login('owner2');
  ziyuan = await t.login('ziyuan');
  ziyuanOrg = await orgId(t, '市自然资源和规划局');
  zhujianOrg = await orgId(t, '市住房和城乡建设局');
  const res = await t.call('POST', '/api/users', { cookie: admin, body: { username: 'zhujian', password: 'Zhujian-2026!', displayName: '市住建局', role: 'department', orgId: zhujianOrg } });
  expect(res.statusCode, res.body).toBe(201);
  zhujian = await t.login('zhujian', 'Zhujian-2026!');
});
afterAll(async () => t?.close());

describe('问题 lifecycle through the API', () => {
  let id: string;

  it('an owner raises a problem on its own project; others cannot see it', async () => {
    const project = await someProject(t, owner);
    const p = await raise(t, owner, { projectId: project.id, severity: 'major' });
    id = p.id;
    expect(p).toMatchObject({ state: 'raised', level: 1, source: 'owner', projectName: project.name, allowedActions: [] });
    expect(p.events.map((e: { action: string }) => e.action)).toEqual(['raise']);
    expect((await t.call('GET', `/api/problems/${id}`, { cookie: owner2 })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/problems/${id}`, { cookie: ziyuan })).statusCode).toBe(404);
    const mine = (await t.call('GET', '/api/problems?queue=mine', { cookie: admin })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('filters the list by severity', async () => {
    const major = (await t.call('GET', '/api/problems?severity=major&pageSize=200', { cookie: admin })).json();
    expect(major.items.map((x: { id: string }) => x.id)).toContain(id);
    expect(major.items.every((x: { severity: string }) => x.severity === 'major')).toBe(true);
    const other = (await t.call('GET', '/api/problems?severity=urgent,normal&pageSize=200', { cookie: admin })).json();
    expect(other.items.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('the office assigns it; the deadline counts working days over the National Day holiday', async () => {
    const p = await ok(t, admin, id, 'assign', { leadOrgId: ziyuanOrg, coHandlerOrgIds: [zhujianOrg, ziyuanOrg] });
    expect(p).toMatchObject({ state: 'assigned', deadline: '2026-10-12', workingDaysLeft: 5, lead: { id: ziyuanOrg }, coHandlers: [{ id: zhujianOrg }] });
    const notes = (await t.call('GET', '/api/notifications?unread=true', { cookie: ziyuan })).json();
    expect(notes.items.find((n: { entityId: string }) => n.entityId === id)).toMatchObject({ kind: 'assigned' });
  });

  it('refuses to assign twice and refuses a stale version', async () => {
    expect((await stepAs(t, admin, id, 'assign', { leadOrgId: ziyuanOrg })).statusCode).toBe(409);
    const stale = await t.call('POST', `/api/problems/${id}/sign`, { cookie: ziyuan, body: { version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('第 1 版');
  });

  it('only the lead signs for it; then handlers send progress and the lead replies with evidence', async () => {
    expect((await stepAs(t, zhujian, id, 'sign')).statusCode).toBe(403);
    clock.set('2026-09-30T10:00');
    expect(await ok(t, ziyuan, id, 'sign')).toMatchObject({ state: 'signed', signedOn: '2026-09-30' });
    expect((await stepAs(t, zhujian, id, 'progress', { note: '' })).statusCode).toBe(400);
    await ok(t, zhujian, id, 'progress', { note: '已与省厅对接，材料补充中' });
    const photo = await uploadPhoto(t, ziyuan, id);
    expect(photo.statusCode, photo.body).toBe(201);
    clock.set('2026-10-09T15:00');
    const p = await ok(t, ziyuan, id, 'reply', { note: '用地批复已下达', photoIds: [photo.json().id] });
    expect(p.state).toBe('replied');
    expect(p.events.at(-1)).toMatchObject({ action: 'reply', userName: '市自然资源和规划局', photoIds: [photo.json().id], on: '2026-10-09' });
    expect((await stepAs(t, ziyuan, id, 'reply', { note: '再答一次', photoIds: [photo.json().id] })).statusCode).toBe(400);
  });

  it('the office sends it back with a reason, then passes the re-check', async () => {
    expect((await stepAs(t, admin, id, 'send-back', { reason: '' })).statusCode).toBe(400);
    expect((await ok(t, admin, id, 'send-back', { reason: '批复文号未附' })).state).toBe('signed');
    await ok(t, ziyuan, id, 'reply', { note: '已补充批复文号' });
    expect((await ok(t, admin, id, 'recheck')).state).toBe('reviewed');
    const notes = (await t.call('GET', '/api/notifications', { cookie: owner })).json();
    expect(notes.items.some((n: { title: string; entityId: string }) => n.entityId === id && n.title.startsWith('请确认销号'))).toBe(true);
  });

  it('the raiser reopens it; after another round the raiser confirms and it is closed', async () => {
    expect((await stepAs(t, ziyuan, id, 'confirm')).statusCode).toBe(403);
    expect((await stepAs(t, owner2, id, 'confirm')).statusCode).toBe(404);
    expect((await ok(t, owner, id, 'reopen', { reason: '现场仍未供地' })).state).toBe('signed');
    clock.set('2026-10-13T09:00');
    await ok(t, ziyuan, id, 'reply', { note: '已完成供地' });
    await ok(t, admin, id, 'recheck');
    const closed = await ok(t, owner, id, 'confirm', { note: '确认解决' });
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2026-10-13', allowedActions: [] });
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual(['raise', 'assign', 'sign', 'progress', 'reply', 'sendBack', 'reply', 'recheck', 'reopen', 'reply', 'recheck', 'confirm']);
    for (const e of closed.events) expect(e.userName, e.action).toBeTruthy();
    expect((await stepAs(t, owner, id, 'reopen', { reason: '再开' })).statusCode).toBe(409);
  });

  it('counts it in the figures: on time by the accepted reply, days to close from raising', async () => {
    // From the day it was raised: the demo's earlier problems of the same department stay out.
    const stats = (await t.call('GET', '/api/problems/stats?groupBy=department&from=2026-09-29&to=2026-10-31', { cookie: admin })).json();
    const row = stats.rows.find((r: { group: string }) => r.group === '市自然资源和规划局');
    // Accepted reply on 13 Oct, deadline 12 Oct: late. 29 Sep → 13 Oct = 14 days.
    expect(row).toMatchObject({ raised: 1, assigned: 1, closed: 1, onTimeRate: 0, avgDaysToClose: 14 });
  });

  it('solves a problem on the spot in one step (立行立改)', async () => {
    const project = await someProject(t, owner);
    const p = await raise(t, owner, { projectId: project.id, type: 'utilities', title: '临时用电报装慢' });
    expect((await stepAs(t, admin, p.id, 'solve-on-spot', { note: '' })).statusCode).toBe(400);
    const done = await ok(t, admin, p.id, 'solve-on-spot', { note: '现场协调供电公司当日接入' });
    expect(done).toMatchObject({ state: 'closed', solvedOnSpot: true });
  });

  it('raises from inside a progress report, and only for a report of the same project', async () => {
    const project = await someProject(t, owner);
    const saved = await t.call('PUT', '/api/reports', { cookie: owner, body: { projectId: project.id, periodKind: 'week', periodDate: '2026-10-13', ytdYuan: 0, sinceStartYuan: 0, periodYuan: 0 } });
    expect(saved.statusCode, saved.body).toBe(200);
    const p = await raise(t, owner, { reportId: saved.json().id });
    expect(p).toMatchObject({ source: 'report', projectId: project.id, reportId: saved.json().id });
    const listed = (await t.call('GET', `/api/problems?reportId=${saved.json().id}`, { cookie: owner })).json();
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
  });
});
