/**
 * Templates import as they are filled, the organisation's mapping is remembered, and an
 * exported list imported again changes nothing.
 */
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressReports, projects } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { analysed, committed, freshName, previewed, problemsOf, put, xlsx } from '../../../test/ledgers.ts';

const Y = Number(beijingLocal(new Date()).slice(0, 4)) - 1;
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await testApp({ reports: false });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

async function download(url: string, cookie: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  return { wb, raw: res.rawPayload };
}

describe('the project template', () => {
  it('has instructions, drop-down lists, examples, and imports cleanly once filled', async () => {
    const { wb, raw } = await download(`/api/imports/templates/projects.xlsx?year=${Y}`, admin);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['填写说明', 'visible'], ['项目台账', 'visible'], ['示例（不导入）', 'visible'], ['选项', 'hidden']]);
    const sheetXml = await (await JSZip.loadAsync(raw)).file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheetXml.match(/<dataValidation /g)?.length).toBeGreaterThanOrEqual(9);
    expect(sheetXml).toContain('选项');
    const data = wb.getWorksheet('项目台账')!;
    const example = wb.getWorksheet('示例（不导入）')!;
    expect(example.getRow(4).getCell(3).value).toBe('示例智能装备产业园项目');
    const names = [freshName('模板项目'), freshName('模板项目')];
    for (const r of [4, 5]) {
      (example.getRow(r).values as ExcelJS.CellValue[]).forEach((v, c) => v !== undefined && (data.getCell(r, c).value = v));
      data.getCell(r, 3).value = names[r - 4]!;
    }
    const job = await analysed(t, admin, 'filled-template.xlsx', await xlsx(wb));
    expect(job.sheets.filter((s) => s.enabled).map((s) => s.sheet)).toEqual(['项目台账']);
    expect(job.notices.join()).toContain('示例');
    const done = await previewed(t, admin, job.id);
    expect(await problemsOf(t, admin, job.id)).toEqual([]);
    expect(done.counts).toMatchObject({ created: 2, errors: 0, warnings: 0 });
    await committed(t, admin, job.id);
    const [p] = await t.database.db.select().from(projects).where(eq(projects.name, names[1]!));
    expect(p).toMatchObject({ levels: ['province', 'city'], category: 'infrastructure', status: 'continuing', totalInvestmentYuan: 128_005_000, plannedStart: `${Y - 1}-10-01`, plannedFinish: `${Y}-12-31` });
  });
});

describe('the progress template', () => {
  it('lists the owner’s projects under a title naming the month, and imports once filled', async () => {
    const owner = await t.login('owner');
    const me = (await t.call('GET', '/api/auth/me', { cookie: owner })).json();
    const mine = await t.database.db.select().from(projects).where(eq(projects.ownerOrgId, me.orgId));
    const { wb } = await download(`/api/imports/templates/progress.xlsx?period=${Y}-05`, owner);
    const ws = wb.getWorksheet('进度填报')!;
    expect(ws.getCell('A1').value).toBe(`${Y}年5月重点项目投资进度填报表`);
    expect(ws.getCell('B2').value ?? ws.getCell('A2').value).toContain('单位：万元');
    const listed = [] as string[];
    for (let r = 4; r < 4 + mine.length; r++) {
      listed.push(String(ws.getCell(r, 3).value));
      ws.getCell(r, 5).value = 100 + r;
      ws.getCell(r, 8).value = '按计划推进';
    }
    expect(listed.sort()).toEqual(mine.map((p) => p.name).sort());
    const job = await analysed(t, owner, 'progress-template.xlsx', await xlsx(wb));
    expect(job).toMatchObject({ period: `${Y}-05`, periodSource: 'title' });
    const done = await committed(t, owner, (await previewed(t, owner, job.id)).id);
    expect(done.counts).toMatchObject({ reportsCreated: mine.length, errors: 0 });
    const [r] = await t.database.db.select().from(progressReports).where(and(eq(progressReports.projectId, mine[0]!.id), eq(progressReports.periodStart, `${Y}-05-01`)));
    expect(r?.status).toBe('submitted');
  });
});

describe('the mapping an organisation confirmed', () => {
  async function ledger() {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('表'), 1, [['项目名称', '承建方', '计划总投资'], [freshName(), '某公司', 100]]);
    return xlsx(wb);
  }

  it('is proposed again for its next ledger, and only for that organisation', async () => {
    const first = await analysed(t, admin, 'memory-1.xlsx', await ledger());
    expect(first.sheets[0]!.columns[1]).toMatchObject({ header: '承建方', field: null, source: 'none' });
    await previewed(t, admin, first.id, { sheets: [{ sheet: '表', enabled: true, columns: [{ index: 1, field: 'owner' }] }] });
    const second = await analysed(t, admin, 'memory-2.xlsx', await ledger());
    expect(second.sheets[0]!.columns[1]).toMatchObject({ field: 'owner', source: 'memory' });
    expect((await t.call('GET', '/api/imports/memory', { cookie: admin })).json()).toContainEqual(expect.objectContaining({ header: '承建方', field: 'owner' }));
    const yuhu = await t.login('yuhu');
    expect((await analysed(t, yuhu, 'memory-3.xlsx', await ledger())).sheets[0]!.columns[1]!.field).toBeNull();
    expect((await t.call('DELETE', `/api/imports/memory?header=${encodeURIComponent('承建方')}`, { cookie: admin })).statusCode).toBe(204);
    expect((await analysed(t, admin, 'memory-4.xlsx', await ledger())).sheets[0]!.columns[1]!.field).toBeNull();
  });
});

describe('an exported list imported again', () => {
  it('changes nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/exports/projects.xlsx?region=430302&year=${Y}`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const job = await previewed(t, admin, (await analysed(t, admin, 'export.xlsx', res.rawPayload)).id);
    const listed = (await t.call('GET', `/api/projects?region=430302&pageSize=200`, { cookie: admin })).json().total;
    expect(await problemsOf(t, admin, job.id)).toEqual([]);
    expect(job.counts).toMatchObject({ rows: listed, unchanged: listed, created: 0, updated: 0, ignoredRows: 1 });
  });
});
