/** 竞赛项目 and 赛道 through the API: list, add (by id or by filter), remove and set tracks. */
import { beijingLocal, type CampaignProjectDto, type CampaignProjectPage } from '@pacer/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignProjects, projects } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { regionTree } from '../../../test/projects.ts';

let t: TestApp;
let admin: string;
let campaignId: string;
const year = Number(beijingLocal(new Date()).slice(0, 4));
const base = () => `/api/campaigns/${campaignId}`;

async function page(path: 'projects' | 'candidates', query = ''): Promise<CampaignProjectPage> {
  const res = await t.call('GET', `${base()}/${path}?pageSize=200&${query}`, { cookie: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const memberIds = async () =>
  new Set((await t.database.db.select().from(campaignProjects).where(eq(campaignProjects.campaignId, campaignId))).map((r) => r.projectId));
const ids = (items: CampaignProjectDto[]) => items.map((p) => p.id);

beforeAll(async () => {
  t = await testApp({ reports: false });
  admin = await t.login('admin');
  campaignId = (await t.call('GET', '/api/campaigns', { cookie: admin })).json().find((c: { year: number }) => c.year === year).id;
});
afterAll(async () => t?.close());

describe('竞赛项目 campaign projects', () => {
  it('lists the campaign’s projects with their tracks, paged and filtered', async () => {
    const all = await page('projects');
    expect(new Set(ids(all.items))).toEqual(await memberIds());
    expect(all.total).toBe(all.items.length);
    const rows = await t.database.db.select().from(projects);
    for (const item of all.items) expect(item.track).toBe(rows.find((r) => r.id === item.id)!.track);

    const second = (await t.call('GET', `${base()}/projects?pageSize=10&page=2`, { cookie: admin })).json() as CampaignProjectPage;
    expect(ids(second.items)).toEqual(ids(all.items).slice(10, 20));

    const below = (await regionTree(t))('430302');
    const yuhu = await page('projects', 'region=430302');
    expect(yuhu.items.length).toBeGreaterThan(0);
    for (const p of yuhu.items) expect(below.has(p.regionCode) || below.has(rows.find((r) => r.id === p.id)!.parkCode ?? '')).toBe(true);

    const start = await page('projects', 'track=start&category=industry');
    expect(start.items.length).toBeGreaterThan(1);
    expect(start.items.every((p) => p.track === 'start' && p.category === 'industry')).toBe(true);
    const none = await page('projects', 'track=none');
    expect(none.items.every((p) => p.track === null)).toBe(true);
    expect(none.items.length).toBe(all.items.filter((p) => p.track === null).length);
  });

  it('offers as candidates the live library projects not yet in the campaign', async () => {
    const candidates = await page('candidates');
    const members = await memberIds();
    const live = (await t.database.db.select().from(projects)).filter((p) => !p.deletedAt);
    expect(new Set(ids(candidates.items))).toEqual(new Set(live.filter((p) => !members.has(p.id)).map((p) => p.id)));
    expect(candidates.items.length).toBeGreaterThan(0); // the demo's reserve projects
  });

  it('removes projects, which then drop off the week’s board, and records it', async () => {
    const [a, b] = (await page('projects', 'track=start')).items;
    const res = await t.call('POST', `${base()}/projects/remove`, { cookie: admin, body: { projectIds: [a!.id, b!.id] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ changed: 2 });
    expect(res.json().message).toContain('已将 2 个项目移出');
    const members = await memberIds();
    expect(members.has(a!.id) || members.has(b!.id)).toBe(false);
    expect(ids((await page('candidates')).items)).toEqual(expect.arrayContaining([a!.id, b!.id]));
    const board = (await t.call('GET', '/api/boards/draft', { cookie: admin })).json();
    expect(board.lines.some((l: { item: { projectId: string } }) => l.item.projectId === a!.id)).toBe(false);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'campaign'), eq(auditLog.action, 'projects.remove')));
    expect(entry!.data).toEqual({ projectIds: expect.arrayContaining([a!.id, b!.id]) });

    const again = await t.call('POST', `${base()}/projects/remove`, { cookie: admin, body: { projectIds: [a!.id] } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('都不在');
  });

  it('adds projects back by id with a new track, bumping each project’s version and recording the old track', async () => {
    const [a] = (await page('candidates', 'track=start')).items;
    const [before] = await t.database.db.select().from(projects).where(eq(projects.id, a!.id));
    const res = await t.call('POST', `${base()}/projects`, { cookie: admin, body: { projectIds: [a!.id], track: 'production' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().message).toBe(`已将 1 个项目加入"${year}年重点项目建设"奋力奔跑 合力攻坚"竞赛活动"，其中 1 个赛道改为"比投产"`);
    const [after] = await t.database.db.select().from(projects).where(eq(projects.id, a!.id));
    expect(after).toMatchObject({ track: 'production', version: before!.version + 1 });
    expect((await page('projects', 'track=production')).items.map((p) => p.id)).toContain(a!.id);
    const [trackEntry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, a!.id), eq(auditLog.action, 'track')));
    expect(trackEntry!.data).toEqual({ campaignId, before: 'start', after: 'production' });

    const twice = await t.call('POST', `${base()}/projects`, { cookie: admin, body: { projectIds: [a!.id] } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('都已在');
  });

  it('adds every library project matching a filter', async () => {
    const reserve = await page('candidates', 'status=reserve');
    expect(reserve.items.length).toBeGreaterThan(1);
    const res = await t.call('POST', `${base()}/projects`, { cookie: admin, body: { filter: { status: ['reserve'] } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changed).toBe(reserve.items.length);
    expect((await page('candidates', 'status=reserve')).total).toBe(0);
    const members = await memberIds();
    for (const id of ids(reserve.items)) expect(members.has(id)).toBe(true);
    const nothing = await t.call('POST', `${base()}/projects`, { cookie: admin, body: { filter: { status: ['reserve'] } } });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().message).toContain('没有符合条件且尚未加入本活动的项目');
  });

  it('sets the track of members only, all or nothing', async () => {
    const chosen = (await page('projects', 'status=reserve')).items.slice(0, 2);
    const res = await t.call('PUT', `${base()}/projects/track`, { cookie: admin, body: { projectIds: ids(chosen), track: 'landing' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changed).toBeLessThanOrEqual(2);
    expect((await page('projects', 'status=reserve&track=landing')).items.map((p) => p.id)).toEqual(expect.arrayContaining(ids(chosen)));

    const cleared = await t.call('PUT', `${base()}/projects/track`, { cookie: admin, body: { projectIds: [chosen[0]!.id], track: null } });
    expect(cleared.json()).toMatchObject({ changed: 1, message: '已将 1 个项目的赛道设为"无赛道"' });

    // A project outside the campaign in the selection: refused, and nothing changes.
    await t.call('POST', `${base()}/projects/remove`, { cookie: admin, body: { projectIds: [chosen[1]!.id] } });
    const before = await t.database.db.select().from(projects);
    const mixed = await t.call('PUT', `${base()}/projects/track`, { cookie: admin, body: { projectIds: ids(chosen), track: 'capacity' } });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().message).toContain('有 1 个不在');
    expect(await t.database.db.select().from(projects)).toEqual(before);
  });

  it('explains bad requests in Chinese', async () => {
    const [p] = (await page('projects')).items;
    const badTrack = await t.call('PUT', `${base()}/projects/track`, { cookie: admin, body: { projectIds: [p!.id], track: 'sprint' } });
    expect(badTrack.statusCode).toBe(400);
    expect(badTrack.json().message).toContain('竞赛赛道应为：比落地、比开工、比进度、比扫尾、比投产、比达产');
    const both = await t.call('POST', `${base()}/projects`, { cookie: admin, body: { projectIds: [p!.id], filter: { status: ['new'] } } });
    expect(both.json().message).toContain('二者选一');
    const empty = await t.call('POST', `${base()}/projects/remove`, { cookie: admin, body: { projectIds: [] } });
    expect(empty.json().message).toContain('请至少选择一个项目');
    const unknown = await t.call('POST', `${base()}/projects`, { cookie: admin, body: { projectIds: [crypto.randomUUID()] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('有 1 个不存在、已删除或不在您的范围内');
    const filter = await t.call('GET', `${base()}/projects?track=sprint`, { cookie: admin });
    expect(filter.json().message).toContain('竞赛赛道');
    const campaign = await t.call('GET', `/api/campaigns/${crypto.randomUUID()}/projects`, { cookie: admin });
    expect(campaign.statusCode).toBe(404);
    expect(campaign.json().message).toBe('竞赛活动不存在或已被删除');
  });

  it('is managed by the campaign office only', async () => {
    const [p] = (await page('projects')).items;
    for (const user of ['yuhu', 'owner', 'leader', 'hq']) {
      const cookie = await t.login(user);
      expect((await t.call('GET', `${base()}/projects`, { cookie })).statusCode, user).toBe(403);
      expect((await t.call('POST', `${base()}/projects/remove`, { cookie, body: { projectIds: [p!.id] } })).statusCode, user).toBe(403);
      expect((await t.call('PUT', `${base()}/projects/track`, { cookie, body: { projectIds: [p!.id], track: 'start' } })).statusCode, user).toBe(403);
    }
    expect((await memberIds()).has(p!.id)).toBe(true);
  });
});
