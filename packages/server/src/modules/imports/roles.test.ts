/**
 * Who may import what: owners report progress for their own projects only; a coordinator
 * creates projects in its own area only. Updates keep the plan's baseline, a commit refuses
 * a project changed since the preview, and a rollback restores what the import replaced —
 * or refuses when someone has edited it since.
 */
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressReports, projectAnnualPlans, projects } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { detail, toInput } from '../../../test/projects.ts';
import { analysed, committed, freshName, previewed, problemsOf, put, rowsOf, settle, xlsx } from '../../../test/ledgers.ts';

const Y = Number(beijingLocal(new Date()).slice(0, 4)) - 1;
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await testApp({ reports: false });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

async function book(header: string[], rows: (string | number | null)[][], title = `${Y}年3月重点项目调度表`) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.getCell('A1').value = title;
  put(ws, 2, [header, ...rows]);
  return xlsx(wb);
}

describe('an owner unit', () => {
  it('imports progress for its own projects only, for review', async () => {
    const owner = await t.login('owner');
    const me = (await t.call('GET', '/api/auth/me', { cookie: owner })).json();
    const [mine] = await t.database.db.select().from(projects).where(eq(projects.ownerOrgId, me.orgId));
    const [theirs] = await t.database.db.select().from(projects).where(ne(projects.ownerOrgId, me.orgId));
    const file = await book(['项目名称', '县市区', '计划总投资', '本年累计完成投资', '形象进度'], [
      [mine!.name, null, 1, 123.4567, '已封顶'],
      [theirs!.name, null, null, 50, null],
      ['系统里没有的项目', '雨湖区', 100, 5, null],
    ]);
    const job = await analysed(t, owner, 'owner.xlsx', file);
    expect(job.notices.join()).toContain('只更新本单位项目的进度');
    const done = await previewed(t, owner, job.id);
    expect(done.counts).toMatchObject({ updated: 0, unchanged: 1, reportsCreated: 1, skipped: 2 });
    const reasons = (await problemsOf(t, owner, job.id)).map((p) => p.reason);
    expect(reasons.some((r) => r.includes('不是本单位的项目'))).toBe(true);
    expect(reasons.some((r) => r.includes('业主单位只能导入本单位已有项目的进度'))).toBe(true);
    await committed(t, owner, job.id, true);
    const [report] = await t.database.db.select().from(progressReports).where(and(eq(progressReports.projectId, mine!.id), eq(progressReports.periodStart, `${Y}-03-01`)));
    expect(report).toMatchObject({ ytdYuan: 1_234_567, status: 'submitted', physicalProgress: '已封顶' });
    expect((await t.database.db.select().from(projects).where(eq(projects.id, mine!.id)))[0]!.totalInvestmentYuan).toBe(mine!.totalInvestmentYuan);
  });

  it('sees only its own organisation’s imports', async () => {
    const job = await analysed(t, admin, 'office.xlsx', await book(['项目名称', '计划总投资'], [[freshName(), 1]]));
    const owner2 = await t.login('owner2');
    expect((await t.call('GET', `/api/imports/${job.id}`, { cookie: owner2 })).statusCode).toBe(404);
    expect((await t.call('GET', '/api/imports', { cookie: owner2 })).json().items.some((i: { id: string }) => i.id === job.id)).toBe(false);
    expect((await t.call('GET', '/api/imports', { cookie: await t.login('hq') })).statusCode).toBe(403);
  });
});

