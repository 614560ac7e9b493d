/**
 * The commit writes the latest_reports rollup itself for the reports it creates (its trigger
 * is deferred for the import's own transaction only, migration 0016). The rollup must equal a
 * computation from scratch after a commit that creates projects with reports, adds reports to
 * existing projects and changes existing ones, and after its rollback; and the deferral must
 * not outlive the commit's transaction.
 */
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import type { TestApp } from '../../../test/harness.ts';
import { analysed, appWithThisMonthFree, committed, freshName, previewed, problemsOf, put, settle, xlsx } from '../../../test/ledgers.ts';
import { rollupAsKept, rollupFromScratch } from '../../../test/rollup.ts';

const today = beijingLocal(new Date());
const year = Number(today.slice(0, 4));
const thisMonth = Number(today.slice(5, 7));
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await appWithThisMonthFree();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

const fromScratch = () => rollupFromScratch(t.database.db);
const asKept = () => rollupAsKept(t.database.db);

async function importMonth(month: number, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${month}月进度`);
  ws.getCell('A1').value = `截至${year}年${month}月${new Date(Date.UTC(year, month, 0)).getUTCDate()}日重点建设项目投资完成情况表`;
  ws.getCell('H2').value = '单位：万元';
  put(ws, 3, [['序号', '项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '总投资', `${year}年计划`, `1-${month}月完成`], ...rows]);
  const job = await previewed(t, admin, (await analysed(t, admin, `${year}年1-${month}月进度.xlsx`, await xlsx(wb))).id);
  expect(job.counts.errors, JSON.stringify(await problemsOf(t, admin, job.id))).toBe(0);
  const done = await committed(t, admin, job.id, true);
  expect(done.status, done.error ?? '').toBe('committed');
  return done;
}

async function rollBack(job: { id: string }) {
  const res = await t.call('POST', `/api/imports/${job.id}/rollback`, { cookie: admin });
  expect(res.statusCode, res.body).toBe(202);
  const undone = await settle(t, admin, job.id);
  expect(undone.status, undone.error ?? '').toBe('rolled_back');
  expect(await asKept()).toEqual(await fromScratch());
}

describe('the rollup after an import', () => {
  it('equals a computation from scratch after commits that create, add and change reports, and after their rollback', async () => {
    const [{ name: owner }] = (await queryRows<{ name: string }>(t.database.db, sql`select name from organisations where kind = 'owner' order by name limit 1`)) as [{ name: string }];
    const fresh = [freshName('汇总新建项目'), freshName('汇总新建项目'), freshName('汇总新建项目')];
    // Existing projects with their latest monthly report of the year: one to add this month's report to, one whose report changes.
    const existing = await queryRows<{ name: string; region: string; month: number; ytd: string }>(
      t.database.db,
      sql`select distinct on (p.id) p.name, g.name as region, extract(month from r.period_start)::int as month, r.ytd_yuan::text as ytd
          from projects p join regions g on g.code = p.region_code join progress_reports r on r.project_id = p.id
          where p.deleted_at is null and r.period_kind = 'month' and r.year = ${year} and r.status in ('submitted', 'approved')
          order by p.id, r.period_start desc`,
    );
    const adding = existing.find((e) => e.month < thisMonth)!;
    const changing = existing.find((e) => e !== adding && e.month <= thisMonth)!;
    const wan = (yuan: string) => Number(yuan) / 10_000 + 1;
    const first = await importMonth(thisMonth, [
      ...fresh.map((name, i) => [i + 1, name, '雨湖区', owner, '市州重点', '产业项目', '新建', 5000, 1000, 100 + i]),
      [9, adding.name, adding.region, null, null, null, null, null, null, wan(adding.ytd)],
    ]);
    expect(first.counts).toMatchObject({ created: 3, reportsCreated: 4 });
    expect(await asKept()).toEqual(await fromScratch());
    const second = await importMonth(changing.month, [[1, changing.name, changing.region, null, null, null, null, null, null, wan(changing.ytd)]]);
    expect(second.counts).toMatchObject({ reportsUpdated: 1 });
    expect(await asKept()).toEqual(await fromScratch());
    await rollBack(second);
    await rollBack(first);
    // New projects again, then their reports changed by a later import (the trigger's path), and that undone.
    const again = [freshName('汇总新建项目'), freshName('汇总新建项目')];
    await importMonth(thisMonth, again.map((name, i) => [i + 1, name, '雨湖区', owner, '市州重点', '产业项目', '新建', 5000, 1000, 100 + i]));
    const third = await importMonth(thisMonth, again.map((name, i) => [i + 1, name, '雨湖区', null, null, null, null, null, null, 200 + i]));
    expect(third.counts).toMatchObject({ reportsUpdated: 2 });
    expect(await asKept()).toEqual(await fromScratch());
    await rollBack(third);
  });

  it('leaves the trigger on for every other transaction', async () => {
    const [setting] = await queryRows<{ v: string | null }>(t.database.db, sql`select current_setting('pacer.latest_reports', true) as v`);
    expect(setting?.v ?? '').toBe('');
    // A report written outside the import, by plain SQL, still reaches the rollup.
    const [p] = await queryRows<{ id: string }>(t.database.db, sql`select id::text from projects where deleted_at is null order by name limit 1`);
    await t.database.db.execute(sql`insert into progress_reports (project_id, period_kind, period_start, period_end, year, ytd_yuan, since_start_yuan, period_yuan, status)
      values (${p!.id}::uuid, 'month', ${`${year}-11-01`}::date, ${`${year}-11-30`}::date, ${year}, 123456, 123456, 0, 'approved')
      on conflict do nothing`);
    expect(await asKept()).toEqual(await fromScratch());
  });
});
