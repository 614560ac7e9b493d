/**
 * /api/stats kept per instance (kept.ts): served again only while the database is unchanged, and
 * never across data scopes, dates or groupings.
 */
import { beijingLocal, periodOf } from '@pacer/domain';
import type { SQL } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { queryRows, sql } from '../../db/client.ts';
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
/** For an update of `projects p`: no other live project in `region` has p's name (the pair is unique among live projects). */
const noLiveTwin = (region: SQL) => sql`not exists (select 1 from projects q where q.region_code = ${region} and q.name = p.name and q.deleted_at is null and q.id <> p.id)`;

describe('/api/stats kept between requests while the database is unchanged', () => {
  /**
   * Serves the kept answer while nothing changes; a change must show on the very next request:
   * brought up to date (`updated`) when the change log names the projects changed, computed
   * whole otherwise.
   */
  async function expectNotStale(change: () => Promise<unknown>, opts: { how?: 'updated' | 'computed'; cookie?: string; user?: UserContext | null; visible?: boolean } = {}) {
    const cookie = opts.cookie ?? admin;
    await get(cookie);
    const kept = await get(cookie);
    if (alone) expect(kept.headers['x-pacer-stats']).toBe('kept');
    expect(kept.json()).toEqual(await fresh(opts.user));
    await change();
    const after = await get(cookie);
    expect(after.headers['x-pacer-stats']).toBe(opts.how ?? 'updated');
    expect(after.json()).toEqual(await fresh(opts.user));
    if (opts.visible ?? true) expect(after.body).not.toBe(kept.body);
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
    // Every plan at once: more than a quarter of the projects, computed whole.
    await expectNotStale(() => t.database.db.execute(sql`update project_annual_plans set amount_yuan = amount_yuan + 10000000 where year = ${year} and amount_yuan > 0`), { how: 'computed' });
  });

  it('brings the sums up to date as projects move region, leave, return and are deleted', async () => {
    const db = t.database.db;
    // With a plan and counting reports this year, so each change below changes its sums, and free
    // to move to 430371 (no live project there has its name).
    const { id, region } = (await queryRows<{ id: string; region: string }>(
      db,
      sql`select p.id, p.region_code as region from projects p join project_annual_plans ap on ap.project_id = p.id and ap.year = ${year} and ap.amount_yuan > 0
          where p.deleted_at is null and p.region_code = '430302'
            and exists (select 1 from progress_reports r where r.project_id = p.id and r.year = ${year} and r.status in ('submitted', 'approved'))
            and ${noLiveTwin(sql`'430371'`)}
          order by p.id limit 1`,
    ))[0]!;
    await expectNotStale(() => db.execute(sql`update project_annual_plans set amount_yuan = amount_yuan * 3 where project_id = ${id} and year = ${year}`));
    await expectNotStale(() => db.execute(sql`update projects set region_code = '430371' where id = ${id}`));
    // The coordinator of the region it left sees it gone; of the one it joined, there.
    await expectNotStale(() => db.execute(sql`update progress_reports set ytd_yuan = ytd_yuan + 5000000 where project_id = ${id}`), { cookie: gaoxin, user: coordinator('430371') });
    await expectNotStale(() => db.execute(sql`update projects set region_code = ${region} where id = ${id}`), { cookie: yuhu, user: coordinator('430302') });
    const campaign = (await queryRows<{ id: string }>(db, sql`select id from campaigns where year = ${year} order by created_at limit 1`))[0]!.id;
    await expectNotStale(() => db.execute(sql`delete from campaign_projects where project_id = ${id} and campaign_id = ${campaign}`));
    await expectNotStale(() => db.execute(sql`insert into campaign_projects (campaign_id, project_id) values (${campaign}, ${id})`));
    await expectNotStale(() => db.execute(sql`update projects set deleted_at = now() where id = ${id}`));
    await expectNotStale(() => db.execute(sql`update projects set deleted_at = null where id = ${id}`));
    // A region's name reaches every answer: computed whole.
    await expectNotStale(() => db.execute(sql`update regions set name = name || '·' where code = ${region}`), { how: 'computed' });
    await expectNotStale(() => db.execute(sql`update regions set name = rtrim(name, '·') where code = ${region}`), { how: 'computed' });
  });

  it('sums a region again when its last project leaves it, and when a new one begins', async () => {
    const db = t.database.db;
    // A park of its own for one project the sums count (in this year's campaign): the group
    // appears, then goes.
    const { id } = (
      await queryRows<{ id: string }>(
        db,
        sql`select p.id from projects p join campaign_projects cp on cp.project_id = p.id join campaigns c on c.id = cp.campaign_id and c.year = ${year}
          where p.deleted_at is null and p.region_code = '430302' order by p.id limit 1`,
      )
    )[0]!;
    await db.execute(sql`insert into regions (code, name, kind, parent_code) select '430302999', '测试新区', kind, parent_code from regions where code = '430302' on conflict do nothing`);
    await expectNotStale(() => db.execute(sql`update projects set region_code = '430302999' where id = ${id}`));
    expect(regions(await get(admin))).toContain('测试新区');
    await expectNotStale(() => db.execute(sql`update projects set region_code = '430302' where id = ${id}`));
    expect(regions(await get(admin))).not.toContain('测试新区');
  });

  it('never serves one data scope’s answer to another', async () => {
    await get(admin);
    const all = await get(admin);
    if (alone) expect(all.headers['x-pacer-stats']).toBe('kept');
    // Same request, nothing written: a coordinator still gets its own region's figures, never
    // the office's kept answer (computed, or brought up to date from its own).
    const ours = await get(yuhu);
    expect(ours.headers['x-pacer-stats']).not.toBe('kept');
    expect(regions(ours)).toEqual(['雨湖区']);
    expect(ours.json()).toEqual(await fresh(coordinator('430302')));
    const theirs = await get(gaoxin);
    expect(theirs.headers['x-pacer-stats']).not.toBe('kept');
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

describe('/api/stats by region brought up to date under any sequence of changes', () => {
  it('equals the sums computed whole after every change, for the office and for a region', async () => {
    const db = t.database.db;
    const ids = (await queryRows<{ id: string }>(db, sql`select id from projects order by id`)).map((r) => r.id);
    const campaign = (await queryRows<{ id: string }>(db, sql`select id from campaigns where year = ${year} order by created_at limit 1`))[0]!.id;
    const changes: Record<string, (id: string, n: number) => Promise<unknown>> = {
      report: (id, n) => db.execute(sql`update progress_reports set ytd_yuan = ytd_yuan + ${n * 100_000} where project_id = ${id} and status in ('submitted', 'approved')`),
      plan: (id, n) => db.execute(sql`update project_annual_plans set amount_yuan = ${n % 3 ? n * 1_000_000 : 0} where project_id = ${id} and year = ${year}`),
      // Not where a live project of the same name is (the demo city repeats names across regions):
      // such a move, or bringing such a project back, is skipped.
      region: (id, n) => {
        const to = ['430302', '430371', '430304'][n % 3]!;
        return db.execute(sql`update projects p set region_code = ${to} where p.id = ${id} and (p.deleted_at is not null or ${noLiveTwin(sql`${to}`)})`);
      },
      membership: async (id) => {
        const left = await queryRows(db, sql`delete from campaign_projects where project_id = ${id} and campaign_id = ${campaign} returning 1`);
        if (!left.length) await db.execute(sql`insert into campaign_projects (campaign_id, project_id) values (${campaign}, ${id})`);
      },
      deleted: (id) => db.execute(sql`update projects p set deleted_at = case when deleted_at is null then now() end where p.id = ${id} and (p.deleted_at is null or ${noLiveTwin(sql`p.region_code`)})`),
    };
    const how = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...Object.keys(changes)), fc.nat(ids.length - 1), fc.integer({ min: 1, max: 50 })), { minLength: 1, maxLength: 5 }), async (steps) => {
        for (const [kind, at, n] of steps) {
          await changes[kind]!(ids[at]!, n);
          for (const [cookie, user] of [[admin, null], [yuhu, coordinator('430302')]] as const) {
            const res = await get(cookie);
            const answered = String(res.headers['x-pacer-stats']);
            how.set(answered, (how.get(answered) ?? 0) + 1);
            expect(res.json(), `${kind} ${ids[at]}`).toEqual(await fresh(user));
          }
        }
      }),
      { numRuns: 10, seed: 20261129 },
    );
    expect(how.get('computed') ?? 0).toBe(0);
    expect(how.get('updated')).toBeGreaterThan(10);
  });
});
