import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { safeText } from '../../xlsx/safe-text.ts';

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
