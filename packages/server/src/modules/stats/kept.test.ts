/**
 * /api/stats kept per instance (kept.ts): served again only while the database is unchanged, and
 * never across data scopes, dates or groupings.
 */
import { beijingLocal, periodOf } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { sql } from '../../db/client.ts';
import type { UserContext } from '../auth/sessions.ts';
import { computeStats } from './service.ts';

// Demo reports stop two weeks ago, so this week is free to file.
let t: TestApp;
let admin: string;
let leader: string;
let yuhu: string;
let gaoxin: string;
let owner: string;
const today = beijingLocal(new Date()).slice(0, 10);
const week = periodOf('week', today);
const year = Number(week.end.slice(0, 4));
// As of the week's end, so this week's report counts whatever day the test runs.
const url = `/api/stats?year=${year}&asOf=${week.end}&groupBy=region`;

// Snapshots are the server's: on a shared PostgreSQL other databases' writes (other test files)
// move them too, so only the in-process PGlite can promise that nothing moved between two
// requests. Staleness and scopes are checked on both.
const alone = !process.env.DATABASE_URL;

beforeAll(async () => {
  t = await testApp({ seedToday: new Date(Date.now() - 14 * 86_400_000) });
  [admin, leader, yuhu, gaoxin, owner] = await Promise.all([t.login('admin'), t.login('leader'), t.login('yuhu'), t.login('gaoxin'), t.login('owner')]);
});
afterAll(async () => t?.close());

const get = (cookie: string, path = url) => t.call('GET', path, { cookie });
/** The answer computed from scratch now, for the office or another user's scope. */
const fresh = async (user: UserContext | null = null) => JSON.parse(JSON.stringify(await computeStats(t.database.db, user, { year, asOf: week.end, groupBy: 'region' })));
const coordinator = (regionCode: string): UserContext => ({ id: '', username: 'x', displayName: 'x', role: 'coordinator', orgId: null, orgName: null, regionCode, personId: null });
const regions = (res: { json(): { rows: { group: string }[] } }) => res.json().rows.map((r) => r.group);

describe('/api/stats kept between requests while the database is unchanged', () => {
  /** Serves the kept answer while nothing changes; a change must show on the very next request. */
  async function expectNotStale(change: () => Promise<unknown>) {
    await get(admin);
    const kept = await get(admin);
    if (alone) expect(kept.headers['x-pacer-stats']).toBe('kept');
    expect(kept.json()).toEqual(await fresh());
    await change();
    const after = await get(admin);
    expect(after.headers['x-pacer-stats']).toBe('computed');
    expect(after.json()).toEqual(await fresh());
    expect(after.body).not.toBe(kept.body);
  }

  it('recomputes after a report is submitted', async () => {
    // One of the owner's projects with a plan this year, so its YTD shows in the sums.
    const mine = (await get(owner, `/api/projects?status=continuing,new&pageSize=50`)).json().items as { id: string }[];
    const planned = await t.database.db.execute(sql`select project_id from project_annual_plans where year = ${year} and amount_yuan > 0`);
    const withPlan = new Set((planned as unknown as { rows: { project_id: string }[] }).rows.map((r) => r.project_id));
    const projectId = mine.find((p) => withPlan.has(p.id))!.id;
    const form = (await get(owner, `/api/reports/form?projectId=${projectId}&periodKind=week&date=${today}`)).json();
    const ytd = form.prefill.ytdYuan + 1_000_000;
    const sinceStart = Math.max(form.prefill.sinceStartYuan ?? 0, form.prefill.ytdYuan) + 1_000_000;
    await expectNotStale(async () => {
      const res = await t.call('PUT', '/api/reports', {
        cookie: owner,
        body: { projectId, periodKind: 'week', periodDate: today, ytdYuan: ytd, sinceStartYuan: sinceStart, periodYuan: 1_000_000, physicalProgress: '主体结构施工', submit: true },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('submitted');
    });
  });

  // Written straight to the tables, as another instance or a tool would: nothing in this process
  // is told, the database's snapshot alone must tell.
  it('recomputes after a plan changes elsewhere', async () => {
    await expectNotStale(() => t.database.db.execute(sql`update project_annual_plans set amount_yuan = amount_yuan + 10000000 where year = ${year} and amount_yuan > 0`));
  });

  it('never serves one data scope’s answer to another', async () => {
    await get(admin);
    const all = await get(admin);
    if (alone) expect(all.headers['x-pacer-stats']).toBe('kept');
    // Same request, nothing written: a coordinator still gets its own region's figures, computed.
    const ours = await get(yuhu);
    expect(ours.headers['x-pacer-stats']).toBe('computed');
    expect(regions(ours)).toEqual(['雨湖区']);
    expect(ours.json()).toEqual(await fresh(coordinator('430302')));
    const theirs = await get(gaoxin);
    expect(theirs.headers['x-pacer-stats']).toBe('computed');
    expect(theirs.json()).toEqual(await fresh(coordinator('430371')));
    expect(theirs.body).not.toBe(ours.body);
    const mine = await get(owner);
    expect(mine.headers['x-pacer-stats']).toBe('computed');
    expect(mine.json().total.projects).toBeLessThan(all.json().total.projects);
    // Each scope keeps its own answer.
    const again = await get(yuhu);
    if (alone) expect(again.headers['x-pacer-stats']).toBe('kept');
    expect(again.body).toBe(ours.body);
    const office = await get(admin);
    if (alone) expect(office.headers['x-pacer-stats']).toBe('kept');
    expect(office.json()).toEqual(await fresh());
    // A leader reads every project, as the office does: the same figures.
    expect((await get(leader)).body).toBe(office.body);
  });

  it('keeps dates and groupings apart', async () => {
    const other = `/api/stats?year=${year}&asOf=${year}-03-31&groupBy=region`;
    await get(admin);
    const early = await get(admin, other);
    expect(early.headers['x-pacer-stats']).toBe('computed');
    expect(early.json().asOf).toBe(`${year}-03-31`);
    expect(early.json()).toEqual(JSON.parse(JSON.stringify(await computeStats(t.database.db, null, { year, asOf: `${year}-03-31`, groupBy: 'region' }))));
    const byCategory = await get(admin, `/api/stats?year=${year}&asOf=${week.end}&groupBy=category`);
    expect(byCategory.headers['x-pacer-stats']).toBe('computed');
    expect(byCategory.json().groupBy).toBe('category');
    // Without a date: today's, which is its own key.
    const now = await get(admin, `/api/stats?groupBy=region`);
    expect(now.json().asOf).toBe(today);
    const back = await get(admin);
    if (alone) expect(back.headers['x-pacer-stats']).toBe('kept');
    expect(back.json()).toEqual(await fresh());
  });
});
