/**
 * New projects and new reports go from the staged rows to their tables inside the database
 * (INSERT … SELECT over import_rows): nothing travels back through the application, which is
 * what makes a 100,000-row commit take seconds. The column lists come from the drizzle schema,
 * so a column added to projects or progress_reports is carried without touching this file.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { progressReports, projects } from '../../db/schema.ts';
import { conflict } from '../../http/errors.ts';
import type { Actor } from './actor.ts';
import { NEW_OWNER, type ProjectColumns } from './assemble-project.ts';

/** The staged project columns (ProjectColumns keys) and their database names. */
const PROJECT_KEYS: (keyof ProjectColumns)[] = [
  'code', 'name', 'levels', 'category', 'status', 'track', 'regionCode', 'parkCode', 'industryCode', 'chainId', 'ownerOrgId', 'responsibleOrgId',
  'leaderPersonId', 'hqOrgId', 'serviceTeamOrgId', 'contactName', 'contactPhone', 'totalInvestmentYuan', 'plannedStart', 'plannedFinish', 'latitude', 'longitude', 'description',
];
const P = getTableColumns(projects) as Record<string, { name: string }>;
const R = getTableColumns(progressReports) as Record<string, { name: string }>;
const q = (name: string) => `"${name}"`;

export interface Window {
  jobId: string;
  /** Staged rows with seq in (from, to]. */
  from: number;
  to: number;
}

const staged = (w: Window, condition: SQL) => sql`r.job_id = ${w.jobId} and r.seq > ${w.from} and r.seq <= ${w.to} and ${condition}`;

export async function insertCreatedProjects(db: Db, w: Window, actor: Actor, campaignId: string | null): Promise<void> {
  const pairs = sql.raw(PROJECT_KEYS.map((k) => `'${P[k]!.name}', r.project->'columns'->'${k}'`).join(', '));
  const names = sql.raw(PROJECT_KEYS.map((k) => q(P[k]!.name)).join(', '));
  const values = sql.raw(
    PROJECT_KEYS.map((k) => (k === 'ownerOrgId' ? `case when x.owner_org_id = '${NEW_OWNER}' then o.id else x.owner_org_id end` : `x.${q(P[k]!.name)}`)).join(', '),
  );
  const creates = staged(w, sql`r.action = 'create'`);
  await db.execute(sql`insert into projects (id, created_by, updated_by, ${names})
    select r.project_id, ${actor.id}::uuid, ${actor.id}::uuid, ${values}
    from import_rows r
    cross join lateral jsonb_populate_record(null::projects, jsonb_build_object(${pairs})) x
    left join organisations o on o.kind = 'owner' and o.name = r.new_owner
    where ${creates}
    order by r.seq`);
  await db.execute(sql`insert into project_annual_plans (project_id, year, amount_yuan, baseline_yuan, change_reason)
    select r.project_id, (r.project->'plan'->>'year')::int, (r.project->'plan'->>'amountYuan')::bigint, (r.project->'plan'->>'baselineYuan')::bigint, r.project->'plan'->>'changeReason'
    from import_rows r where ${creates} and jsonb_typeof(r.project->'plan') = 'object'`);
  // New projects join the plan year's campaign (reserve projects wait outside), as the demo city's do.
  if (campaignId) {
    await db.execute(sql`insert into campaign_projects (campaign_id, project_id)
      select ${campaignId}::uuid, r.project_id from import_rows r where ${creates} and r.project->'columns'->>'status' <> 'reserve'
      on conflict do nothing`);
  }
  // The created row is its own "after"; the staged rows keep what the ledger said.
  await db.execute(sql`insert into audit_log (user_id, action, entity, entity_id, data)
    select ${actor.id}::uuid, 'import-create', 'project', r.project_id::text, jsonb_build_object('importId', ${w.jobId}::text)
    from import_rows r where ${creates}`);
}

/** New month reports, and their first version row; a report saved for the month since the preview stops the commit. */
export async function insertCreatedReports(db: Db, w: Window, actor: Actor, period: { start: string; end: string; year: number }, changedMessage: string): Promise<void> {
  const creates = staged(w, sql`r.report_action = 'create'`);
  const [expected] = await queryRows<{ n: unknown }>(db, sql`select count(*) as n from import_rows r where ${creates}`);
  const note = `Excel 导入（批次 ${w.jobId.slice(0, 8)}）`;
  const [inserted] = await queryRows<{ n: unknown }>(
    db,
    sql`with ins as (
      insert into progress_reports (id, project_id, period_kind, period_start, period_end, year, created_by, ytd_yuan, since_start_yuan, period_yuan, paid_ytd_yuan,
        physical_progress, problems, findings, status, submitted_at, submitted_by, reviewed_at, reviewed_by, review_note, updated_at)
      select r.report_id, r.project_id, 'month', ${period.start}::date, ${period.end}::date, ${period.year}, ${actor.id}::uuid,
        (r.report->>'ytdYuan')::bigint, (r.report->>'sinceStartYuan')::bigint, (r.report->>'periodYuan')::bigint, (r.report->>'paidYtdYuan')::bigint,
        r.report->>'physicalProgress', r.report->>'problems', r.report->'findings', r.report->>'status',
        case when r.report->>'status' = 'submitted' then now() end, case when r.report->>'status' = 'submitted' then ${actor.id}::uuid end,
        case when r.report->>'status' = 'approved' then now() end, case when r.report->>'status' = 'approved' then ${actor.id}::uuid end,
        case when r.report->>'status' = 'approved' then ${note} end, now()
      from import_rows r where ${creates}
      on conflict do nothing returning 1)
    select count(*) as n from ins`,
  );
  if (Number(inserted?.n) !== Number(expected?.n)) throw conflict(changedMessage);
  // The version row holds the report as the application reads it (camelCase, like every other version).
  const pairs = sql.raw(Object.entries(R).filter(([k]) => k !== 'id').map(([k, c]) => `'${k}', pr.${q(c.name)}`).join(', '));
  await db.execute(sql`insert into report_versions (report_id, version, action, status, data, user_id)
    select pr.id, 1, 'import', pr.status, jsonb_build_object(${pairs}), ${actor.id}::uuid
    from import_rows r join progress_reports pr on pr.id = r.report_id where ${creates}`);
}
