/**
 * The commit's new projects and reports are written in one statement each (commit-creates.ts).
 * They must write exactly what the earlier statements wrote — one INSERT … SELECT per table,
 * kept here as the reference — for new projects (with and without a plan, a reserve project, a
 * new owner unit) and for a report added to an existing project: the same projects, plans,
 * campaign memberships, reports, version rows and rollup rows, field by field.
 */
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client.ts';
import { progressReports, projects } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { TestApp } from '../../../test/harness.ts';
import { analysed, appWithThisMonthFree, freshName, previewed, problemsOf, put, xlsx } from '../../../test/ledgers.ts';
import { SYSTEM_ACTOR, type Actor } from './actor.ts';
import { NEW_OWNER } from './assemble-project.ts';
import { insertCreatedProjects, insertCreatedReports, type Window } from './commit-creates.ts';
import { toPeriod } from './preview.ts';

const today = beijingLocal(new Date());
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await appWithThisMonthFree();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

// ---- The statements before (reference) ----
type Column = { name: string; getSQLType(): string };
const P = getTableColumns(projects) as unknown as Record<string, Column>;
const R = getTableColumns(progressReports) as unknown as Record<string, Column>;
const PROJECT_KEYS = ['code', 'name', 'levels', 'category', 'status', 'track', 'regionCode', 'parkCode', 'industryCode', 'chainId', 'ownerOrgId', 'responsibleOrgId', 'leaderPersonId', 'hqOrgId', 'serviceTeamOrgId', 'contactName', 'contactPhone', 'totalInvestmentYuan', 'plannedStart', 'plannedFinish', 'latitude', 'longitude', 'description'];
const REPORT_KEYS = ['ytdYuan', 'sinceStartYuan', 'periodYuan', 'paidYtdYuan', 'physicalProgress', 'problems', 'findings', 'status'];
const q = (name: string) => `"${name}"`;
const list = (keys: readonly string[], f: (k: string) => string) => sql.raw(keys.map(f).join(', '));
const recordOf = (json: string, keys: readonly string[], columns: Record<string, Column>) =>
  sql.raw(`jsonb_to_record(${json}) as x(${keys.map((k) => `${q(k)} ${columns[k]!.getSQLType()}`).join(', ')})`);
const staged = (w: Window, condition: SQL) => sql`r.job_id = ${w.jobId} and r.seq > ${w.from} and r.seq <= ${w.to} and ${condition}`;

async function referenceProjects(db: Db, w: Window, actor: Actor, campaignId: string | null) {
  const names = list(PROJECT_KEYS, (k) => q(P[k]!.name));
  const values = list(PROJECT_KEYS, (k) => (k === 'ownerOrgId' ? `case when x."ownerOrgId" = '${NEW_OWNER}' then o.id else x."ownerOrgId" end` : `x.${q(k)}`));
  const creates = staged(w, sql`r.action = 'create'`);
  await db.execute(sql`insert into projects (id, created_by, updated_by, ${names})
    select r.project_id, ${actor.id}::uuid, ${actor.id}::uuid, ${values}
    from import_rows r cross join lateral ${recordOf(`r.project->'columns'`, PROJECT_KEYS, P)}
    left join lateral (select o.id from organisations o where r.new_owner is not null and o.kind = 'owner' and o.name = r.new_owner) o on true
    where ${creates} order by r.seq`);
  await db.execute(sql`insert into project_annual_plans (project_id, year, amount_yuan, baseline_yuan, change_reason)
    select r.project_id, x.year, x."amountYuan", x."baselineYuan", x."changeReason"
    from import_rows r cross join lateral jsonb_to_record(r.project->'plan') as x(year integer, "amountYuan" bigint, "baselineYuan" bigint, "changeReason" text)
    where ${creates} and jsonb_typeof(r.project->'plan') = 'object'`);
  if (campaignId) {
    await db.execute(sql`insert into campaign_projects (campaign_id, project_id)
      select ${campaignId}::uuid, r.project_id from import_rows r where ${creates} and r.project->'columns'->>'status' <> 'reserve' on conflict do nothing`);
  }
}

