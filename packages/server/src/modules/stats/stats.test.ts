import { beijingLocal } from '@pacer/domain';
import { completionRate, gapPoints, timeProgress, toPercent } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { computeStats, GROUP_FIELDS, projectFigures, summarise } from './service.ts';

let t: TestApp;
let admin: string;
const year = Number(beijingLocal(new Date()).slice(0, 4)); // the demo's year, in Beijing time
const asOf = `${year}-06-30`;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('figures by group', () => {
  it('computes each group as sum over sum, with time progress and gap in points', async () => {
    const res = await t.call('GET', `/api/stats?year=${year}&asOf=${asOf}&groupBy=region`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const items = await projectFigures(t.database.db, null, year, asOf);
    expect(body.total.group).toBe('合计');
    expect(body.total.projects).toBe(items.length);
    for (const row of body.rows) {
      const members = items.filter((p) => p.regionName === row.group && p.planYuan);
      const plan = members.reduce((s, p) => s + p.planYuan!, 0);
      const ytd = members.reduce((s, p) => s + p.ytdYuan, 0);
      expect(row.planWan).toBe(plan / 10_000);
      expect(row.ytdWan).toBe(ytd / 10_000);
      expect(row.completionRate).toBe(toPercent(completionRate(ytd, plan)!));
      expect(row.timeProgress).toBe(50);
      expect(row.gapPoints).toBe(gapPoints(ytd / plan, timeProgress(asOf, year)));
    }
    expect(body.rows.reduce((s: number, r: { projects: number }) => s + r.projects, 0)).toBe(body.total.projects);
  });

  it('counts a project in every level it holds, and once in the total', async () => {
    const res = (await t.call('GET', `/api/stats?year=${year}&asOf=${asOf}&groupBy=level`, { cookie: admin })).json();
    const sumOfGroups = res.rows.reduce((s: number, r: { projects: number }) => s + r.projects, 0);
    expect(sumOfGroups).toBeGreaterThan(res.total.projects);
  });

  it('uses only submitted or approved reports up to the date', async () => {
    const early = (await t.call('GET', `/api/stats?year=${year}&asOf=${year}-01-01&groupBy=category`, { cookie: admin })).json();
    expect(early.total.ytdWan).toBe(0);
    expect(early.total.timeProgress).toBe(toPercent(1 / 31 / 12));
  });

  it('applies the data scope of the caller', async () => {
    const yuhu = await t.login('yuhu');
    const res = (await t.call('GET', `/api/stats?year=${year}&asOf=${asOf}&groupBy=region`, { cookie: yuhu })).json();
    expect(res.rows.map((r: { group: string }) => r.group)).toEqual(['雨湖区']);
  });

  it('sums groups in SQL exactly as summarise() groups the loaded projects, for every field', async () => {
    const progress = timeProgress(asOf, year);
    const owner = { id: '', username: 'x', displayName: 'x', role: 'coordinator' as const, orgId: null, orgName: null, regionCode: '430302', personId: null };
    for (const user of [null, owner]) {
      for (const filters of [{}, { level: ['city'], category: ['industry', 'infrastructure'] }]) {
        const items = await projectFigures(t.database.db, user, year, asOf, filters);
        for (const groupBy of GROUP_FIELDS) {
          const opts = { year, asOf, groupBy };
          expect(await computeStats(t.database.db, user, { ...opts, filters })).toEqual(summarise(items, opts, progress));
        }
      }
    }
  });

  it('explains a bad grouping in Chinese', async () => {
    const res = await t.call('GET', `/api/stats?groupBy=colour`, { cookie: admin });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/查询条件/);
  });
});
