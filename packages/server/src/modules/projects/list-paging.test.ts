/**
 * The project list's order, pages, plan year, "my projects" and refusal of bad queries.
 */
import type { ProjectSummary } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectAnnualPlans } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { detail, idsOf, listAll, liveRows, me, THIS_YEAR, toInput } from '../../../test/projects.ts';

let t: TestApp;
let admin: string;
let recentlyEdited: string[];

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  // Two edits, one after the other, so "recently updated first" has something to show.
  const [a, b] = (await liveRows(t)).slice(0, 2);
  for (const id of [a!.id, b!.id]) {
    const d = await detail(t, admin, id);
    const res = await t.call('PUT', `/api/projects/${id}`, { cookie: admin, body: { ...toInput(d), contactName: '新联系人' } });
    expect(res.statusCode, res.body).toBe(200);
  }
  recentlyEdited = [b!.id, a!.id];
});
afterAll(async () => t?.close());

type SortField = 'totalInvestmentYuan' | 'annualPlanYuan' | 'plannedStart' | 'plannedFinish' | 'code' | 'updatedAt' | 'regionCode';

/** Each neighbour pair is in order by value, nulls last in both directions, ties by id. */
function expectOrdered(items: ProjectSummary[], field: SortField, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1]!, items[i]!];
    const [va, vb] = [a[field], b[field]];
    const where = `${field} ${order} at ${i}: ${va} then ${vb}`;
    const byValue = va === null ? (vb === null ? 0 : 1) : vb === null ? -1 : cmp(va, vb) * sign;
    expect(byValue, where).toBeLessThanOrEqual(0);
    if (byValue === 0) expect(cmp(a.id, b.id) * sign, `${where} (tie by id)`).toBe(-1);
  }
}

describe('sorting', () => {
  const fields: SortField[] = ['totalInvestmentYuan', 'annualPlanYuan', 'plannedStart', 'plannedFinish', 'code', 'updatedAt', 'regionCode'];
  for (const field of fields) {
    for (const order of ['asc', 'desc'] as const) {
      it(`by ${field} ${order}`, async () => {
        const items = await listAll(t, admin, `sort=${field}&order=${order}`);
        expect(items.length).toBe((await liveRows(t)).length);
        expectOrdered(items, field, order);
      });
    }
  }

  it('has nulls to put last in the demo data (reserve projects have no plan, some no code)', async () => {
    const items = await listAll(t, admin);
    expect(items.some((p) => p.annualPlanYuan === null)).toBe(true);
    expect(items.some((p) => p.code === null)).toBe(true);
  });

  it('shows the most recently updated first by default', async () => {
    const items = await listAll(t, admin);
    expect(items.slice(0, 2).map((p) => p.id)).toEqual(recentlyEdited);
  });

  it('sorts by name without losing or repeating a row', async () => {
    const asc = await listAll(t, admin, 'sort=name&order=asc');
    const desc = await listAll(t, admin, 'sort=name&order=desc');
    expect(idsOf(asc)).toEqual(idsOf(desc));
    expect(asc[0]!.name <= asc[asc.length - 1]!.name).toBe(true);
  });
});

describe('pages', () => {
  it('splits the full order into pages with the same total on each', async () => {
    const all = await listAll(t, admin, 'sort=totalInvestmentYuan&order=asc');
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const res = await t.call('GET', `/api/projects?sort=totalInvestmentYuan&order=asc&pageSize=7&page=${page}`, { cookie: admin });
      const body = res.json();
      expect(body).toMatchObject({ total: all.length, page, pageSize: 7 });
      if (body.items.length === 0) break;
      expect(body.items.length).toBe(Math.min(7, all.length - seen.length));
      seen.push(...body.items.map((p: ProjectSummary) => p.id));
    }
    expect(seen).toEqual(all.map((p) => p.id));
  });

  it('counts the filtered total, not the page', async () => {
    const livelihood = await listAll(t, admin, 'category=livelihood');
    const res = await t.call('GET', '/api/projects?category=livelihood&pageSize=2', { cookie: admin });
    expect(res.json().items).toHaveLength(2);
    expect(res.json().total).toBe(livelihood.length);
  });

  it('pages 20 at a time unless asked', async () => {
    const body = (await t.call('GET', '/api/projects', { cookie: admin })).json();
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    expect(body.items).toHaveLength(20);
  });
});

