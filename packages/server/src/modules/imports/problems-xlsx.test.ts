/**
 * 下载问题清单: the preview's problems as a workbook, row for row the same as the problems API,
 * and only for whoever may see the import.
 */
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { analysed, freshName, previewed, put, xlsx } from '../../../test/ledgers.ts';

const Y = Number(beijingLocal(new Date()).slice(0, 4)) - 1;
let t: TestApp;
let admin: string;
let owner: string;

/** Three projects: one fine, one with text where 总投资 goes, one in a county that does not exist. */
async function ledger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  put(ws, 1, [
    ['项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '总投资'],
    [freshName('问题清单甲'), '雨湖区', owner, '市州重点', '产业项目', '新建', 5000],
    [freshName('问题清单乙'), '雨湖区', owner, '市州重点', '产业项目', '新建', '待定'],
    [freshName('问题清单丙'), '不存在县', owner, '市州重点', '产业项目', '新建', 3000],
  ]);
  return xlsx(wb);
}

interface ProblemDto {
  level: string;
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  owner = (await t.database.db.select().from(organisations).where(eq(organisations.kind, 'owner')))[0]!.name;
});
afterAll(async () => t?.close());

describe('import problems workbook', () => {
  it('lists every problem of the preview with sheet, row, column, value and reason', async () => {
    const job = await analysed(t, admin, `${Y}年台账.xlsx`, await ledger());
    const done = await previewed(t, admin, job.id, { kind: 'projects', planYear: Y });
    const api = (await t.call('GET', `/api/imports/${job.id}/problems?pageSize=100`, { cookie: admin })).json().items as ProblemDto[];
    expect(api.length).toBeGreaterThanOrEqual(2);
    expect(done.counts.errors).toBeGreaterThan(0);

    const res = await t.call('GET', `/api/imports/${job.id}/problems.xlsx`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${Y}年台账-问题清单.xlsx`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.getWorksheet('问题清单')!;
    expect(String(ws.getCell('A1').value)).toBe(`导入问题清单：${Y}年台账.xlsx`);
    expect(String(ws.getCell('A2').value)).toContain(`错误 ${api.filter((p) => p.level === 'error').length} 条`);
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 3) rows.push((row.values as unknown[]).slice(1, 9));
    });
    expect(rows).toEqual(api.map((p, i) => [i + 1, p.level === 'error' ? '错误' : '提示', p.sheet, p.row ?? undefined, p.column ?? undefined, expect.anything(), p.value ?? undefined, p.reason].map((v) => (v === undefined ? expect.toSatisfy((x: unknown) => x === undefined || x === null) : v))));
    expect(rows.some((r) => String(r[6]) === '待定')).toBe(true);
  });

  it('is not found for a unit that did not make the import', async () => {
    const job = await analysed(t, admin, 'x.xlsx', await ledger());
    const other = await t.login('owner2');
    expect((await t.call('GET', `/api/imports/${job.id}/problems.xlsx`, { cookie: other })).statusCode).toBe(404);
  });
});
