import { beijingLocal } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let admin: string;
const year = Number(beijingLocal(new Date()).slice(0, 4)); // the demo's year, in Beijing time

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('dashboard', () => {
  it('shows region figures, the monthly trend up to the date, splits and extremes', async () => {
    const res = await t.call('GET', `/api/dashboard?year=${year}&asOf=${year}-09-30`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.timeProgress).toBe(75);
    expect(d.trend.map((p: { month: string }) => p.month)).toEqual(Array.from({ length: 9 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`));
    expect(d.trend.at(-1).completionRate).toBe(d.total.completionRate);
    const rates = d.trend.map((p: { ytdWan: number }) => p.ytdWan);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
    expect(d.top).toHaveLength(10);
    expect(d.top[0].completionRate).toBeGreaterThanOrEqual(d.bottom[0].completionRate);
    for (const l of d.lagging) expect(l.gapPoints).toBeLessThan(-10);
    expect(d.byCategory.reduce((s: number, r: { projects: number }) => s + r.projects, 0)).toBe(d.total.projects);
  });

  it('shows the year\'s problem figures as the problems page counts them, by type, department, region and HQ', async () => {
    const today = beijingLocal(new Date()).slice(0, 10);
    const d = (await t.call('GET', `/api/dashboard?year=${year}&asOf=${today}`, { cookie: admin })).json();
    const problems = (await t.call('GET', `/api/problems/stats?groupBy=type&from=${year}-01-01&to=${today}`, { cookie: admin })).json();
    expect(d.problems.total.raised).toBeGreaterThan(0); // the demo's problems, raised in the last weeks
    expect(d.problems.total).toEqual(problems.total);
    expect(d.problems.byType.map((r: { group: string }) => r.group)).toEqual(problems.rows.map((r: { group: string }) => r.group));
    for (const g of ['byDepartment', 'byRegion', 'byHq']) expect(d.problems[g].reduce((s: number, r: { raised: number }) => s + r.raised, 0), g).toBe(d.problems.total.raised);
  });

  it('sums the trend in one statement exactly as the figures of each date add up', async () => {
    const { groupFigures } = await import('@pacer/domain');
    const { projectFigures } = await import('../stats/service.ts');
    const { trendDates, trendSums } = await import('./service.ts');
    const today = beijingLocal(new Date()).slice(0, 10);
    const me = (await t.call('GET', '/api/auth/me', { cookie: admin })).json();
    // Dates before and within the rollup's three latest reports, with and without filters.
    const cases: [string, { category?: string[]; level?: string[] }][] = [[`${year}-09-30`, {}], [today, {}], [today, { category: ['industry'], level: ['city'] }]];
    for (const [asOf, filters] of cases) {
      const dates = trendDates(year, asOf);
      const sums = await trendSums(t.database.db, me, year, dates, filters);
      for (const [i, at] of dates.entries()) {
        const g = groupFigures(await projectFigures(t.database.db, me, year, at, filters));
        expect({ plan: sums.planYuan, ytd: sums.ytdYuan[i] }, `${at} ${JSON.stringify(filters)}`).toEqual({ plan: g.planYuan, ytd: g.ytdYuan });
      }
    }
  });

  it('filters every part by category and level', async () => {
    const all = (await t.call('GET', `/api/dashboard?year=${year}&asOf=${year}-09-30`, { cookie: admin })).json();
    const d = (await t.call('GET', `/api/dashboard?year=${year}&asOf=${year}-09-30&category=industry&level=city`, { cookie: admin })).json();
    expect(d.total.projects).toBeLessThan(all.total.projects);
    expect(d.byCategory.map((r: { group: string }) => r.group)).toEqual(['产业项目']);
    expect(d.byLevel.find((r: { group: string }) => r.group === '市州重点').projects).toBe(d.total.projects);
  });
});