describe('plan year', () => {
  async function plansOf(year: number) {
    const plans = await t.database.db.select().from(projectAnnualPlans);
    return new Map(plans.filter((p) => p.year === year).map((p) => [p.projectId, p.amountYuan]));
  }

  it('shows this year’s plan by default and the asked year’s plan with year=', async () => {
    const [current, last] = [await plansOf(THIS_YEAR), await plansOf(THIS_YEAR - 1)];
    expect([...current].some(([id, amount]) => last.get(id) !== amount), 'the two years differ').toBe(true);
    for (const [query, year] of [['', THIS_YEAR], [`year=${THIS_YEAR - 1}`, THIS_YEAR - 1]] as const) {
      const plans = await plansOf(year);
      const items = await listAll(t, admin, query);
      expect(items.filter((p) => p.annualPlanYuan !== null).length).toBeGreaterThan(0);
      for (const p of items) expect(p.annualPlanYuan, `${p.name} ${year}`).toBe(plans.get(p.id) ?? null);
    }
  });

  it('shows no plan for a year nobody planned', async () => {
    expect((await listAll(t, admin, 'year=2001')).every((p) => p.annualPlanYuan === null)).toBe(true);
  });

  it('sorts by the asked year’s plan', async () => {
    expectOrdered(await listAll(t, admin, `year=${THIS_YEAR - 1}&sort=annualPlanYuan&order=desc`), 'annualPlanYuan', 'desc');
  });
});

describe('my projects (联点领导)', () => {
  it('flags the leader’s linked projects and filters to them with mine=true', async () => {
    const leader = await t.login('leader');
    const { personId } = await me(t, leader);
    const linked = (await liveRows(t)).filter((p) => p.leaderPersonId === personId);
    expect(linked.length).toBeGreaterThan(0);
    const all = await listAll(t, leader);
    expect(idsOf(all.filter((p) => p.isMine))).toEqual(idsOf(linked));
    const mine = await listAll(t, leader, 'mine=true');
    expect(idsOf(mine)).toEqual(idsOf(linked));
    expect(mine.every((p) => p.isMine && p.leader?.id === personId)).toBe(true);
    expect(await listAll(t, leader, 'mine=false')).toHaveLength(all.length);
  });

  it('gives no "mine" to an account that stands for no person', async () => {
    expect(await listAll(t, admin, 'mine=true')).toEqual([]);
    expect((await listAll(t, admin)).some((p) => p.isMine)).toBe(false);
  });
});

describe('bad query values', () => {
  const cases: [string, string, RegExp][] = [
    ['level=bogus', 'level', /可选值为/],
    ['category=factory', 'category', /可选值为/],
    ['status=done', 'status', /可选值为/],
    ['track=race', 'track', /可选值为/],
    ['region=43030', 'region', /区划代码应为 6 位数字/],
    ['hq=abc', 'hq', /指挥部编号不正确/],
    ['leader=abc', 'leader', /领导编号不正确/],
    ['owner=abc', 'owner', /业主单位编号不正确/],
    ['sort=budget', 'sort', /无效选项/],
    ['order=up', 'order', /无效选项/],
    ['page=0', 'page', /[\u4e00-\u9fa5]/],
    ['page=abc', 'page', /[\u4e00-\u9fa5]/],
    ['pageSize=201', 'pageSize', /[\u4e00-\u9fa5]/],
    ['year=1999', 'year', /[\u4e00-\u9fa5]/],
    ['deleted=all', 'deleted', /无效选项/],
    ['mine=yes', 'mine', /无效选项/],
    [`q=${'项'.repeat(101)}`, 'q', /[\u4e00-\u9fa5]/],
  ];
  for (const [query, param, message] of cases) {
    it(`refuses ${query.slice(0, 20)} with a Chinese message on ${param}`, async () => {
      const res = await t.call('GET', `/api/projects?${encodeURI(query)}`, { cookie: admin });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error).toBe('validation');
      expect(body.message).toMatch(/^查询条件有 1 处需要修改：/);
      expect(body.issues).toHaveLength(1);
      expect(body.issues[0].path[0]).toBe(param);
      expect(body.issues[0].message).toMatch(message);
    });
  }
});