async function referenceReports(db: Db, w: Window, actor: Actor, period: { start: string; end: string; year: number }) {
  const creates = staged(w, sql`r.report_action = 'create'`);
  const note = `Excel 导入（批次 ${w.jobId.slice(0, 8)}）`;
  await db.execute(sql`select set_config('pacer.latest_reports', 'deferred', true)`);
  await db.execute(sql`insert into progress_reports (id, project_id, period_kind, period_start, period_end, year, created_by, ${list(REPORT_KEYS, (k) => q(R[k]!.name))},
      submitted_at, submitted_by, reviewed_at, reviewed_by, review_note, updated_at)
    select r.report_id, r.project_id, 'month', ${period.start}::date, ${period.end}::date, ${period.year}, ${actor.id}::uuid, ${list(REPORT_KEYS, (k) => `x.${q(k)}`)},
      case when x.status = 'submitted' then now() end, case when x.status = 'submitted' then ${actor.id}::uuid end,
      case when x.status = 'approved' then now() end, case when x.status = 'approved' then ${actor.id}::uuid end,
      case when x.status = 'approved' then ${note} end, now()
    from import_rows r cross join lateral ${recordOf('r.report', REPORT_KEYS, R)}
    where ${creates} on conflict do nothing`);
  await db.execute(sql`select set_config('pacer.latest_reports', '', true)`);
  await db.execute(sql`insert into latest_reports (project_id, year, first_end, first_ytd_yuan)
    select pr.project_id, pr.year, pr.period_end, pr.ytd_yuan from import_rows r join progress_reports pr on pr.id = r.report_id
    where ${creates} and r.action = 'create' and pr.status in ('submitted', 'approved')`);
  await db.execute(sql`select refresh_latest_reports(array_agg(r.project_id), array_agg(${period.year}::integer))
    from import_rows r where ${creates} and r.action <> 'create' having count(*) > 0`);
  const version = list(Object.keys(R).filter((k) => k !== 'id'), (k) => `'${k}', pr.${q(R[k]!.name)}`);
  await db.execute(sql`insert into report_versions (report_id, version, action, status, data, user_id)
    select pr.id, 1, 'import', pr.status, jsonb_build_object(${version}), ${actor.id}::uuid
    from import_rows r join progress_reports pr on pr.id = r.report_id where ${creates}`);
}

// ---- What each wrote ----
class Undo extends Error {}
/** The new owner unit's id, the same in both runs. */
const NEW_ORG = randomUUID();