describe('a coordinator', () => {
  it('creates projects in its own area only', async () => {
    const yuhu = await t.login('yuhu');
    const inside = freshName('雨湖区新项目');
    const header = ['项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '计划总投资'];
    const [org] = (await t.call('GET', '/api/organisations?kind=owner', { cookie: admin })).json();
    const job = await previewed(t, yuhu, (await analysed(t, yuhu, 'yuhu.xlsx', await book(header, [
      [inside, '雨湖区', org.name, '市州重点', '产业项目', '新建', 1000],
      [freshName('岳塘区新项目'), '岳塘区', org.name, '市州重点', '产业项目', '新建', 1000],
    ]))).id);
    expect(job.counts).toMatchObject({ created: 1, skipped: 1 });
    expect((await problemsOf(t, yuhu, job.id))[0]).toMatchObject({ row: 4, column: 'B', value: '岳塘区', reason: '项目所在区划不在您负责的区域内' });
  });
});

describe('updating existing projects', () => {
  let target: typeof projects.$inferSelect;
  let jobId: string;

  beforeAll(async () => {
    target = (await t.database.db.select().from(projects).where(eq(projects.regionCode, '430381')).limit(1))[0]!;
    await t.database.db.delete(projectAnnualPlans).where(and(eq(projectAnnualPlans.projectId, target.id), eq(projectAnnualPlans.year, Y)));
    await t.database.db.insert(projectAnnualPlans).values({ projectId: target.id, year: Y, amountYuan: 10_000_000, baselineYuan: 10_000_000 });
  });

  const file = (total: number, plan: number) => book(['项目名称', '县市区', '总投资', `${Y}年计划投资`], [[target.name, '湘乡市', total, plan]], `${Y}年项目台账`);

  it('previews the changes with the plan baseline kept, and commits them', async () => {
    const job = await previewed(t, admin, (await analysed(t, admin, 'update.xlsx', await file(target.totalInvestmentYuan / 10_000 + 1, 1500))).id);
    expect(job.counts).toMatchObject({ updated: 1, warnings: 1 });
    const [row] = await rowsOf(t, admin, job.id);
    expect(row!.changes.map((c) => c.field)).toEqual(['计划总投资', `${Y}年度计划`]);
    expect((await problemsOf(t, admin, job.id))[0]!.reason).toContain('原计划 1,000.00 万元保留备查');
    jobId = (await committed(t, admin, job.id, true)).id;
    const [plan] = await t.database.db.select().from(projectAnnualPlans).where(and(eq(projectAnnualPlans.projectId, target.id), eq(projectAnnualPlans.year, Y)));
    expect(plan).toMatchObject({ amountYuan: 15_000_000, baselineYuan: 10_000_000, changeReason: 'Excel 导入调整：update.xlsx' });
  });

  it('refuses to commit over a project edited since the preview', async () => {
    const job = await previewed(t, admin, (await analysed(t, admin, 'stale.xlsx', await file(target.totalInvestmentYuan / 10_000 + 2, 1500))).id);
    const current = await detail(t, admin, target.id);
    expect((await t.call('PUT', `/api/projects/${target.id}`, { cookie: admin, body: { ...toInput(current), contactName: '赵工' } })).statusCode).toBe(200);
    const res = await t.call('POST', `/api/imports/${job.id}/commit`, { cookie: admin, body: { acceptProblems: true } });
    expect(res.statusCode).toBe(202);
    const after = await settle(t, admin, job.id);
    expect(after.status).toBe('previewed');
    expect(after.error).toContain('已被他人修改');
  });

  it('refuses to roll back over a later edit, naming the project', async () => {
    const res = await t.call('POST', `/api/imports/${jobId}/rollback`, { cookie: admin });
    expect(res.statusCode).toBe(202);
    const job = await settle(t, admin, jobId);
    expect(job.status).toBe('committed');
    expect(job.error).toContain(target.name);
  });

  it('rolls back an update: the columns and the plan come back as they were', async () => {
    const before = await detail(t, admin, target.id);
    const job = await committed(t, admin, (await previewed(t, admin, (await analysed(t, admin, 'again.xlsx', await file(target.totalInvestmentYuan / 10_000 + 3, 2500))).id)).id, true);
    expect((await detail(t, admin, target.id)).totalInvestmentYuan).toBe(target.totalInvestmentYuan + 30_000);
    await t.call('POST', `/api/imports/${job.id}/rollback`, { cookie: admin });
    expect((await settle(t, admin, job.id)).status).toBe('rolled_back');
    const after = await detail(t, admin, target.id);
    expect({ ...after, version: 0, updatedAt: '' }).toEqual({ ...before, version: 0, updatedAt: '' });
    expect(after.version).toBe(before.version + 2);
  });
});
