/**
 * The latest_reports rollup (kept by triggers on progress_reports) must always be exactly what a
 * computation from scratch gives, and figures read through it must equal figures read from the
 * reports — after every way reports change (save, submit, approve, return, import, rollback,
 * delete, truncate) and after project edits that move a project between groups.
 */
import { beijingLocal, periodOf, timeProgress } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, toNumber } from '../../db/client.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { analysed, committed, previewed, put, settle, xlsx } from '../../../test/ledgers.ts';
import { reference, toInput } from '../../../test/projects.ts';
import { rollupAsKept as asKept, rollupFromScratch as fromScratch } from '../../../test/rollup.ts';
import { campaignOfYear } from '../campaigns/queries.ts';
import { computeStats, GROUP_FIELDS, projectFigures, summarise } from './service.ts';

const today = beijingLocal(new Date()).slice(0, 10);
const year = Number(today.slice(0, 4));
const week = periodOf('week', today);
const month = periodOf('month', today);
const daysAgo = (n: number) => beijingLocal(new Date(Date.now() - n * 86_400_000)).slice(0, 10);

let t: TestApp;
let owner: string;
let admin: string;

// Demo reports stop two weeks ago, so this week, last week and this month are free to file.
beforeAll(async () => {
  t = await testApp({ seedToday: new Date(Date.now() - 14 * 86_400_000) });
  [owner, admin] = await Promise.all([t.login('owner'), t.login('admin')]);
});
afterAll(async () => t?.close());

const rollupFromScratch = () => fromScratch(t.database.db);
const rollupAsKept = () => asKept(t.database.db);

/** Each project's 本年累计 as of a date, straight from the reports. */
async function ytdFromScratch(asOf: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: string; ytd: unknown }>(
    t.database.db,
    sql`select p.id::text as id, coalesce((select r.ytd_yuan from progress_reports r
          where r.project_id = p.id and r.year = ${year} and r.period_end <= ${asOf} and r.status in ('submitted', 'approved')
          order by r.period_end desc, r.updated_at desc, r.period_start desc limit 1), 0) as ytd
        from projects p`,
  );
  return new Map(rows.map((r) => [r.id, toNumber(r.ytd)]));
}

const DATES = () => [today, week.end, month.end, daysAgo(10), daysAgo(40), `${year}-01-31`, `${year}-06-30`, `${year}-01-01`];

/** The rollup equals its computation from scratch; figures and every grouping equal those from the reports. */
async function expectExact(): Promise<void> {
  expect(await rollupAsKept()).toEqual(await rollupFromScratch());
  const db = t.database.db;
  const campaign = await campaignOfYear(db, year);
  for (const asOf of DATES()) {
    const scratch = await ytdFromScratch(asOf);
    const items = await projectFigures(db, null, year, asOf);
    expect(items.map((p) => [p.id, p.ytdYuan]), asOf).toEqual(items.map((p) => [p.id, scratch.get(p.id)]));
    const progress = timeProgress(asOf, year, campaign.timeCurve);
    for (const groupBy of GROUP_FIELDS) {
      const opts = { year, asOf, groupBy };
      expect(await computeStats(db, null, opts), `${asOf} ${groupBy}`).toEqual(summarise(items, opts, progress));
    }
  }
}

async function ownProjects(cookie: string) {
  const res = await t.call('GET', '/api/projects?status=continuing,new&pageSize=50', { cookie });
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; name: string }[];
}