/** Runs `write` in a transaction, reads what the import's projects and reports became, and rolls back. */
async function written(jobId: string, write: (tx: Db) => Promise<void>) {
  let seen: unknown = null;
  await t.database.db
    .transaction(async (txn) => {
      const tx = txn as unknown as Db;
      // A new owner unit, as the commit creates it before the projects.
      await tx.execute(sql`insert into organisations (id, name, kind, region_code)
        select distinct ${NEW_ORG}::uuid, r.new_owner, 'owner', r.project->'columns'->>'regionCode' from import_rows r where r.job_id = ${jobId} and r.new_owner is not null`);
      await write(tx);
      const read = (query: SQL) => queryRows<Record<string, unknown>>(tx, query);
      const mine = sql`(select project_id from import_rows where job_id = ${jobId} and project_id is not null)`;
      // A time written by now() is the transaction's: shown as "now", so that both runs compare.
      const stamp = (expr: string) => sql.raw(`case when ${expr} is null then 'null' when ${expr} = now() then 'now' else (${expr})::text end`);
      const times = (row: string, json: string, keys: [string, string][]) =>
        sql.raw(`${json} ${keys.map(([k]) => `- '${k}'`).join(' ')} as row, jsonb_build_object(${keys.map(([k, col]) => `'${k}', case when ${row}.${col} is null then 'null' when ${row}.${col} = now() then 'now' else ${row}.${col}::text end`).join(', ')}) as times`);
      const versionTimes = ['submittedAt', 'reviewedAt', 'createdAt', 'updatedAt'].map((k) => sql`, ${stamp(`(v.data->>'${k}')::timestamptz`)} as ${sql.raw(q(k))}`);
      seen = {
        projects: await read(sql`select ${times('p', 'to_jsonb(p)', [['created_at', 'created_at'], ['updated_at', 'updated_at']])} from projects p where p.id in ${mine} order by p.id`),
        plans: await read(sql`select to_jsonb(x) as row from project_annual_plans x where x.project_id in ${mine} order by x.project_id, x.year`),
        members: await read(sql`select to_jsonb(x) as row from campaign_projects x where x.project_id in ${mine} order by x.campaign_id, x.project_id`),
        reports: await read(
          sql`select ${times('x', 'to_jsonb(x)', [['submitted_at', 'submitted_at'], ['reviewed_at', 'reviewed_at'], ['created_at', 'created_at'], ['updated_at', 'updated_at']])}
            from progress_reports x where x.project_id in ${mine} and x.period_start = ${`${year}-${String(month).padStart(2, '0')}-01`}::date order by x.id`,
        ),
        versions: await read(
          sql`select to_jsonb(v) - 'at' - 'data' as row, v.data - 'submittedAt' - 'reviewedAt' - 'createdAt' - 'updatedAt' as data, ${stamp('v.at')} as at${sql.join(versionTimes, sql``)}
            from report_versions v join progress_reports x on x.id = v.report_id
            where x.project_id in ${mine} and x.period_start = ${`${year}-${String(month).padStart(2, '0')}-01`}::date order by v.report_id, v.version`,
        ),
        rollup: await read(sql`select to_jsonb(l) as row from latest_reports l where l.project_id in ${mine} order by l.project_id, l.year`),
      };
      throw new Undo();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Undo)) throw err;
    });
  return seen as Record<string, Record<string, unknown>[]>;
}

