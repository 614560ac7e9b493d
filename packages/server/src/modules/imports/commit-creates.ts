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

/**
 * New projects with their plans and campaign membership (reserve projects wait outside), in one
 * statement: each staged payload is read and unpacked once, and the plans and memberships are
 * written beside the projects (their foreign-key checks run at the end of the statement, when
 * the projects are there). No membership can exist yet for a project this statement creates,
 * so none is skipped as a duplicate.
 */
export async function insertCreatedProjects(db: Db, w: Window, actor: Actor, campaignId: string | null): Promise<void> {
  const names = list(PROJECT_KEYS, (k) => q(P[k]!.name));
  const values = list(PROJECT_KEYS, (k) => (k === 'ownerOrgId' ? `case when x."ownerOrgId" = '${NEW_OWNER}' then o.id else x."ownerOrgId" end` : `x.${q(k)}`));
  // New projects join the plan year's campaign, as the demo city's do.
  const members = campaignId
    ? sql`, members as (insert into campaign_projects (campaign_id, project_id)
        select ${campaignId}::uuid, s.project_id from src s where s.columns->>'status' <> 'reserve')`
    : sql``;
  await db.execute(sql`with src as materialized (
      select r.seq, r.project_id, r.new_owner, r.project->'columns' as columns, r.project->'plan' as plan
      from import_rows r where ${staged(w, sql`r.action = 'create'`)}),
    created as (insert into projects (id, created_by, updated_by, ${names})
      select s.project_id, ${actor.id}::uuid, ${actor.id}::uuid, ${values}
      from src s
      cross join lateral ${recordOf('s.columns', PROJECT_KEYS, P)}
      left join lateral (select o.id from organisations o where s.new_owner is not null and o.kind = 'owner' and o.name = s.new_owner) o on true
      order by s.seq),
    plans as (insert into project_annual_plans (project_id, year, amount_yuan, baseline_yuan, change_reason)
      select s.project_id, x.year, x."amountYuan", x."baselineYuan", x."changeReason"
      from src s cross join lateral jsonb_to_record(s.plan) as x(year integer, "amountYuan" bigint, "baselineYuan" bigint, "changeReason" text)
      where jsonb_typeof(s.plan) = 'object')${members}
    select 1`);
  // No audit entry per created project: the import's own entry (commit.ts) says who, when and
  // which file, and import_rows names every project it created (by project_id, indexed).
}

/**
 * New month reports with their first version row, and the rollup (latest_reports) for them,
 * rather than by its trigger project by project (migration 0016: this transaction only). A
 * project this import creates has no other report, so its rollup row is that report; a report
 * added to an existing project is recomputed with the other reports, as the trigger would
 * (refresh_latest_reports, migration 0015). The version row holds the report as the
 * application reads it (camelCase, like every other version). A report saved for the month
 * since the preview stops the commit: the insert meets it as a unique violation (not skipped
 * with ON CONFLICT, whose speculative insertion cost a sixth of the commit's database time).
 */
export async function insertCreatedReports(db: Db, w: Window, actor: Actor, period: { start: string; end: string; year: number }, changedMessage: string): Promise<void> {
  const note = `Excel 导入（批次 ${w.jobId.slice(0, 8)}）`;
  const version = list(Object.keys(R).filter((k) => k !== 'id'), (k) => `'${k}', i.${q(R[k]!.name)}`);
  await db.execute(sql`select set_config('pacer.latest_reports', 'deferred', true)`);
  // Reports of projects this import creates, then those of projects that existed.
  for (const created of [true, false]) {
    const creates = staged(w, sql`r.report_action = 'create' and ${created ? sql`r.action = 'create'` : sql`r.action <> 'create'`}`);
    const firsts = created
      ? sql`, firsts as (insert into latest_reports (project_id, year, first_end, first_ytd_yuan)
          select i.project_id, i.year, i.period_end, i.ytd_yuan from ins i where i.status in ('submitted', 'approved'))`
      : sql``;
    await db
      .execute(
        sql`with ins as (
        insert into progress_reports (id, project_id, period_kind, period_start, period_end, year, created_by, ${list(REPORT_KEYS, (k) => q(R[k]!.name))},
          submitted_at, submitted_by, reviewed_at, reviewed_by, review_note, updated_at)
        select r.report_id, r.project_id, 'month', ${period.start}::date, ${period.end}::date, ${period.year}, ${actor.id}::uuid, ${list(REPORT_KEYS, (k) => `x.${q(k)}`)},
          case when x.status = 'submitted' then now() end, case when x.status = 'submitted' then ${actor.id}::uuid end,
          case when x.status = 'approved' then now() end, case when x.status = 'approved' then ${actor.id}::uuid end,
          case when x.status = 'approved' then ${note} end, now()
        from import_rows r cross join lateral ${recordOf('r.report', REPORT_KEYS, R)}
        where ${creates}
        returning *),
      versions as (insert into report_versions (report_id, version, action, status, data, user_id)
        select i.id, 1, 'import', i.status, jsonb_build_object(${version}), ${actor.id}::uuid from ins i)${firsts}
      select 1`,
      )
      .catch((err: unknown) => {
        // Its own transaction is over: the message says what happened, not the database's words.
        if (reportExists(err)) throw conflict(changedMessage);
        throw err;
      });
    if (!created) {
      await db.execute(sql`select refresh_latest_reports(array_agg(r.project_id), array_agg(${period.year}::integer)) from import_rows r where ${creates} having count(*) > 0`);
    }
  }
  await db.execute(sql`select set_config('pacer.latest_reports', '', true)`);
}

/** A unique violation on progress_reports (a report of the project and month, written since the preview), on either driver. */
function reportExists(err: unknown): boolean {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, table, constraint } = e as { code?: unknown; table?: unknown; constraint?: unknown };
    if (code === '23505' && (table === 'progress_reports' || constraint === 'reports_project_period_uq' || constraint === 'progress_reports_pkey')) return true;
  }
  return false;
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
