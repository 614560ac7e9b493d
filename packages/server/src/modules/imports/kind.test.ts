/**
 * Importing a ledger as projects only or as progress only (导入内容): the left-out columns
 * change nothing, need no reporting period, and are never remembered as "不导入".
 */
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { analysed, committed, freshName, previewed, put, rowsOf, xlsx } from '../../../test/ledgers.ts';

const Y = Number(beijingLocal(new Date()).slice(0, 4)) - 1;
let t: TestApp;
let admin: string;
let owner: string;
const names = [freshName('导入内容测试甲'), freshName('导入内容测试乙')];

/** Project fields and a year-to-date column whose header names no month: the period is not in the sheet. */
async function ledger(total: number, ytd: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  put(ws, 1, [
    ['项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '总投资', '本年累计完成'],
    ...names.map((n, i) => [n, '雨湖区', owner, '市州重点', '产业项目', '新建', total + i, ytd + i]),
  ]);
  return xlsx(wb);
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  owner = (await t.database.db.select().from(organisations).where(eq(organisations.kind, 'owner')))[0]!.name;
});
afterAll(async () => t?.close());

describe('import kind', () => {
  it('projects only: creates the projects, writes no report and asks for no period', async () => {
    const job = await analysed(t, admin, `${Y}年台账.xlsx`, await ledger(5000, 300));
    expect(job.needsPeriod).toBe(true);
    const done = await previewed(t, admin, job.id, { kind: 'projects', planYear: Y });
    expect(done.status, done.error ?? '').toBe('previewed');
    expect(done.needsPeriod).toBe(false);
    expect(done.sheets[0]!.columns[7]).toMatchObject({ header: '本年累计完成', field: 'ignore', source: 'none' });
    expect(done.counts).toMatchObject({ created: 2, reportsCreated: 0, errors: 0 });
    expect((await committed(t, admin, job.id)).status).toBe('committed');

    const memory = (await t.call('GET', '/api/imports/memory', { cookie: admin })).json() as { header: string }[];
    expect(memory.map((m) => m.header)).not.toContain('本年累计完成');
  });

  it('progress only: reports for the projects, their project fields left as they are', async () => {
    const job = await analysed(t, admin, `${Y}年进度.xlsx`, await ledger(9000, 400));
    // Without the kind the same sheet still needs a period.
    const refused = await t.call('PUT', `/api/imports/${job.id}/mapping`, { cookie: admin, body: { kind: 'auto' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('填报期');

    const done = await previewed(t, admin, job.id, { kind: 'progress', period: `${Y}-06` });
    expect(done.status, done.error ?? '').toBe('previewed');
    expect(done.sheets[0]!.columns.map((c) => c.field)).toEqual(['name', 'region', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'ytd']);
    expect(done.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2, reportsCreated: 2, errors: 0 });
    const rows = await rowsOf(t, admin, job.id);
    expect(rows.every((r) => r.changes.length === 0)).toBe(true);
  });

  it('refuses an unknown kind', async () => {
    const job = await analysed(t, admin, 'x.xlsx', await ledger(1, 1));
    const res = await t.call('PUT', `/api/imports/${job.id}/mapping`, { cookie: admin, body: { kind: 'everything' } });
    expect(res.statusCode).toBe(400);
  });
});
