/**
 * New projects and new reports go from the staged rows to their tables inside the database
 * (INSERT … SELECT over import_rows): nothing travels back through the application, which is
 * what makes a 100,000-row commit take seconds. Each staged payload is unpacked in one call
 * (jsonb_to_record, typed by the drizzle columns and keyed by the payload's own camelCase
 * names) rather than field by field. The column lists come from the drizzle schema, so a
 * column added to projects or progress_reports is carried without touching this file.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { progressReports, projects } from '../../db/schema.ts';
import { conflict } from '../../http/errors.ts';
import type { Actor } from './actor.ts';
import { NEW_OWNER, type ProjectColumns } from './assemble-project.ts';
import type { ReportPayload } from './assemble-report.ts';

/** The staged project columns (ProjectColumns keys). */
const PROJECT_KEYS: (keyof ProjectColumns)[] = [
  'code', 'name', 'levels', 'category', 'status', 'track', 'regionCode', 'parkCode', 'industryCode', 'chainId', 'ownerOrgId', 'responsibleOrgId',
  'leaderPersonId', 'hqOrgId', 'serviceTeamOrgId', 'contactName', 'contactPhone', 'totalInvestmentYuan', 'plannedStart', 'plannedFinish', 'latitude', 'longitude', 'description',
];
/** The staged report figures that become columns of the same name. */
const REPORT_KEYS: (keyof ReportPayload & keyof typeof progressReports.$inferSelect)[] = [
  'ytdYuan', 'sinceStartYuan', 'periodYuan', 'paidYtdYuan', 'physicalProgress', 'problems', 'findings', 'status',
];
type Column = { name: string; getSQLType(): string };
const P = getTableColumns(projects) as unknown as Record<string, Column>;
const R = getTableColumns(progressReports) as unknown as Record<string, Column>;
const q = (name: string) => `"${name}"`;
const list = (keys: readonly string[], f: (k: string) => string) => sql.raw(keys.map(f).join(', '));

/** `jsonb_to_record(…) as x("code" text, "levels" text[], …)`: the payload's keys, the table's types. */
const recordOf = (json: string, keys: readonly string[], columns: Record<string, Column>) =>
  sql.raw(`jsonb_to_record(${json}) as x(${keys.map((k) => `${q(k)} ${columns[k]!.getSQLType()}`).join(', ')})`);

export interface Window {
  jobId: string;
  /** Staged rows with seq in (from, to]. */
  from: number;
  to: number;
}

const staged = (w: Window, condition: SQL) => sql`r.job_id = ${w.jobId} and r.seq > ${w.from} and r.seq <= ${w.to} and ${condition}`;

/** New projects with their plans and campaign membership (reserve projects wait outside). */
export async function insertCreatedProjects(db: Db, w: Window, actor: Actor, campaignId: string | null): Promise<void> {
  const names = list(PROJECT_KEYS, (k) => q(P[k]!.name));
  const values = list(PROJECT_KEYS, (k) => (k === 'ownerOrgId' ? `case when x."ownerOrgId" = '${NEW_OWNER}' then o.id else x."ownerOrgId" end` : `x.${q(k)}`));
  const creates = staged(w, sql`r.action = 'create'`);
  await db.execute(sql`insert into projects (id, created_by, updated_by, ${names})
    select r.project_id, ${actor.id}::uuid, ${actor.id}::uuid, ${values}
    from import_rows r
    cross join lateral ${recordOf(`r.project->'columns'`, PROJECT_KEYS, P)}
    left join lateral (select o.id from organisations o where r.new_owner is not null and o.kind = 'owner' and o.name = r.new_owner) o on true
    where ${creates}
    order by r.seq`);
  await db.execute(sql`insert into project_annual_plans (project_id, year, amount_yuan, baseline_yuan, change_reason)
    select r.project_id, x.year, x."amountYuan", x."baselineYuan", x."changeReason"
    from import_rows r cross join lateral jsonb_to_record(r.project->'plan') as x(year integer, "amountYuan" bigint, "baselineYuan" bigint, "changeReason" text)
    where ${creates} and jsonb_typeof(r.project->'plan') = 'object'`);
  // New projects join the plan year's campaign, as the demo city's do.
  if (campaignId) {
    await db.execute(sql`insert into campaign_projects (campaign_id, project_id)
      select ${campaignId}::uuid, r.project_id from import_rows r where ${creates} and r.project->'columns'->>'status' <> 'reserve'
      on conflict do nothing`);
  }
  // No audit entry per created project: the import's own entry (commit.ts) says who, when and
  // which file, and import_rows names every project it created (by project_id, indexed).
}