async function save(projectId: string, kind: 'week' | 'month', date: string) {
  const form = (await t.call('GET', `/api/reports/form?projectId=${projectId}&periodKind=${kind}&date=${date}`, { cookie: owner })).json();
  const ytd = (form.previous?.ytdYuan ?? 0) + 3_000_000;
  const res = await t.call('PUT', '/api/reports', {
    cookie: owner,
    body: { projectId, periodKind: kind, periodDate: date, ytdYuan: ytd, sinceStartYuan: Math.max(ytd, form.prefill?.sinceStartYuan ?? 0) + 3_000_000, periodYuan: 3_000_000, version: form.report?.version ?? null },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

async function submit(r: { id: string; version: number }) {
  const res = await t.call('POST', `/api/reports/${r.id}/submit`, { cookie: owner, body: { version: r.version } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

// Each case compares every grouping's figures with a scratch computation after many writes: on
// PGlite with the other test files running beside it, one case took past the default 30 s.
describe('the latest_reports rollup', { timeout: 120_000 }, () => {
  let mine: { id: string; name: string }[];

  it('is built by the migration and seed exactly', async () => {
    mine = await ownProjects(owner);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect((await rollupAsKept()).length).toBeGreaterThan(10);
    await expectExact();
  });

  it('follows drafts (no change), submissions, concurrent ones included', async () => {
    const [a, b] = mine;
    const draft = await save(a!.id, 'week', daysAgo(7));
    await expectExact();
    await submit(draft);
    await expectExact();
    // This week's and this month's reports of one project at once, and another project's.
    const drafts = [await save(a!.id, 'week', today), await save(a!.id, 'month', today), await save(b!.id, 'week', today)];
    await Promise.all(drafts.map(submit));
    await expectExact();
  });

  it('follows approval and return', async () => {
    const queue = (await t.call('GET', '/api/reports?status=submitted', { cookie: admin })).json() as { id: string; version: number; findings: { level: string }[] }[];
    expect(queue.length).toBeGreaterThan(1);
    const [first, second] = queue;
    const approved = await t.call('POST', `/api/reports/${first!.id}/approve`, { cookie: admin, body: { version: first!.version, note: '核实无误' } });
    expect(approved.statusCode, approved.body).toBe(200);
    const returned = await t.call('POST', `/api/reports/${second!.id}/return`, { cookie: admin, body: { version: second!.version, reason: '请补充现场照片' } });
    expect(returned.statusCode, returned.body).toBe(200);
    await expectExact();
  });

  it('places a new report among its slots in place when it can, and refreshes from the reports otherwise', async () => {
    const db = t.database.db;
    const p = mine[1]!.id;
    // Next year and the one after: no report of the demo data or of the other tests is there.
    const [y, z] = [year + 1, year + 2];
    const slots = async (of: number) =>
      (await queryRows<Record<string, unknown>>(db, sql`select first_end::text as a, second_end::text as b, third_end::text as c from latest_reports where project_id = ${p} and year = ${of}`))[0];
    const insert = (of: number, kind: string, start: string, end: string, status: string, ytd: number) =>
      db.execute(sql`insert into progress_reports (project_id, period_kind, period_start, period_end, year, status, period_yuan, ytd_yuan, since_start_yuan, physical_progress, problems, milestones, findings)
                     values (${p}, ${kind}, ${start}, ${end}, ${of}, ${status}, 0, ${ytd}, ${ytd}, '', '', '[]'::jsonb, '[]'::jsonb)`);
    // A marker in a slot's YTD shows which path ran: in place it moves with its slot (or stays),
    // a refresh from the reports replaces it.
    const mark = (slot: 'first' | 'second' | 'third') => db.execute(sql`update latest_reports set ${sql.raw(slot)}_ytd_yuan = 424242 where project_id = ${p} and year = ${y}`);
    const marked = async () => {
      const [row] = await queryRows<Record<string, unknown>>(db, sql`select case 424242 when first_ytd_yuan then 'first' when second_ytd_yuan then 'second' when third_ytd_yuan then 'third' end as slot from latest_reports where project_id = ${p} and year = ${y}`);
      await db.execute(sql`select rebuild_latest_reports()`);
      return row?.slot ?? null;
    };
    // The year's first report has no rollup row yet: refreshed. The next ones are placed.
    await insert(y, 'week', `${y}-03-02`, `${y}-03-08`, 'submitted', 100);
    await insert(y, 'month', `${y}-03-01`, `${y}-03-31`, 'submitted', 300);
    await insert(y, 'week', `${y}-03-09`, `${y}-03-15`, 'submitted', 200);
    expect(await slots(y)).toEqual({ a: `${y}-03-31`, b: `${y}-03-15`, c: `${y}-03-08` });
    await expectExact();
    await mark('second');
    await insert(y, 'week', `${y}-03-16`, `${y}-03-22`, 'submitted', 250); // between the first and second
    expect(await slots(y)).toEqual({ a: `${y}-03-31`, b: `${y}-03-22`, c: `${y}-03-15` });
    expect(await marked()).toBe('third');
    await mark('first');
    await insert(y, 'week', `${y}-04-06`, `${y}-04-12`, 'submitted', 400); // newer than all
    expect(await slots(y)).toEqual({ a: `${y}-04-12`, b: `${y}-03-31`, c: `${y}-03-22` });
    expect(await marked()).toBe('second');
    await mark('third');
    await insert(y, 'week', `${y}-03-23`, `${y}-03-29`, 'submitted', 260); // between the second and third
    expect(await marked()).toBe(null);
    await mark('third');
    await insert(y, 'week', `${y}-01-05`, `${y}-01-11`, 'submitted', 50); // older than all three: no change
    expect(await marked()).toBe('third');
    await expectExact();
    // On a slot's own end date: refreshed (the order then depends on updated_at).
    await mark('first');
    await insert(y, 'week', `${y}-04-07`, `${y}-04-12`, 'submitted', 410);
    expect(await marked()).toBe(null);
    await expectExact();
    // A draft submitted by an update, newer than all: placed.
    await insert(y, 'month', `${y}-04-01`, `${y}-04-30`, 'draft', 500);
    await mark('first');
    await db.execute(sql`update progress_reports set status = 'submitted' where project_id = ${p} and year = ${y} and period_kind = 'month' and period_start = ${`${y}-04-01`}`);
    expect(await slots(y)).toMatchObject({ a: `${y}-04-30` });
    expect(await marked()).toBe('second');
    // Two drafts of one project and year submitted by one statement: refreshed.
    await insert(z, 'week', `${z}-01-05`, `${z}-01-11`, 'draft', 1);
    await insert(z, 'week', `${z}-01-12`, `${z}-01-18`, 'draft', 2);
    await db.execute(sql`update progress_reports set status = 'submitted' where project_id = ${p} and year = ${z}`);
    expect(await slots(z)).toEqual({ a: `${z}-01-18`, b: `${z}-01-11`, c: null });
    await expectExact();
    // Approving a counted report moves it only through updated_at: refreshed.
    await db.execute(sql`update progress_reports set status = 'approved', updated_at = now() where project_id = ${p} and year = ${y} and period_start = ${`${y}-04-07`}`);
    await expectExact();
    // Many at once, in no order, on PostgreSQL from as many connections: writers that wait for
    // the rollup row place their report among the others' or refresh.
    const weeks = [5, 1, 9, 3, 12, 7, 2, 11, 4, 10, 6, 8].map((w) => `${z}-06-${String(w).padStart(2, '0')}`);
    await Promise.all(weeks.map((d, i) => insert(z, 'week', d, d, 'submitted', 1000 + i)));
    expect(await slots(z)).toEqual({ a: `${z}-06-12`, b: `${z}-06-11`, c: `${z}-06-10` });
    await expectExact();
    await db.execute(sql`delete from progress_reports where project_id = ${p} and year in (${y}, ${z})`);
    await expectExact();
  });

  it('follows project edits that move a project between groups (region, levels, category, track, HQ, leader, owner, plan)', async () => {
    const ref = await reference(t);
    const [p] = mine;
    const d = (await t.call('GET', `/api/projects/${p!.id}`, { cookie: admin })).json();
    const body = {
      ...toInput(d),
      regionCode: d.regionCode === '430304' ? '430302' : '430304',
      parkCode: null,
      levels: ['province', 'city'],
      category: d.category === 'industry' ? 'infrastructure' : 'industry',
      track: d.track === 'start' ? 'output' : 'start',
      hqOrgId: ref.hqs.find((h) => h !== d.hqOrgId) ?? null,
      leaderPersonId: ref.people.find((x) => x !== d.leaderPersonId) ?? null,
      ownerOrgId: ref.owners.find((o) => o !== d.ownerOrgId)!,
      annualPlans: toInput(d).annualPlans!.map((a) => (a.year === year ? { ...a, amountYuan: Math.floor(d.totalInvestmentYuan / 3), changeReason: '调整年度计划（测试）' } : a)),
    };
    const res = await t.call('PUT', `/api/projects/${p!.id}`, { cookie: admin, body });
    expect(res.statusCode, res.body).toBe(200);
    await expectExact();
  });

  it('follows an import of month reports and its rollback', async () => {
    const db = t.database.db;
    // Two existing projects (their January reports change) and a new one.
    const known = await queryRows<{ name: string; region: string; owner: string }>(
      db,
      sql`select p.name, r.name as region, o.name as owner from projects p join regions r on r.code = p.region_code join organisations o on o.id = p.owner_org_id
          where p.deleted_at is null and p.status in ('continuing', 'new') order by p.name limit 2`,
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('1月进度');
    ws.getCell('A1').value = `截至${year}年1月31日重点建设项目投资完成情况表`;
    ws.getCell('H2').value = '单位：万元';
    put(ws, 3, [
      ['序号', '项目名称', '县市区', '业主单位', '项目级别', '总投资', `${year}年计划`, '1月完成'],
      ...known.map((k, i) => [i + 1, k.name, k.region, k.owner, '市州重点', 90_000, 20_000, 777 + i]),
      [3, '汇总核对新建测试项目', '雨湖区', known[0]!.owner, '市州重点', 5000, 1000, 120],
    ]);
    const job = await committed(t, admin, (await previewed(t, admin, (await analysed(t, admin, `${year}年1月进度.xlsx`, await xlsx(wb))).id)).id, true);
    expect(job.status, job.error ?? '').toBe('committed');
    expect(job.counts.reportsCreated + job.counts.reportsUpdated).toBeGreaterThan(0);
    await expectExact();
    const res = await t.call('POST', `/api/imports/${job.id}/rollback`, { cookie: admin });
    expect(res.statusCode, res.body).toBe(202);
    expect((await settle(t, admin, job.id)).status).toBe('rolled_back');
    await expectExact();
  });

  it('follows deletes and truncation, and rebuilds to the same table', async () => {
    const db = t.database.db;
    const before = await rollupAsKept();
    await db.execute(sql`select rebuild_latest_reports()`);
    expect(await rollupAsKept()).toEqual(before);
    await db.execute(sql`delete from progress_reports where id in (select id from progress_reports where status = 'approved' order by period_end desc limit 40)`);
    await expectExact();
    await db.execute(sql`truncate progress_reports cascade`);
    expect(await rollupAsKept()).toEqual([]);
    await expectExact();
  });
});
