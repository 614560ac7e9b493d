/**
 * Updating a project: stale writes are refused rather than lost, plan figures and
 * milestone dates keep their baseline (a move needs a written reason), and every change
 * is in the audit log.
 */
import type { ProjectDetail } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { auditEntries, create, detail, listAll, newProject, reference, storedProject, THIS_YEAR, toInput } from '../../../test/projects.ts';

let t: TestApp;
let admin: string;
let yuhu: string;
let ownerOrg: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  yuhu = await t.login('yuhu');
  ownerOrg = (await reference(t)).owners[0]!;
});
afterAll(async () => t?.close());

const put = (cookie: string, id: string, body: unknown) => t.call('PUT', `/api/projects/${id}`, { cookie, body });

/** A fresh project in 雨湖区 with a plan for this year and a planned start. */
async function fresh(): Promise<ProjectDetail> {
  return create(t, admin, newProject(ownerOrg, { milestones: [{ kind: 'signing', plannedDate: `${THIS_YEAR}-01-10` }, { kind: 'start', plannedDate: `${THIS_YEAR}-03-01` }] }));
}

describe('optimistic concurrency', () => {
  it('refuses the second of two edits made from the same version, keeping the first', async () => {
    const p = await fresh();
    const readByOffice = await detail(t, admin, p.id);
    const readByDistrict = await detail(t, yuhu, p.id);
    expect(readByDistrict.version).toBe(readByOffice.version);

    const first = await put(admin, p.id, { ...toInput(readByOffice), contactName: '竞赛办改的' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(p.version + 1);

    const second = await put(yuhu, p.id, { ...toInput(readByDistrict), contactName: '区里改的', totalInvestmentYuan: 700_000_000 });
    expect(second.statusCode).toBe(409);
    const body = second.json();
    expect(body.error).toBe('conflict');
    expect(body.message).toContain(`您读取的是第 ${p.version} 版，当前是第 ${p.version + 1} 版`);
    expect(body.current).toMatchObject({ id: p.id, version: p.version + 1, contactName: '竞赛办改的', totalInvestmentYuan: 600_000_000 });

    const stored = await storedProject(t, p.id);
    expect(stored.row).toMatchObject({ version: p.version + 1, contactName: '竞赛办改的', totalInvestmentYuan: 600_000_000 });
  });

  it('lets exactly one of two simultaneous edits of the same version through', async () => {
    const p = await fresh();
    const results = await Promise.all(['甲', '乙'].map((who) => put(admin, p.id, { ...toInput(p), contactName: who })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect((await storedProject(t, p.id)).row).toMatchObject({ version: p.version + 1, contactName: winner.contactName });
  });

  it('requires the version that was read', async () => {
    const p = await fresh();
    const { version: _v, ...noVersion } = toInput(p);
    const res = await put(admin, p.id, noVersion);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ path: ['version'], field: '版本号', message: '缺少版本号' }]);
  });

  it('answers 404 for a project that does not exist', async () => {
    const p = await fresh();
    const res = await put(admin, '0b5d4e1a-7c2f-4a9b-8e3d-2f1a6c9b0d7e', toInput(p));
    expect(res.statusCode).toBe(404);
  });
});

describe('plan baselines (基线)', () => {
  it('refuses to move a year’s plan without a reason, on that row, and changes nothing', async () => {
    const p = await fresh();
    const before = await storedProject(t, p.id);
    const body = toInput(p);
    body.annualPlans![0]!.amountYuan = 150_000_000;
    const res = await put(admin, p.id, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { path: ['annualPlans', 0, 'changeReason'], field: '年度计划第1行·调整原因', message: expect.stringContaining(`${THIS_YEAR} 年计划与原计划不同`) },
    ]);
    expect(await storedProject(t, p.id)).toEqual(before);
  });

  it('with a reason saves the new figure and keeps the original as baseline, through later changes', async () => {
    const p = await fresh();
    let body = toInput(p);
    body.annualPlans = [{ year: THIS_YEAR, amountYuan: 150_000_000, changeReason: '征地推迟，市里同意调减' }];
    let res = await put(admin, p.id, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().annualPlans).toEqual([{ year: THIS_YEAR, amountYuan: 150_000_000, baselineYuan: 200_000_000, changeReason: '征地推迟，市里同意调减' }]);
    expect((await listAll(t, admin, `q=${p.code}`))[0]!.annualPlanYuan).toBe(150_000_000);

    body = toInput(res.json());
    body.annualPlans = [{ year: THIS_YEAR, amountYuan: 120_000_000, changeReason: '再次调减' }];
    res = await put(admin, p.id, body);
    expect(res.json().annualPlans[0]).toMatchObject({ amountYuan: 120_000_000, baselineYuan: 200_000_000, changeReason: '再次调减' });

    // Back on the original figure: nothing to explain any more.
    body = toInput(res.json());
    body.annualPlans = [{ year: THIS_YEAR, amountYuan: 200_000_000 }];
    res = await put(admin, p.id, body);
    expect(res.json().annualPlans[0]).toEqual({ year: THIS_YEAR, amountYuan: 200_000_000, baselineYuan: 200_000_000, changeReason: null });
  });

  it('takes a new year’s first figure as its baseline without asking why', async () => {
    const p = await fresh();
    const body = toInput(p);
    body.annualPlans = [...body.annualPlans!, { year: THIS_YEAR + 1, amountYuan: 300_000_000 }];
    const res = await put(admin, p.id, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().annualPlans[1]).toEqual({ year: THIS_YEAR + 1, amountYuan: 300_000_000, baselineYuan: 300_000_000, changeReason: null });
  });
});