/** New month reports, and their first version row; a report saved for the month since the preview stops the commit. */
export async function insertCreatedReports(db: Db, w: Window, actor: Actor, period: { start: string; end: string; year: number }, changedMessage: string): Promise<void> {
  const creates = staged(w, sql`r.report_action = 'create'`);
  const [expected] = await queryRows<{ n: unknown }>(db, sql`select count(*) as n from import_rows r where ${creates}`);
  const note = `Excel 导入（批次 ${w.jobId.slice(0, 8)}）`;
  // The rollup (latest_reports) is written below for these reports in two statements, rather
  // than by its trigger project by project (migration 0016: this transaction only).
  await db.execute(sql`select set_config('pacer.latest_reports', 'deferred', true)`);
  const [inserted] = await queryRows<{ n: unknown }>(
    db,
    sql`with ins as (
      insert into progress_reports (id, project_id, period_kind, period_start, period_end, year, created_by, ${list(REPORT_KEYS, (k) => q(R[k]!.name))},
        submitted_at, submitted_by, reviewed_at, reviewed_by, review_note, updated_at)
      select r.report_id, r.project_id, 'month', ${period.start}::date, ${period.end}::date, ${period.year}, ${actor.id}::uuid, ${list(REPORT_KEYS, (k) => `x.${q(k)}`)},
        case when x.status = 'submitted' then now() end, case when x.status = 'submitted' then ${actor.id}::uuid end,
        case when x.status = 'approved' then now() end, case when x.status = 'approved' then ${actor.id}::uuid end,
        case when x.status = 'approved' then ${note} end, now()
      from import_rows r cross join lateral ${recordOf('r.report', REPORT_KEYS, R)}
      where ${creates}
      on conflict do nothing returning 1)
    select count(*) as n from ins`,
  );
  await db.execute(sql`select set_config('pacer.latest_reports', '', true)`);
  if (Number(inserted?.n) !== Number(expected?.n)) throw conflict(changedMessage);
  await rollUpCreatedReports(db, creates, period.year);
  // The version row holds the report as the application reads it (camelCase, like every other version).
  const version = list(Object.keys(R).filter((k) => k !== 'id'), (k) => `'${k}', pr.${q(R[k]!.name)}`);
  await db.execute(sql`insert into report_versions (report_id, version, action, status, data, user_id)
    select pr.id, 1, 'import', pr.status, jsonb_build_object(${version}), ${actor.id}::uuid
    from import_rows r join progress_reports pr on pr.id = r.report_id where ${creates}`);
}

/**
 * latest_reports for the reports just created. A project this import creates has no other
 * report, so its row is that report; a report added to an existing project is recomputed
 * with the other reports, as the trigger would (refresh_latest_reports, migration 0015).
 */
async function rollUpCreatedReports(db: Db, creates: SQL, year: number): Promise<void> {
  await db.execute(sql`insert into latest_reports (project_id, year, first_end, first_ytd_yuan)
    select pr.project_id, pr.year, pr.period_end, pr.ytd_yuan
    from import_rows r join progress_reports pr on pr.id = r.report_id
    where ${creates} and r.action = 'create' and pr.status in ('submitted', 'approved')`);
  await db.execute(sql`select refresh_latest_reports(array_agg(r.project_id), array_agg(${year}::integer))
    from import_rows r where ${creates} and r.action <> 'create' having count(*) > 0`);
}

/** Staged changes to existing projects, and their plan for the year (a plan met again keeps its baseline). */
export async function updateStagedProjects(db: Db, w: Window, actor: Actor): Promise<void> {
  const updates = staged(w, sql`r.action = 'update'`);
  await db.execute(sql`update projects p set ${list(PROJECT_KEYS, (k) => `${q(P[k]!.name)} = x.${q(k)}`)},
      version = p.version + 1, updated_at = now(), updated_by = ${actor.id}::uuid
    from import_rows r cross join lateral ${recordOf(`r.project->'columns'`, PROJECT_KEYS, P)}
    where ${updates} and p.id = r.project_id`);
  await db.execute(sql`insert into project_annual_plans (project_id, year, amount_yuan, baseline_yuan, change_reason)
    select r.project_id, x.year, x."amountYuan", x."baselineYuan", x."changeReason"
    from import_rows r cross join lateral jsonb_to_record(r.project->'plan') as x(year integer, "amountYuan" bigint, "baselineYuan" bigint, "changeReason" text)
    where ${updates} and jsonb_typeof(r.project->'plan') = 'object'
    on conflict (project_id, year) do update set amount_yuan = excluded.amount_yuan, change_reason = excluded.change_reason`);
}

/** Staged changes to existing reports, each with its next version row; returns how many were written. */
export async function updateStagedReports(db: Db, w: Window, actor: Actor): Promise<number> {
  const note = `Excel 导入（批次 ${w.jobId.slice(0, 8)}）`;
  const approved = sql.raw(`x.status = 'approved'`);
  const version = list(Object.keys(R).filter((k) => k !== 'id'), (k) => `'${k}', pr.${q(R[k]!.name)}`);
  const [written] = await queryRows<{ n: unknown }>(
    db,
    sql`with saved as (
      update progress_reports pr set ${list(REPORT_KEYS, (k) => `${q(R[k]!.name)} = x.${q(k)}`)}, return_reason = null, updated_at = now(),
        reviewed_at = case when ${approved} then now() else pr.reviewed_at end, reviewed_by = case when ${approved} then ${actor.id}::uuid else pr.reviewed_by end,
        review_note = case when ${approved} then ${note} else pr.review_note end,
        submitted_at = case when ${approved} then pr.submitted_at else now() end, submitted_by = case when ${approved} then pr.submitted_by else ${actor.id}::uuid end,
        version = pr.version + 1
      from import_rows r cross join lateral ${recordOf('r.report', REPORT_KEYS, R)}
      where ${staged(w, sql`r.report_action = 'update'`)} and pr.id = r.report_id
      returning pr.*),
    versions as (
      insert into report_versions (report_id, version, action, status, data, user_id)
      select pr.id, pr.version, 'import', pr.status, jsonb_build_object(${version}), ${actor.id}::uuid from saved pr
      returning 1)
    select count(*) as n from versions`,
  );
  return Number(written?.n);
}
