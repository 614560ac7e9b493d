/** What a report's checks need: the project's plan, the previous report, recent figures. */
import { DEFAULT_DEADLINES, type DeadlineRule, type Period, type ReportContext } from '@pacer/domain';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, toNumber, type Db } from '../../db/client.ts';

/** Reports that count: submitted or approved (drafts and returned ones do not). */
export const COUNTING_STATUSES = ['submitted', 'approved'];

export async function reportContext(db: Db, projectId: string, period: Period & { year: number }): Promise<ReportContext> {
  return (await reportContextAndRule(db, projectId, period)).context;
}

/** Where the context of a report's checks is read from: the project and the period, as SQL. */
export interface ContextOf {
  project: SQL;
  kind: SQL;
  start: SQL;
  year: SQL;
}

/**
 * The context of the checks and the deadline rule of the year's campaign as select-list items
 * (ctx_total, ctx_plan, ctx_deadlines, ctx_earlier), so a save or a submit reads them in the same
 * statement as the report and its project: under the Friday rush every round trip counts.
 * The expressions in `of` may name the outer query's columns; the subqueries' own tables are aliased.
 */
export function contextColumns(of: ContextOf): SQL {
  const counting = sql.join(
    COUNTING_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`(select pj.total_investment_yuan from projects pj where pj.id = ${of.project}) as ctx_total,
    (select ap.amount_yuan from project_annual_plans ap where ap.project_id = ${of.project} and ap.year = ${of.year}) as ctx_plan,
    (select c.deadlines from campaigns c where c.year = ${of.year} order by c.created_at asc limit 1) as ctx_deadlines,
    (select coalesce(json_agg(json_build_array(e.ytd_yuan, e.since_start_yuan) order by e.period_start desc), '[]'::json)
       from (select p.ytd_yuan, p.since_start_yuan, p.period_start from progress_reports p
              where p.project_id = ${of.project} and p.period_kind = ${of.kind} and p.year = ${of.year}
                and p.period_start < ${of.start} and p.status in (${counting})
              order by p.period_start desc limit 5) e) as ctx_earlier`;
}

/** The context and the rule from a row that selected contextColumns(). */
export function contextFromRow(row: Record<string, unknown> | undefined): { context: ReportContext; rule: DeadlineRule } {
  const earlier = parseJson<[number, number][]>(row?.ctx_earlier, []).map(([ytdYuan, sinceStartYuan]) => ({ ytdYuan: toNumber(ytdYuan), sinceStartYuan: toNumber(sinceStartYuan) }));
  const deadlines = parseJson<Partial<DeadlineRule> | null>(row?.ctx_deadlines, null);
  return {
    context: {
      totalInvestmentYuan: row?.ctx_total === null || row?.ctx_total === undefined ? 0 : toNumber(row.ctx_total),
      annualPlanYuan: row?.ctx_plan === null || row?.ctx_plan === undefined ? null : toNumber(row.ctx_plan),
      previous: earlier[0] ?? null,
      recentYtd: earlier.map((e) => e.ytdYuan),
    },
    // As campaignOfYear() reads it: the campaign's rule over the defaults.
    rule: { ...DEFAULT_DEADLINES, ...(deadlines ?? {}) },
  };
}

/** The context of the checks and the deadline rule of the year's campaign, in one round trip. */
export async function reportContextAndRule(db: Db, projectId: string, period: Period & { year: number }): Promise<{ context: ReportContext; rule: DeadlineRule }> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${contextColumns({ project: sql`${projectId}::uuid`, kind: sql`${period.kind}`, start: sql`${period.start}::date`, year: sql`${period.year}::int` })}`,
  );
  return contextFromRow(row);
}

/** json comes parsed from pg and PGlite; a driver that leaves it as text is read here. */
function parseJson<T>(v: unknown, fallback: T): T {
  if (v === null || v === undefined) return fallback;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