describe('milestone baselines', () => {
  it('refuses to move a planned date without a reason, on that row, and changes nothing', async () => {
    const p = await fresh();
    const before = await storedProject(t, p.id);
    const body = toInput(p);
    body.milestones![1]!.plannedDate = `${THIS_YEAR}-05-01`;
    const res = await put(admin, p.id, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ path: ['milestones', 1, 'changeReason'], field: '节点计划第2行·调整原因', message: '"开工"计划日期与原计划不同，请填写调整原因' }]);
    expect(await storedProject(t, p.id)).toEqual(before);
  });

  it('treats clearing a planned date as a move', async () => {
    const p = await fresh();
    const body = toInput(p);
    body.milestones![1]!.plannedDate = null;
    expect((await put(admin, p.id, body)).statusCode).toBe(400);
  });

  it('with a reason saves the new date and shows the baseline beside it', async () => {
    const p = await fresh();
    const body = toInput(p);
    body.milestones![1] = { kind: 'start', plannedDate: `${THIS_YEAR}-05-01`, changeReason: '施工许可延后' };
    const res = await put(admin, p.id, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().milestones[1]).toEqual({ kind: 'start', plannedDate: `${THIS_YEAR}-05-01`, baselineDate: `${THIS_YEAR}-03-01`, actualDate: null, changeReason: '施工许可延后' });
    expect((await detail(t, admin, p.id)).milestones[1]!.baselineDate).toBe(`${THIS_YEAR}-03-01`);
  });

  it('records an actual date without asking for a reason', async () => {
    const p = await fresh();
    const body = toInput(p);
    body.milestones![0]!.actualDate = `${THIS_YEAR}-01-12`;
    const res = await put(admin, p.id, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().milestones[0]).toMatchObject({ plannedDate: `${THIS_YEAR}-01-10`, baselineDate: `${THIS_YEAR}-01-10`, actualDate: `${THIS_YEAR}-01-12` });
  });
});

describe('audit log', () => {
  it('has one entry per change with who made it, and none for a refused change', async () => {
    const p = await fresh();
    const users = { admin: (await t.call('GET', '/api/auth/me', { cookie: admin })).json().id, yuhu: (await t.call('GET', '/api/auth/me', { cookie: yuhu })).json().id };
    const v2 = (await put(admin, p.id, { ...toInput(p), contactName: '第一次' })).json();
    expect((await put(yuhu, p.id, { ...toInput(p), contactName: '过期的' })).statusCode).toBe(409);
    const bad = toInput(v2);
    bad.annualPlans![0]!.amountYuan = 1;
    expect((await put(yuhu, p.id, bad)).statusCode).toBe(400);
    expect((await put(yuhu, p.id, { ...toInput(v2), contactName: '第二次' })).statusCode).toBe(200);

    const entries = await auditEntries(t, p.id);
    expect(entries.map((e) => [e.action, e.userId])).toEqual([
      ['create', users.admin],
      ['update', users.admin],
      ['update', users.yuhu],
    ]);
    const last = entries[2]!.data as { before: { contactName: string; version: number }; after: { contactName: string } };
    expect(last.before).toMatchObject({ contactName: '第一次', version: 2 });
    expect(last.after.contactName).toBe('第二次');
  });
});

describe('baselines cannot be dropped', () => {
  it('refuses to delete a plan year or a planned milestone, so nothing is re-baselined silently', async () => {
    const t2 = await testApp();
    try {
      const admin = await t2.login('admin');
      const list = (await t2.call('GET', '/api/projects?pageSize=50', { cookie: admin })).json();
      const id = list.items.find((p: { annualPlanYuan: number | null }) => p.annualPlanYuan).id;
      const detail = (await t2.call('GET', `/api/projects/${id}`, { cookie: admin })).json();
      const body = toInput(detail);
      const noPlans = await t2.call('PUT', `/api/projects/${id}`, { cookie: admin, body: { ...body, annualPlans: [] } });
      expect(noPlans.statusCode).toBe(400);
      expect(noPlans.json().issues[0].message).toContain('不能删除');
      const noMilestones = await t2.call('PUT', `/api/projects/${id}`, { cookie: admin, body: { ...body, milestones: [] } });
      expect(noMilestones.statusCode).toBe(400);
      expect(noMilestones.json().issues[0].field).toBe('节点计划');
      const after = (await t2.call('GET', `/api/projects/${id}`, { cookie: admin })).json();
      expect(after.annualPlans).toEqual(detail.annualPlans);
      expect(after.version).toBe(detail.version);
    } finally {
      await t2.close();
    }
  });
});
