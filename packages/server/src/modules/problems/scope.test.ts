/**
 * Who sees which problems, checked against the rows themselves: a department sees only what
 * was assigned to it; owners, HQs and regions their projects' problems, those they raised and
 * those they handle; the office and leaders everything.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, problemHandlers, problems, projects, users } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { regionTree } from '../../../test/projects.ts';
import { fakeClock, ok, orgId, raise, stepAs } from '../../../test/problems.ts';

const clock = fakeClock('2026-11-23T09:00');
let t: TestApp;
const cookies: Record<string, string> = {};
let ziyuanOrg: string, zhujianOrg: string, yuhuGov: string;
const named: Record<string, string> = {};

async function visibleIds(username: string): Promise<string[]> {
  const res = await t.call('GET', '/api/problems?pageSize=200', { cookie: cookies[username] });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((p: { id: string }) => p.id).sort();
}

/** The expected set, from the tables: the rule written out once more, independently of the SQL. */
async function expectedIds(username: string): Promise<string[]> {
  const db = t.database.db;
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const rows = await db.select({ p: problems, owner: projects.ownerOrgId, hq: projects.hqOrgId, region: projects.regionCode, park: projects.parkCode }).from(problems).leftJoin(projects, eq(projects.id, problems.projectId));
  const handlers = await db.select({ problemId: problemHandlers.problemId, orgId: problemHandlers.orgId, kind: organisations.kind, regionCode: organisations.regionCode }).from(problemHandlers).innerJoin(organisations, eq(organisations.id, problemHandlers.orgId));
  const area = u!.regionCode ? (await regionTree(t))(u!.regionCode) : new Set<string>();
  const handles = (id: string) => handlers.some((h) => h.problemId === id && (h.orgId === u!.orgId || (u!.role === 'coordinator' && h.kind === 'government' && h.regionCode === u!.regionCode)));
  const raised = (p: typeof problems.$inferSelect) => p.raisedBy === u!.id || (u!.orgId !== null && p.raiserOrgId === u!.orgId) || (u!.role === 'coordinator' && p.raiserRole === 'coordinator' && p.raiserRegionCode === u!.regionCode);
  return rows
    .filter(({ p, owner, hq, region, park }) => {
      switch (u!.role) {
        case 'office':
        case 'leader':
          return true;
        case 'department':
          return handles(p.id);
        case 'owner':
          return owner === u!.orgId || raised(p) || handles(p.id);
        case 'hq':
          return hq === u!.orgId || raised(p) || handles(p.id);
        case 'coordinator':
          return (region !== null && area.has(region)) || (park !== null && area.has(park)) || raised(p) || handles(p.id);
      }
      return false;
    })
    .map(({ p }) => p.id)
    .sort();
}

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now() });
  for (const u of ['admin', 'yuhu', 'gaoxin', 'hq', 'ziyuan', 'owner', 'owner2', 'leader']) cookies[u] = await t.login(u);
  ziyuanOrg = await orgId(t, '市自然资源和规划局');
  zhujianOrg = await orgId(t, '市住房和城乡建设局');
  yuhuGov = await orgId(t, '雨湖区人民政府');
  const db = t.database.db;
  const [ziyuanProject] = await db.select().from(projects).where(eq(projects.responsibleOrgId, ziyuanOrg)).limit(1);
  const ownerProject = (await t.call('GET', '/api/projects?pageSize=1', { cookie: cookies.owner })).json().items[0];
  const outside = (await db.select().from(projects)).find((p) => p.regionCode !== '430302' && p.parkCode === null && p.ownerOrgId !== ziyuanProject!.ownerOrgId)!;

  // On a project ziyuan is responsible for, but assigned elsewhere: ziyuan must not see it.
  named.elsewhere = (await raise(t, cookies.admin!, { projectId: ziyuanProject!.id, title: '归住建局办理的问题' })).id;
  await ok(t, cookies.admin!, named.elsewhere!, 'assign', { leadOrgId: zhujianOrg });
  named.lead = (await raise(t, cookies.owner!, { projectId: ownerProject.id, title: '自然资源局牵头的问题' })).id;
  await ok(t, cookies.admin!, named.lead!, 'assign', { leadOrgId: ziyuanOrg });
  named.co = (await raise(t, cookies.admin!, { projectId: outside.id, title: '自然资源局配合的问题' })).id;
  await ok(t, cookies.admin!, named.co!, 'assign', { leadOrgId: zhujianOrg, coHandlerOrgIds: [ziyuanOrg] });
  named.unassigned = (await raise(t, cookies.admin!, { projectId: ziyuanProject!.id, title: '尚未交办的问题' })).id;
  // Outside 雨湖区, but assigned to its government: its coordinator handles it.
  named.region = (await raise(t, cookies.admin!, { projectId: outside.id, title: '交雨湖区办理的问题' })).id;
  await ok(t, cookies.admin!, named.region!, 'assign', { leadOrgId: yuhuGov });
  named.hqRaised = (await raise(t, cookies.hq!, { title: '指挥部提出的共性问题', type: 'approval' })).id;
});
afterAll(async () => t?.close());

