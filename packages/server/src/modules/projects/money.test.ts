/**
 * Money through the API is integer 元 and comes back exactly as sent: no float rounding,
 * no strings, no scientific notation, on either database.
 */
import { MAX_YUAN } from '@pacer/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { create, detail, listAll, newProject, projectRows, reference, THIS_YEAR, toInput } from '../../../test/projects.ts';

let t: TestApp;
let admin: string;
let ownerOrg: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  ownerOrg = (await reference(t)).owners[0]!;
});
afterAll(async () => t?.close());

/** Amounts as PostgreSQL holds them, read as text so no driver conversion can hide a change. */
async function storedAmounts(id: string) {
  const [row] = await queryRows<{ total: string; plan: string; funding: string }>(
    t.database.db,
    sql`select p.total_investment_yuan::text as total,
               (select string_agg(amount_yuan::text, ',' order by year) from project_annual_plans where project_id = p.id) as plan,
               (select string_agg(amount_yuan::text, ',' order by source) from project_funding where project_id = p.id) as funding
        from projects p where p.id = ${id}`,
  );
  return row!;
}

describe('exact amounts', () => {
  it('round-trips a total of 123456789012 元 and its parts through create, detail, list and the database', async () => {
    const body = newProject(ownerOrg, {
      totalInvestmentYuan: 123_456_789_012,
      annualPlans: [{ year: THIS_YEAR, amountYuan: 98_765_432_101 }],
      fundingSources: [
        { source: 'bank_loan', amountYuan: 23_456_789_011 },
        { source: 'special_bond', amountYuan: 100_000_000_001 },
      ],
    });
    const res = await t.call('POST', '/api/projects', { cookie: admin, body });
    expect(res.statusCode, res.body).toBe(201);
    // Plain JSON integers on the wire: not strings, not 1.23456789012e+11.
    expect(res.body).toContain('"totalInvestmentYuan":123456789012');
    expect(res.body).toContain('"amountYuan":98765432101');
    const created = res.json();

    expect((await detail(t, admin, created.id)).totalInvestmentYuan).toBe(123_456_789_012);
    const [listed] = await listAll(t, admin, `q=${body.code}`);
    expect(listed).toMatchObject({ totalInvestmentYuan: 123_456_789_012, annualPlanYuan: 98_765_432_101 });
    expect(await storedAmounts(created.id)).toEqual({ total: '123456789012', plan: '98765432101', funding: '23456789011,100000000001' });
  });

  it('accepts the largest amount allowed, 10 万亿元, exactly', async () => {
    const p = await create(t, admin, newProject(ownerOrg, { totalInvestmentYuan: MAX_YUAN, annualPlans: [{ year: THIS_YEAR, amountYuan: MAX_YUAN - 1 }], fundingSources: [] }));
    expect(p.totalInvestmentYuan).toBe(MAX_YUAN);
    expect(await storedAmounts(p.id)).toMatchObject({ total: String(MAX_YUAN), plan: String(MAX_YUAN - 1) });
  });

  it('keeps an edited amount exact too', async () => {
    const p = await create(t, admin, newProject(ownerOrg));
    const res = await t.call('PUT', `/api/projects/${p.id}`, { cookie: admin, body: { ...toInput(p), totalInvestmentYuan: 600_000_000_007 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totalInvestmentYuan).toBe(600_000_000_007);
    expect((await storedAmounts(p.id)).total).toBe('600000000007');
  });
});

describe('amounts that are not whole 元 are refused, not rounded', () => {
  const cases: [string, unknown, string][] = [
    ['a fraction of a 元', 1234.5, '金额须精确到元'],
    ['a negative amount', -1, '金额不能为负数'],
    ['a string', '600000000', '请填写金额（数字）'],
    ['more than 10 万亿元', MAX_YUAN + 1, '金额超出合理范围（不超过 10 万亿元）'],
  ];
  for (const [what, amount, message] of cases) {
    it(`refuses ${what}`, async () => {
      const count = (await projectRows(t)).length;
      const res = await t.call('POST', '/api/projects', { cookie: admin, body: newProject(ownerOrg, { totalInvestmentYuan: amount as number, annualPlans: [], fundingSources: [] }) });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toEqual([{ path: ['totalInvestmentYuan'], field: '计划总投资', message }]);
      expect(await projectRows(t)).toHaveLength(count);
    });
  }

  it('refuses a fractional plan amount on its row', async () => {
    const res = await t.call('POST', '/api/projects', { cookie: admin, body: newProject(ownerOrg, { annualPlans: [{ year: THIS_YEAR, amountYuan: 0.5 }] }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ path: ['annualPlans', 0, 'amountYuan'], field: '年度计划第1行·金额', message: '金额须精确到元' }]);
  });

  it('refuses an integer beyond what JSON numbers hold exactly', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: JSON.stringify(newProject(ownerOrg, { annualPlans: [], fundingSources: [] })).replace('"totalInvestmentYuan":600000000', '"totalInvestmentYuan":9007199254740993'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toEqual(['totalInvestmentYuan']);
  });
});

describe('entering the statistics (入库)', () => {
  it('counts a project from 500 万元 total, not below', async () => {
    const below = await create(t, admin, newProject(ownerOrg, { totalInvestmentYuan: 4_999_999, annualPlans: [], fundingSources: [] }));
    const at = await create(t, admin, newProject(ownerOrg, { totalInvestmentYuan: 5_000_000, annualPlans: [], fundingSources: [] }));
    expect(below.inStatistics).toBe(false);
    expect(at.inStatistics).toBe(true);
  });
});
