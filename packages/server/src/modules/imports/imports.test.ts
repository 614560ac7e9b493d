/**
 * A real 投资进度表 through the whole flow: a title naming the period, a unit row, a two-row
 * header with merged parents, group rows with subtotals, 小计 and 合计 rows as formulas,
 * numbers typed as text, several date spellings — upload, mapping, dry run, commit, re-import,
 * rollback.
 */
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, progressReports, projectAnnualPlans, projects } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { analysed, committed, freshName, fullWidth, previewed, problemsOf, put, rowsOf, settle, xlsx } from '../../../test/ledgers.ts';
import type { ImportJobDto } from './schema.ts';

const Y = Number(beijingLocal(new Date()).slice(0, 4)) - 1;
let t: TestApp;
let admin: string;
let owner: string;
const names = { a: freshName('雨湖智能装备产业园'), b: freshName('岳塘新材料基地'), c: freshName('湘潭县道路提质工程'), d: freshName('有问题的项目') };
const NEW_OWNER = '湘潭新设测试科技有限公司';

async function ledger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('1-3月进度');
  ws.getCell('A1').value = `截至${Y}年3月31日湘潭市重点建设项目投资完成情况表`;
  ws.mergeCells('A1:L1');
  ws.getCell('L2').value = '单位：万元';
  put(ws, 3, [
    ['序号', '项目名称', '县市区', '业主单位', '建设性质', '项目级别', '投资情况', null, null, null, '计划开工时间', '形象进度'],
    [null, null, null, null, null, null, '总投资', `${Y}年计划`, '1-3月完成', '完成率'],
  ]);
  for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'K', 'L']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('G3:J3');
  put(ws, 5, [
    ['一、产业项目（2个）', null, null, null, null, null, { formula: 'SUM(G6:G7)', result: 55000 }, { formula: 'SUM(H6:H7)', result: 19200 }, { formula: 'SUM(I6:I7)', result: 1534.5 }],
    [1, names.a, '雨湖区', owner, '新建', '市州重点', '52,000', 18000, '1,234.5 ', { formula: 'I6/H6', result: 0.0686 }, `${Y + 1}年3月`, '主体施工'],
    [2, names.b, '岳塘区', NEW_OWNER, '续建', '省重点、市州重点', fullWidth('3000'), '1200', 300, null, `${Y}.03`, null],
    [],
    [null, '小计', null, null, null, null, { formula: 'SUM(G6:G7)', result: 55000 }],
    ['二、"两新一重"项目（2个）'],
    [3, names.c, '湘潭县', owner, '新建', '市州重点', 8000.5, 4000, 0, null, new Date(Date.UTC(Y, 1, 15)), '完成招标'],
    [4, names.d, '不存在区', owner, '新建', '市州重点', '约5000', 100, 10],
    ['合计', null, null, null, null, null, { formula: 'G5+G11', result: 63000 }],
    ['注：本表由各县市区发改局填报'],
  ]);
  return xlsx(wb);
}

let job: ImportJobDto;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  owner = (await t.database.db.select().from(organisations).where(eq(organisations.kind, 'owner')))[0]!.name;
});
afterAll(async () => t?.close());

