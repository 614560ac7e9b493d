/**
 * Exports are what an office would have made by hand: the rows, filters, columns and unit of
 * the screen, a title, a dated note with the unit, a frozen header, a 合计 row — and no cell
 * that Excel could run as a formula.
 */
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { create, newProject, reference } from '../../../test/projects.ts';

let t: TestApp;
let admin: string;
const year = Number(beijingLocal(new Date()).slice(0, 4));

beforeAll(async () => {
  t = await testApp({ boards: 1 });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

async function workbook(url: string, cookie?: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1);

describe('the project list', () => {
  it('has the list’s rows and filters, a title, a dated unit note and a frozen header', async () => {
    const list = (await t.call('GET', '/api/projects?category=industry&region=430302&sort=name&order=asc&pageSize=200', { cookie: admin })).json();
    const wb = await workbook('/api/exports/projects.xlsx?category=industry&region=430302&sort=name&order=asc', admin);
    const ws = wb.getWorksheet('项目库')!;
    expect(ws.getCell('A1').value).toBe(`${year}年重点项目库`);
    expect(String(ws.getCell('A2').value)).toMatch(/^筛选：类别 产业项目；区划 雨湖区\u3000\u3000导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}\u3000\u3000单位：万元$/);
    expect(rowValues(ws, 3).slice(0, 4)).toEqual(['序号', '项目代码', '项目名称', '项目级别']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const names = Array.from({ length: list.total }, (_, i) => ws.getCell(4 + i, 3).value);
    expect(names).toEqual(list.items.map((p: { name: string }) => p.name));
    const totalCol = rowValues(ws, 3).indexOf('计划总投资（万元）') + 1;
    expect(ws.getCell(4, totalCol).value).toBe(list.items[0].totalInvestmentYuan / 10_000);
    const last = ws.getRow(4 + list.total);
    expect(last.getCell(1).value).toBe('合计');
    const sum = list.items.reduce((s: number, p: { totalInvestmentYuan: number }) => s + p.totalInvestmentYuan, 0);
    expect(last.getCell(totalCol).value).toBeCloseTo(sum / 10_000, 4);
  });

  it('takes the columns and the unit chosen on screen', async () => {
    const ws = (await workbook('/api/exports/projects.xlsx?columns=name,totalInvestmentYuan&unit=yi&pageSize=5', admin)).getWorksheet('项目库')!;
    expect(rowValues(ws, 3)).toEqual(['序号', '项目名称', '计划总投资（亿元）']);
    expect(String(ws.getCell('A2').value)).toContain('单位：亿元');
  });

  it('neutralises text Excel could run as a formula', async () => {
    const ref = await reference(t);
    await create(t, admin, newProject(ref.owners[0]!, { name: '=HYPERLINK("http://evil.example","点我")' }));
    const ws = (await workbook('/api/exports/projects.xlsx?q=HYPERLINK', admin)).getWorksheet('项目库')!;
    expect(ws.getCell(4, 3).value).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(ws.getCell(4, 3).formula).toBeUndefined();
  });

  it('exports only what the caller may see', async () => {
    const owner = await t.login('owner');
    const mine = (await t.call('GET', '/api/projects?pageSize=200', { cookie: owner })).json().total;
    const ws = (await workbook('/api/exports/projects.xlsx', owner)).getWorksheet('项目库')!;
    expect(ws.getCell(4 + mine, 1).value).toBe('合计');
    expect((await t.call('GET', '/api/exports/projects.xlsx')).statusCode).toBe(401);
  });
});

describe('a published board, the figures and the dashboard', () => {
  it('prints the board by project and by unit, for anyone', async () => {
    const [board] = (await t.call('GET', '/api/public/boards')).json();
    const published = (await t.call('GET', `/api/public/boards/${board.id}`)).json();
    const wb = await workbook(`/api/exports/boards/${board.id}`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目榜单', '按县市区', '按园区', '按指挥部']);
    const ws = wb.getWorksheet('项目榜单')!;
    expect(String(ws.getCell('A1').value)).toContain(board.weekStart);
    expect(String(ws.getCell('A2').value)).toContain(`时序进度：${board.timeProgress.toFixed(2)}%`);
    expect(ws.rowCount).toBe(3 + published.entries.length);
    expect(ws.getCell(4, 2).value).toBe(published.entries[0].projectName);
  });

  it('prints the figures by group with the 合计 row', async () => {
    const stats = (await t.call('GET', `/api/stats?groupBy=category&asOf=${year}-06-30`, { cookie: admin })).json();
    const ws = (await workbook(`/api/exports/stats.xlsx?groupBy=category&asOf=${year}-06-30`, admin)).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`${year}年重点项目投资完成情况（按项目类别）`);
    expect(ws.rowCount).toBe(3 + stats.rows.length + 1);
    expect(rowValues(ws, ws.rowCount)).toEqual(['合计', stats.total.projects, stats.total.planWan, stats.total.ytdWan, stats.total.completionRate, stats.total.timeProgress, stats.total.gapPoints]);
  });

  it('prints the dashboard tables with its filters', async () => {
    const wb = await workbook(`/api/exports/dashboard.xlsx?category=industry&asOf=${year}-06-30`, admin);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按县市区', '按项目类别', '按项目级别', '滞后项目']);
    expect(String(wb.worksheets[0]!.getCell('A2').value)).toContain('筛选：类别 产业项目');
  });
});
