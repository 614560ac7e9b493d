/**
 * Creating a project: a full record round-trips, bad input is refused on the field a
 * person would correct, and a refused request writes nothing.
 */
import type { ProjectInput } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { auditEntries, create, detail, listAll, newProject, projectRows, reference, THIS_YEAR } from '../../../test/projects.ts';

let t: TestApp;
let admin: string;
let ref: Awaited<ReturnType<typeof reference>>;
let chainId: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  ref = await reference(t);
  chainId = (await t.call('GET', '/api/chains', { cookie: admin })).json()[0].id;
});
afterAll(async () => t?.close());

/** Row and audit counts, to prove a refused request wrote nothing. */
async function written() {
  return { projects: (await projectRows(t)).length, audit: (await t.database.db.select().from(auditLog)).length };
}

async function refused(body: unknown, status: number) {
  const before = await written();
  const res = await t.call('POST', '/api/projects', { cookie: admin, body });
  expect(res.statusCode, res.body).toBe(status);
  expect(await written()).toEqual(before);
  return res.json();
}

describe('create with a full, valid record', () => {
  it('answers 201 with the project as stored, names resolved', async () => {
    const body: ProjectInput = {
      code: '2026-430302-38-01-000123',
      name: '雨湖区永磁电机扩能示范项目',
      levels: ['province', 'city'],
      category: 'industry',
      status: 'new',
      track: 'start',
      regionCode: '430302',
      parkCode: '430371',
      industryCode: 'C38',
      chainId,
      ownerOrgId: ref.owners[3]!,
      responsibleOrgId: ref.departments[1]!,
      leaderPersonId: ref.people[2]!,
      hqOrgId: ref.hqs[0]!,
      serviceTeamOrgId: ref.teams[0]!,
      contactName: '李工',
      contactPhone: '0731-58881234',
      totalInvestmentYuan: 1_250_000_000,
      annualPlans: [
        { year: THIS_YEAR + 1, amountYuan: 600_000_000 },
        { year: THIS_YEAR, amountYuan: 350_000_000 },
      ],
      plannedStart: `${THIS_YEAR}-04-01`,
      plannedFinish: `${THIS_YEAR + 2}-06-30`,
      fundingSources: [
        { source: 'special_bond', amountYuan: 250_000_000 },
        { source: 'bank_loan', amountYuan: 1_000_000_000 },
      ],
      latitude: 27.86,
      longitude: 112.9,
      description: '建设电机生产线 6 条。',
      milestones: [
        { kind: 'start', plannedDate: `${THIS_YEAR}-04-01` },
        { kind: 'signing', plannedDate: `${THIS_YEAR - 1}-11-15`, actualDate: `${THIS_YEAR - 1}-11-20` },
      ],
    };
    const res = await t.call('POST', '/api/projects', { cookie: admin, body });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    const { fundingSources, ...rest } = body;
    expect(created).toMatchObject({
      ...rest,
      regionName: '雨湖区',
      parkName: '湘潭高新区',
      owner: { id: body.ownerOrgId, name: ref.orgName(body.ownerOrgId) },
      responsibleOrg: { id: body.responsibleOrgId, name: ref.orgName(body.responsibleOrgId!) },
      hq: { id: body.hqOrgId, name: ref.orgName(body.hqOrgId!) },
      serviceTeam: { id: body.serviceTeamOrgId, name: ref.orgName(body.serviceTeamOrgId!) },
      chain: { id: chainId },
      leader: { id: body.leaderPersonId },
      annualPlanYuan: 350_000_000,
      inStatistics: true,
      isMine: false,
      version: 1,
      deletedAt: null,
      // Plans by year; milestones in their natural order; first figures are the baselines.
      annualPlans: [
        { year: THIS_YEAR, amountYuan: 350_000_000, baselineYuan: 350_000_000, changeReason: null },
        { year: THIS_YEAR + 1, amountYuan: 600_000_000, baselineYuan: 600_000_000, changeReason: null },
      ],
      milestones: [
        { kind: 'signing', plannedDate: `${THIS_YEAR - 1}-11-15`, baselineDate: `${THIS_YEAR - 1}-11-15`, actualDate: `${THIS_YEAR - 1}-11-20`, changeReason: null },
        { kind: 'start', plannedDate: `${THIS_YEAR}-04-01`, baselineDate: `${THIS_YEAR}-04-01`, actualDate: null, changeReason: null },
      ],
    });
    expect(created.fundingSources).toHaveLength(2);
    expect(created.fundingSources).toEqual(expect.arrayContaining(fundingSources!));
    expect(await detail(t, admin, created.id)).toEqual(created);
    const listed = (await listAll(t, admin, `q=${body.code}`)).map((p) => p.id);
    expect(listed).toEqual([created.id]);
    expect((await auditEntries(t, created.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('stores a project without a national code, and a blank code as none', async () => {
    expect((await create(t, admin, newProject(ref.owners[0]!, { code: null }))).code).toBeNull();
    expect((await create(t, admin, newProject(ref.owners[0]!, { code: '' }))).code).toBeNull();
  });
});

describe('validation', () => {
  it('names each field to correct, in Chinese, with its path', async () => {
    const body = newProject(ref.owners[0]!, {
      code: '2026-4303-38-01-000123',
      plannedStart: `${THIS_YEAR}-05-01`,
      plannedFinish: `${THIS_YEAR}-04-30`,
      totalInvestmentYuan: 100_000_000,
      annualPlans: [{ year: THIS_YEAR, amountYuan: 100_000_001 }],
      fundingSources: [{ source: 'self_raised', amountYuan: 100_000_001 }],
      milestones: [{ kind: 'start' }, { kind: 'start' }],
    });
    const err = await refused(body, 400);
    expect(err.error).toBe('validation');
    expect(err.message).toMatch(/^提交的内容有 5 处需要修改：/);
    expect(err.issues).toEqual(
      expect.arrayContaining([
        { path: ['code'], field: '项目代码', message: expect.stringContaining('项目代码格式应为') },
        { path: ['plannedFinish'], field: '计划竣工', message: '计划竣工日期不能早于计划开工日期' },
        { path: ['annualPlans', 0, 'amountYuan'], field: '年度计划第1行·金额', message: `${THIS_YEAR} 年度计划投资不能大于计划总投资` },
        { path: ['fundingSources'], field: '资金来源', message: '各资金来源合计不能大于计划总投资' },
        { path: ['milestones', 1, 'kind'], field: '节点计划第2行·节点', message: '节点"开工"重复' },
      ]),
    );
    expect(err.issues).toHaveLength(5);
  });

  it('lists every missing required field', async () => {
    const err = await refused({}, 400);
    const paths = err.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'levels', 'category', 'status', 'regionCode', 'ownerOrgId', 'totalInvestmentYuan']));
    const name = err.issues.find((i: { path: string[] }) => i.path[0] === 'name');
    expect(name).toEqual({ path: ['name'], field: '项目名称', message: '请填写项目名称' });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('请求内容不是有效的 JSON');
  });
});

describe('references to other records', () => {
  const missing = '0b5d4e1a-7c2f-4a9b-8e3d-2f1a6c9b0d7e';
  const cases: [string, () => Partial<ProjectInput>, string, string][] = [
    ['an unknown owner', () => ({ ownerOrgId: missing }), 'ownerOrgId', '业主单位'],
    ['a department given as owner', () => ({ ownerOrgId: ref.departments[0]! }), 'ownerOrgId', '业主单位'],
    ['an unknown responsible unit', () => ({ responsibleOrgId: missing }), 'responsibleOrgId', '责任单位'],
    ['an unknown leader', () => ({ leaderPersonId: missing }), 'leaderPersonId', '联点领导'],
    ['an owner given as HQ', () => ({ hqOrgId: ref.owners[0]! }), 'hqOrgId', '协调指挥部'],
    ['an HQ given as service team', () => ({ serviceTeamOrgId: ref.hqs[0]! }), 'serviceTeamOrgId', '服务专班'],
    ['an unknown chain', () => ({ chainId: missing }), 'chainId', '产业链'],
    ['a region not in the table', () => ({ regionCode: '430399' }), 'regionCode', '所在区划'],
    ['a district given as park', () => ({ parkCode: '430304' }), 'parkCode', '所在园区'],
  ];
  for (const [what, overrides, path, field] of cases) {
    it(`refuses ${what}, naming ${field}`, async () => {
      const err = await refused(newProject(ref.owners[0]!, overrides()), 400);
      expect(err.issues).toEqual([{ path: [path], field, message: expect.any(String) }]);
      expect(err.message).toContain(field);
    });
  }

  it('reports every bad reference at once', async () => {
    const err = await refused(newProject(ref.owners[0]!, { ownerOrgId: missing, leaderPersonId: missing, hqOrgId: missing }), 400);
    expect(err.issues.map((i: { field: string }) => i.field).sort()).toEqual(['业主单位', '协调指挥部', '联点领导'].sort());
  });
});

describe('uniqueness', () => {
  it('refuses a national code already used, without naming a project the caller may not see', async () => {
    const existing = await create(t, admin, newProject(ref.owners[0]!));
    const err = await refused(newProject(ref.owners[1]!, { code: ` ${existing.code!.toLowerCase()} ` }), 409);
    expect(err).toMatchObject({ error: 'conflict', field: 'code', message: `项目代码 ${existing.code} 已被另一个项目使用，请核对代码` });
  });

  it('refuses the same name twice in one region, allows it in another', async () => {
    const existing = await create(t, admin, newProject(ref.owners[0]!));
    const err = await refused(newProject(ref.owners[1]!, { name: existing.name }), 409);
    expect(err).toMatchObject({ error: 'conflict', field: 'name', message: expect.stringContaining(existing.name) });
    expect((await create(t, admin, newProject(ref.owners[1]!, { name: existing.name, regionCode: '430304' }))).name).toBe(existing.name);
  });

  it('lets only one of two simultaneous creates with the same code through, and refuses the other with 409', async () => {
    const body = newProject(ref.owners[0]!);
    const results = await Promise.all([0, 1].map((i) => t.call('POST', '/api/projects', { cookie: admin, body: { ...body, name: `${body.name}-${i}` } })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toMatchObject({ field: 'code', message: expect.stringContaining(body.code!) });
    expect((await projectRows(t)).filter((p) => p.code === body.code)).toHaveLength(1);
  });
});
