/**
 * Ledgers of other shapes: a project ledger in 元 on two sheets with a one-row header and
 * every date spelling; a progress ledger in 亿元 whose period only its header says, matched to
 * existing projects by code and by name; the next month's ledger; a ledger with no period.
 */
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, progressReports, projects } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { analysed, committed, freshName, previewed, problemsOf, put, xlsx } from '../../../test/ledgers.ts';

const Y = Number(beijingLocal(new Date()).slice(0, 4)) - 1;
let t: TestApp;
let admin: string;
let ownerName: string;
let known: (typeof projects.$inferSelect)[];

beforeAll(async () => {
  t = await testApp({ reports: false });
  admin = await t.login('admin');
  ownerName = (await t.database.db.select().from(organisations).where(eq(organisations.kind, 'owner')))[2]!.name;
  known = await t.database.db.select().from(projects).where(and(isNotNull(projects.code), eq(projects.regionCode, '430302'))).limit(2);
  const [noCode] = await t.database.db.select().from(projects).where(eq(projects.regionCode, '430304')).limit(1);
  known.push(noCode!);
});
afterAll(async () => t?.close());

describe('a project ledger in 元 on two sheets', () => {
  const dates = [`${Y}年3月`, `${Y}.03`, `${Y}-03-10`, new Date(Date.UTC(Y, 2, 10))] as const;
  const made = dates.map(() => freshName('两表台账项目'));

  async function book() {
    const wb = new ExcelJS.Workbook();
    for (const [s, sheet] of ['产业项目', '基础设施'].entries()) {
      const ws = wb.addWorksheet(sheet);
      ws.getCell('A1').value = `${Y}年重点项目名单（${sheet}）`;
      ws.getCell('A2').value = '金额单位：元';
      put(ws, 3, [['项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '计划总投资', '年度计划投资', '计划开工', '计划竣工']]);
      for (let i = 0; i < 2; i++) {
        const k = s * 2 + i;
        put(ws, 4 + i, [[made[k]!, '雨湖区', ownerName, '市(县)本级重点', s ? '"两新一重"项目' : '产业项目', '新建', `${(123_456_789 + k).toLocaleString('en-US')}`, 1_000_000 + k, dates[k]!, `${Y + 2}年6月`]]);
      }
    }
    return xlsx(wb);
  }

  it('imports both sheets in 元, with every date spelling', async () => {
    const job = await analysed(t, admin, 'two-sheets.xlsx', await book());
    expect(job.sheets.map((s) => [s.sheet, s.enabled, s.unit])).toEqual([['产业项目', true, 'yuan'], ['基础设施', true, 'yuan']]);
    expect(job.needsPeriod).toBe(false);
    const done = await committed(t, admin, (await previewed(t, admin, job.id)).id);
    expect(done.counts).toMatchObject({ created: 4, errors: 0, warnings: 0 });
    const rows = await t.database.db.select().from(projects).where(inArray(projects.name, made));
    const by = (i: number) => rows.find((r) => r.name === made[i])!;
    expect([0, 1, 2, 3].map((i) => by(i).totalInvestmentYuan)).toEqual([123_456_789, 123_456_790, 123_456_791, 123_456_792]);
    expect([0, 1, 2, 3].map((i) => by(i).plannedStart)).toEqual([`${Y}-03-01`, `${Y}-03-01`, `${Y}-03-10`, `${Y}-03-10`]);
    expect(by(0).plannedFinish).toBe(`${Y + 2}-06-30`);
    expect([by(0).category, by(2).category]).toEqual(['industry', 'infrastructure']);
    expect(by(0).levels).toEqual(['county']);
  });
});

describe('a progress ledger in 亿元 for existing projects', () => {
  async function book(month: number, figures: number[], title = `${Y}年重点项目投资进度`) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进度');
    ws.getCell('A1').value = title;
    put(ws, 2, [['项目代码', '项目名称', '县市区', `1-${month}月完成投资（亿元）`, '形象进度']]);
    put(ws, 3, known.map((p, i) => [i === 2 ? null : p.code, p.name, i === 2 ? '岳塘区' : null, figures[i]!, `第${month}月进展`]));
    return xlsx(wb);
  }

  it('reads the period from the header and the year from the title, matches by code and by name', async () => {
    const job = await analysed(t, admin, 'progress.xlsx', await book(6, [0.1234, 1.5, 0.00005]));
    expect(job).toMatchObject({ period: `${Y}-06`, periodSource: 'header', needsPeriod: false });
    expect(job.sheets[0]!.columns.map((c) => [c.field, c.unit])).toContainEqual(['ytd', 'yi']);
    const done = await committed(t, admin, (await previewed(t, admin, job.id)).id);
    expect(done.counts).toMatchObject({ unchanged: 3, reportsCreated: 3, errors: 0 });
    const reports = await t.database.db.select().from(progressReports).where(and(inArray(progressReports.projectId, known.map((p) => p.id)), eq(progressReports.periodStart, `${Y}-06-01`)));
    expect(known.map((p) => reports.find((r) => r.projectId === p.id)?.ytdYuan)).toEqual([12_340_000, 150_000_000, 5000]);
  });

  it('takes the next month as the change since the last one', async () => {
    const job = await previewed(t, admin, (await analysed(t, admin, 'progress-7.xlsx', await book(7, [0.2, 1.5, 0.00005]))).id);
    expect(job.counts).toMatchObject({ reportsCreated: 3 });
    await committed(t, admin, job.id);
    const [r] = await t.database.db.select().from(progressReports).where(and(eq(progressReports.projectId, known[0]!.id), eq(progressReports.periodStart, `${Y}-07-01`)));
    expect(r).toMatchObject({ ytdYuan: 20_000_000, periodYuan: 7_660_000 });
  });

  it('refuses figures that fall below last month, naming the cell', async () => {
    const job = await previewed(t, admin, (await analysed(t, admin, 'progress-8.xlsx', await book(8, [0.1, 1.5, 0.00005]))).id);
    expect(job.counts).toMatchObject({ skipped: 1 });
    const [p] = (await problemsOf(t, admin, job.id)).filter((x) => x.level === 'error');
    expect(p).toMatchObject({ sheet: '进度', row: 3, column: 'D', value: '0.1' });
    expect(p!.reason).toContain('不能小于上期');
  });

  it('asks for the period when the sheet does not say it, and refuses a month not yet come', async () => {
    const job = await analysed(t, admin, 'no-period.xlsx', await book(9, [0.3, 1.6, 0.0001], '重点项目投资进度'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进度');
    put(ws, 1, [['项目代码', '本年累计完成投资'], [known[0]!.code, 1]]);
    const bare = await analysed(t, admin, 'bare.xlsx', await xlsx(wb));
    expect(bare).toMatchObject({ period: null, needsPeriod: true });
    const res = await t.call('PUT', `/api/imports/${bare.id}/mapping`, { cookie: admin, body: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('填报期');
    const future = await t.call('PUT', `/api/imports/${bare.id}/mapping`, { cookie: admin, body: { period: `${Y + 2}-01` } });
    expect(future.json().message).toContain('还没到');
    expect((await previewed(t, admin, bare.id, { period: `${Y}-09` })).period).toBe(`${Y}-09`);
    expect(job.needsPeriod).toBe(true);
  });
});