describe('problem data scope', () => {
  for (const u of ['admin', 'leader', 'ziyuan', 'owner', 'owner2', 'hq', 'yuhu', 'gaoxin']) {
    it(`${u} sees exactly the problems the rule gives`, async () => {
      const expected = await expectedIds(u);
      if (u !== 'owner2' && u !== 'gaoxin') expect(expected.length).toBeGreaterThan(0);
      if (u === 'admin') expect(expected).toEqual(expect.arrayContaining(Object.values(named)));
      expect(await visibleIds(u)).toEqual(expected);
    });
  }

  it('a department sees only what was assigned to it, as lead or co-handler', async () => {
    const seen = await visibleIds('ziyuan');
    expect(seen).toContain(named.lead);
    expect(seen).toContain(named.co);
    expect(seen).not.toContain(named.elsewhere);
    expect(seen).not.toContain(named.unassigned);
    expect((await t.call('GET', `/api/problems/${named.elsewhere}`, { cookie: cookies.ziyuan })).statusCode).toBe(404);
    expect((await stepAs(t, cookies.ziyuan!, named.elsewhere!, 'sign')).statusCode).toBe(404);
    const stats = (await t.call('GET', '/api/problems/stats?from=2026-01-01&to=2026-12-31', { cookie: cookies.ziyuan })).json();
    expect(stats.total.raised).toBe(seen.length);
  });

  it('a co-handler may report progress but not sign', async () => {
    expect((await stepAs(t, cookies.ziyuan!, named.co!, 'sign')).statusCode).toBe(403);
    const detail = (await t.call('GET', `/api/problems/${named.co}`, { cookie: cookies.ziyuan })).json();
    expect(detail.allowedActions).toEqual([]);
  });

  it('a region\'s coordinator signs for what was assigned to its government', async () => {
    expect((await t.call('GET', `/api/problems/${named.region}`, { cookie: cookies.yuhu })).json().allowedActions).toEqual(['sign']);
    await ok(t, cookies.yuhu!, named.region!, 'sign');
    expect((await t.call('GET', `/api/problems/${named.region}`, { cookie: cookies.gaoxin })).statusCode).toBe(404);
  });

  it('an owner cannot raise on another owner\'s project, nor without a project', async () => {
    const other = (await t.call('GET', '/api/projects?pageSize=1', { cookie: cookies.owner2 })).json().items[0];
    const body = { type: 'land', title: '越权提出', description: '不应成功' };
    expect((await t.call('POST', '/api/problems', { cookie: cookies.owner, body: { ...body, projectId: other.id } })).statusCode).toBe(404);
    expect((await t.call('POST', '/api/problems', { cookie: cookies.owner, body })).statusCode).toBe(400);
    expect((await t.call('POST', '/api/problems', { cookie: cookies.ziyuan, body })).statusCode).toBe(403);
    expect((await t.call('POST', '/api/problems', { cookie: cookies.leader, body })).statusCode).toBe(403);
  });

  it('keeps the office\'s steps to the office', async () => {
    expect((await stepAs(t, cookies.ziyuan!, named.unassigned!, 'assign', { leadOrgId: ziyuanOrg })).statusCode).toBe(403);
    expect((await stepAs(t, cookies.owner!, named.lead!, 'recheck')).statusCode).toBe(403);
  });
});