describe('the commit’s statements for new projects and reports', () => {
  it('write exactly what the statements before them wrote', async () => {
    const [{ name: owner }] = (await queryRows<{ name: string }>(t.database.db, sql`select name from organisations where kind = 'owner' order by name limit 1`)) as [{ name: string }];
    const [adding] = await queryRows<{ name: string; region: string; ytd: string }>(
      t.database.db,
      sql`select distinct on (p.id) p.name, g.name as region, r.ytd_yuan::text as ytd
          from projects p join regions g on g.code = p.region_code join progress_reports r on r.project_id = p.id
          where p.deleted_at is null and r.period_kind = 'month' and r.year = ${year} and r.period_start < ${`${year}-${String(month).padStart(2, '0')}-01`}::date and r.status in ('submitted', 'approved')
          order by p.id, r.period_start desc limit 1`,
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`${month}月进度`);
    ws.getCell('A1').value = `截至${year}年${month}月${new Date(Date.UTC(year, month, 0)).getUTCDate()}日重点建设项目投资完成情况表`;
    ws.getCell('H2').value = '单位：万元';
    put(ws, 3, [
      ['序号', '项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '总投资', `${year}年计划`, `1-${month}月完成`],
      [1, freshName('语句对照项目'), '雨湖区', owner, '省重点、市州重点', '产业项目', '新建', 5000, 1000, 100],
      [2, freshName('语句对照项目'), '岳塘区', '语句对照新设业主有限公司', '市州重点', '民生项目', '续建', 800.5, null, 12.5],
      [3, freshName('语句对照项目'), '湘潭县', owner, '市州重点', '产业项目', '储备', 3000, 200, null],
      [4, adding!.name, adding!.region, null, null, null, null, null, null, Number(adding!.ytd) / 10_000 + 1],
    ]);
    const job = await previewed(t, admin, (await analysed(t, admin, `${year}年1-${month}月进度.xlsx`, await xlsx(wb))).id);
    expect(job.counts.errors, JSON.stringify(await problemsOf(t, admin, job.id))).toBe(0);
    expect(job.counts).toMatchObject({ created: 3, reportsCreated: 3 });
    const [{ id: adminId }] = (await queryRows<{ id: string }>(t.database.db, sql`select id::text from users where username = 'admin'`)) as [{ id: string }];
    const actor: Actor = { ...SYSTEM_ACTOR, id: adminId };
    const [campaign] = await queryRows<{ id: string }>(t.database.db, sql`select id::text from campaigns where year = ${year} order by created_at limit 1`);
    const period = toPeriod(`${year}-${String(month).padStart(2, '0')}`);
    // Two windows, as the commit cuts a large import.
    const windows: Window[] = [{ jobId: job.id, from: 0, to: 2 }, { jobId: job.id, from: 2, to: 4 }];
    const before = await written(job.id, async (tx) => {
      for (const w of windows) {
        await referenceProjects(tx, w, actor, campaign?.id ?? null);
        await referenceReports(tx, w, actor, period);
      }
    });
    const after = await written(job.id, async (tx) => {
      for (const w of windows) {
        await insertCreatedProjects(tx, w, actor, campaign?.id ?? null);
        await insertCreatedReports(tx, w, actor, period, 'changed');
      }
    });
    // The three new projects and the existing one, three new reports (the reserve project gave no figure) with their versions.
    expect(before.projects).toHaveLength(4);
    expect(before.plans!.length).toBeGreaterThanOrEqual(2);
    expect(before.reports).toHaveLength(3);
    expect(before.versions).toHaveLength(3);
    expect(before.rollup!.length).toBeGreaterThanOrEqual(3);
    expect(before.members!.length).toBeGreaterThanOrEqual(campaign ? 2 : 0);
    expect(after).toEqual(before);
  });

  it('stops when a report for the month was saved since the preview', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`${month}月进度`);
    ws.getCell('A1').value = `截至${year}年${month}月${new Date(Date.UTC(year, month, 0)).getUTCDate()}日重点建设项目投资完成情况表`;
    const [{ name: owner }] = (await queryRows<{ name: string }>(t.database.db, sql`select name from organisations where kind = 'owner' order by name limit 1`)) as [{ name: string }];
    put(ws, 3, [
      ['序号', '项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '总投资', `1-${month}月完成`],
      [1, freshName('语句对照项目'), '雨湖区', owner, '市州重点', '产业项目', '新建', 5000, 100],
    ]);
    const job = await previewed(t, admin, (await analysed(t, admin, `${year}年1-${month}月进度.xlsx`, await xlsx(wb))).id);
    expect(job.counts).toMatchObject({ created: 1, reportsCreated: 1, errors: 0 });
    const period = toPeriod(`${year}-${String(month).padStart(2, '0')}`);
    const w: Window = { jobId: job.id, from: 0, to: 10 };
    const outcome = await t.database.db
      .transaction(async (txn) => {
        const tx = txn as unknown as Db;
        await insertCreatedProjects(tx, w, SYSTEM_ACTOR, null);
        // Someone saves the month's report of the new project first.
        await tx.execute(sql`insert into progress_reports (project_id, period_kind, period_start, period_end, year, ytd_yuan, since_start_yuan, period_yuan, status)
          select r.project_id, 'month', ${period.start}::date, ${period.end}::date, ${period.year}, 1, 1, 1, 'draft' from import_rows r where r.job_id = ${job.id}`);
        await insertCreatedReports(tx, w, SYSTEM_ACTOR, period, '本月的一份填报已被修改');
        return 'written';
      })
      .catch((err: unknown) => err);
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).message).toBe('本月的一份填报已被修改');
  });
});
