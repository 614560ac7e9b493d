import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { safeText } from '../../xlsx/safe-text.ts';
import type { BulletinData } from './data.ts';
import { bulletinDocx } from './docx.ts';
import { documentXml, tableAfter, wordBlocks } from './testing.ts';

let t: TestApp;
let admin: string;
const year = Number(beijingLocal(new Date()).slice(0, 4)); // the demo's year, in Beijing time
const date = `${year}-06-30`;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('bulletins', () => {
  it('writes the summary from the data', async () => {
    const res = await t.call('GET', `/api/bulletins?kind=month&date=${date}`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    const stats = (await t.call('GET', `/api/stats?year=${year}&asOf=${date}&groupBy=region`, { cookie: admin })).json();
    expect(d.title).toBe('湘潭市重点项目建设情况通报');
    expect(d.periodText).toBe(`${year}年6月`);
    expect(d.summary[0]).toContain(`截至6月30日，全市${stats.total.projects}个重点项目累计完成投资`);
    expect(d.summary[0]).toContain(`占年度计划的${stats.total.completionRate.toFixed(2)}%`);
    expect(d.summary[0]).toMatch(/[快慢]于时序进度\d+\.\d{2}个百分点|持平/);
  });

  it('downloads a Word document that opens and carries the title, summary and tables', async () => {
    const res = await t.call('GET', `/api/bulletins.docx?kind=month&date=${date}`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('湘潭市重点项目建设情况通报'));
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('湘潭市重点项目建设情况通报');
    expect(xml).toContain('截至6月30日');
    expect(xml).toContain('雨湖区');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('六、问题交办办理情况');
    const d = (await t.call('GET', `/api/bulletins?kind=month&date=${date}`, { cookie: admin })).json();
    expect(xml).toContain(d.problems.sentence);
  });

  it('downloads an Excel workbook with titled, frozen sheets and the same figures', async () => {
    const res = await t.call('GET', `/api/bulletins.xlsx?kind=quarter&date=${date}`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分类别', '项目明细', '红黄榜', '问题办理']);
    const ws = wb.getWorksheet('汇总')!;
    expect(String(ws.getCell(1, 1).value)).toBe(`湘潭市重点项目建设季度通报（${year}年第2季度）`);
    expect(String(ws.getCell(2, 1).value)).toContain('单位：万元');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const stats = (await t.call('GET', `/api/stats?year=${year}&asOf=${date}&groupBy=region`, { cookie: admin })).json();
    const totalRow = ws.getRow(4 + stats.rows.length);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(totalRow.getCell(4).value).toBe(stats.total.ytdWan);
  });

  it("writes the Word project table row for row from the bulletin's figures, as docx itself would", async () => {
    const res = await t.call('GET', `/api/bulletins.docx?kind=week&date=${date}`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    const d = (await t.call('GET', `/api/bulletins?kind=week&date=${date}`, { cookie: admin })).json() as BulletinData;
    expect(d.projects.length).toBeGreaterThan(50);
    const xml = await documentXml(res.rawPayload);
    const table = tableAfter(wordBlocks(xml), '四、项目完成情况');
    expect(table.rows).toHaveLength(d.projects.length + 1);
    expect(table.rows[0]).toMatchObject({ header: true });
    expect(table.rows[0]!.cells.map((c) => c.text)).toEqual(['序号', '项目名称', '县市区', '年度计划（万元）', '累计完成（万元）', '完成率', '进度差（百分点）', '等次']);
    const wan = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    d.projects.forEach((p, i) => {
      const row = table.rows[i + 1]!;
      expect(row.header).toBe(false);
      expect(row.cells.map((c) => c.text)).toEqual([String(i + 1), p.name, p.regionName, wan(p.planWan), wan(p.ytdWan), p.completionRate === null ? '—' : `${wan(p.completionRate)}%`, wan(p.gapPoints), p.grade ?? '—']);
    });
    expect(xml === (await documentXml(await bulletinDocx(d, { projectRowsBy: 'docx' })))).toBe(true);
  });

  it('writes every project into the Excel sheet with its figures and number formats', async () => {
    const res = await t.call('GET', `/api/bulletins.xlsx?kind=month&date=${date}`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    const d = (await t.call('GET', `/api/bulletins?kind=month&date=${date}`, { cookie: admin })).json() as BulletinData;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('项目明细')!;
    expect(ws.rowCount).toBe(3 + d.projects.length);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:I1', 'A2:I2']));
    d.projects.forEach((p, i) => {
      const row = ws.getRow(4 + i);
      expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => row.getCell(c).value)).toEqual([i + 1, safeText(p.name), p.regionName, p.category, p.planWan, p.ytdWan, p.completionRate, p.gapPoints]);
      expect([5, 6, 7, 8].map((c) => row.getCell(c).numFmt)).toEqual(['#,##0.00', '#,##0.00', '0.00', '0.00']);
    });
    expect(wb.getWorksheet('红黄榜')!.rowCount).toBe(3 + d.red.length + d.yellow.length);
  });

  it('is refused to a project owner', async () => {
    const owner = await t.login('owner');
    expect((await t.call('GET', `/api/bulletins.docx?kind=week`, { cookie: owner })).statusCode).toBe(403);
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(safeText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeText('-1+1')).toBe(`'-1+1`);
    expect(safeText('雨湖区')).toBe('雨湖区');
  });
});