describe('importing an investment progress ledger', () => {
  it('reads the header, unit and period, and proposes the mapping', async () => {
    job = await analysed(t, admin, `${Y}年1-3月进度.xlsx`, await ledger());
    expect(job.status).toBe('mapping');
    const [sheet] = job.sheets;
    expect(sheet).toMatchObject({ sheet: '1-3月进度', found: true, enabled: true, headerTop: 2, headerBottom: 3, unit: 'wan', unitSource: 'note' });
    expect(sheet!.columns.map((c) => c.field)).toEqual(['seq', 'name', 'region', 'owner', 'status', 'levels', 'total', 'annualPlan', 'ytd', 'ignore', 'plannedStart', 'physicalProgress']);
    expect(sheet!.columns[8]!.header).toBe('投资情况 / 1-3月完成');
    expect(job).toMatchObject({ period: `${Y}-03`, periodSource: 'title', planYear: Y, needsPeriod: false });
    expect(sheet!.sample[0]![1]).toBe(names.a);
  });

  it('dry-runs: counts what would change and names every problem by sheet, row, column and value', async () => {
    job = await previewed(t, admin, job.id);
    expect(job.status, job.error ?? '').toBe('previewed');
    expect(job.counts).toMatchObject({ rows: 4, created: 3, updated: 0, unchanged: 0, skipped: 1, reportsCreated: 3, ownersCreated: 1, ignoredRows: 5 });
    const problems = await problemsOf(t, admin, job.id);
    expect(problems.filter((p) => p.level === 'error').map((p) => [p.sheet, p.row, p.column, p.value])).toEqual([
      ['1-3月进度', 12, 'G', '约5000'],
      ['1-3月进度', 12, 'C', '不存在区'],
    ]);
    expect(problems.find((p) => p.column === 'C')!.reason).toContain('没有名为"不存在区"的区划');
    expect(problems.find((p) => p.column === 'G')!.header).toBe('投资情况 / 总投资');
    expect(await t.database.db.select().from(projects).where(inArray(projects.name, Object.values(names)))).toEqual([]);
  });

  it('refuses to commit problems nobody accepted', async () => {
    const res = await t.call('POST', `/api/imports/${job.id}/commit`, { cookie: admin, body: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('接受问题并提交');
  });

  it('commits the accepted import: exact amounts, categories from group rows, reports for the month', async () => {
    job = await committed(t, admin, job.id, true);
    expect(job.status, job.error ?? '').toBe('committed');
    const rows = await t.database.db.select().from(projects).where(inArray(projects.name, Object.values(names)));
    const by = (n: string) => rows.find((r) => r.name === n)!;
    expect(rows).toHaveLength(3);
    expect(by(names.a)).toMatchObject({ totalInvestmentYuan: 520_000_000, category: 'industry', status: 'new', levels: ['city'], regionCode: '430302', plannedStart: `${Y + 1}-03-01` });
    expect(by(names.b)).toMatchObject({ totalInvestmentYuan: 30_000_000, status: 'continuing', levels: ['province', 'city'], regionCode: '430304', plannedStart: `${Y}-03-01` });
    expect(by(names.c)).toMatchObject({ totalInvestmentYuan: 80_005_000, category: 'infrastructure', plannedStart: `${Y}-02-15` });
    const [newOwner] = await t.database.db.select().from(organisations).where(eq(organisations.name, NEW_OWNER));
    expect(by(names.b).ownerOrgId).toBe(newOwner!.id);
    const plan = await t.database.db.select().from(projectAnnualPlans).where(eq(projectAnnualPlans.projectId, by(names.a).id));
    expect(plan).toMatchObject([{ year: Y, amountYuan: 180_000_000, baselineYuan: 180_000_000 }]);
    const reports = await t.database.db.select().from(progressReports).where(inArray(progressReports.projectId, rows.map((r) => r.id)));
    expect(reports.find((r) => r.projectId === by(names.a).id)).toMatchObject({ periodKind: 'month', periodStart: `${Y}-03-01`, ytdYuan: 12_345_000, periodYuan: 12_345_000, status: 'approved', physicalProgress: '主体施工' });
    expect(reports).toHaveLength(3);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'import'), eq(auditLog.entityId, job.id)));
    expect(audits.map((a) => a.action)).toEqual(['import-commit']);
  });

  it('finds nothing to change when the same ledger comes again', async () => {
    const again = await previewed(t, admin, (await analysed(t, admin, 'again.xlsx', await ledger())).id);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3, reportsUnchanged: 3, skipped: 1 });
    const res = await t.call('POST', `/api/imports/${again.id}/commit`, { cookie: admin, body: { acceptProblems: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('没有需要写入的数据');
  });

  it('lists the import with who, when, file and counts', async () => {
    const res = await t.call('GET', '/api/imports', { cookie: admin });
    const item = res.json().items.find((i: { id: string }) => i.id === job.id);
    expect(item).toMatchObject({ fileName: `${Y}年1-3月进度.xlsx`, status: 'committed', createdByName: '竞赛办管理员', counts: { created: 3 } });
    const rows = await rowsOf(t, admin, job.id);
    expect(rows.filter((r) => r.action === 'create').every((r) => r.projectId)).toBe(true);
  });

  it('offers the fields a column can take, and drops an import nobody will commit', async () => {
    const fields = (await t.call('GET', '/api/imports/fields', { cookie: admin })).json();
    expect(fields.find((f: { key: string }) => f.key === 'ytd')).toMatchObject({ zh: '本年累计完成投资', target: 'progress', kind: 'amount' });
    const spare = await analysed(t, admin, 'spare.xlsx', await ledger());
    expect(spare.progress.total).toBeGreaterThan(0);
    expect((await t.call('DELETE', `/api/imports/${spare.id}`, { cookie: admin })).statusCode).toBe(204);
    expect((await t.call('GET', `/api/imports/${spare.id}`, { cookie: admin })).json().status).toBe('discarded');
    expect((await t.call('PUT', `/api/imports/${spare.id}/mapping`, { cookie: admin, body: {} })).statusCode).toBe(409);
  });

  it('rolls back: projects, reports and the new owner unit are gone', async () => {
    const res = await t.call('POST', `/api/imports/${job.id}/rollback`, { cookie: admin });
    expect(res.statusCode, res.body).toBe(202);
    const done = await settle(t, admin, job.id);
    expect(done.status, done.error ?? '').toBe('rolled_back');
    expect(await t.database.db.select().from(projects).where(inArray(projects.name, Object.values(names)))).toEqual([]);
    expect(await t.database.db.select().from(organisations).where(eq(organisations.name, NEW_OWNER))).toEqual([]);
    const again = await t.call('POST', `/api/imports/${job.id}/rollback`, { cookie: admin });
    expect(again.statusCode).toBe(409);
  });
});
