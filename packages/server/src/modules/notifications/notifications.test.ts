import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock, ok, orgId, raise } from '../../../test/problems.ts';

const clock = fakeClock('2026-11-16T09:00');
let t: TestApp;
let admin: string, ziyuan: string, owner: string;

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now() });
  admin = await t.login('admin');
  ziyuan = await t.login('ziyuan');
  owner = await t.login('owner');
  const project = (await t.call('GET', '/api/projects?pageSize=1', { cookie: owner })).json().items[0];
  const p = await raise(t, owner, { projectId: project.id });
  await ok(t, admin, p.id, 'assign', { leadOrgId: await orgId(t, '市自然资源和规划局') });
});
afterAll(async () => t?.close());

describe('in-app notifications', () => {
  it('lists my notices, newest first, with the unread count', async () => {
    const res = (await t.call('GET', '/api/notifications', { cookie: ziyuan })).json();
    expect(res.items[0]).toMatchObject({ kind: 'assigned', readAt: null, entity: 'problem' });
    expect(res.items[0].body).toContain('请于');
    expect(res.unread).toBe(res.items.length);
    const office = (await t.call('GET', '/api/notifications', { cookie: admin })).json();
    expect(office.items.map((n: { title: string }) => n.title)).toContain('新问题待交办：用地报批卡在省厅');
  });

  it('marks one read, never someone else\'s, then all', async () => {
    const [first] = (await t.call('GET', '/api/notifications', { cookie: ziyuan })).json().items;
    expect((await t.call('POST', `/api/notifications/${first.id}/read`, { cookie: owner })).statusCode).toBe(404);
    expect((await t.call('POST', `/api/notifications/${first.id}/read`, { cookie: ziyuan })).statusCode).toBe(204);
    expect((await t.call('GET', '/api/notifications?unread=true', { cookie: ziyuan })).json().items.map((n: { id: string }) => n.id)).not.toContain(first.id);
    const all = (await t.call('POST', '/api/notifications/read-all', { cookie: admin })).json();
    expect(all.marked).toBeGreaterThan(0);
    expect((await t.call('GET', '/api/notifications', { cookie: admin })).json().unread).toBe(0);
  });

  it('refuses a gateway that is not http(s)', async () => {
    const res = await t.call('POST', '/api/webhooks', { cookie: admin, body: { name: '错误', url: 'file:///etc/passwd' } });
    expect(res.statusCode).toBe(400);
  });
});
