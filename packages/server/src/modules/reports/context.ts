/** What a report's checks need: the project's plan, the previous report, recent figures. */
import { DEFAULT_DEADLINES, type DeadlineRule, type Period, type ReportContext } from '@pacer/domain';
import { sql } from 'drizzle-orm';
import { queryRows, toNumber, type Db } from '../../db/client.ts';

/** Reports that count: submitted or approved (drafts and returned ones do not). */
export const COUNTING_STATUSES = ['submitted', 'approved'];

export async function reportContext(db: Db, projectId: string, period: Period & { year: number }): Promise<ReportContext> {
  return (await reportContextAndRule(db, projectId, period)).context;
}

/**
 * The context of the checks and the deadline rule of the year's campaign, in one round trip:
 * saving and submitting run inside a transaction under the Friday rush, so every query counts.
 */
export async function reportContextAndRule(db: Db, projectId: string, period: Period & { year: number }): Promise<{ context: ReportContext; rule: DeadlineRule }> {
  const counting = sql.join(
    COUNTING_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const [row] = await queryRows<{ total: unknown; plan: unknown; deadlines: unknown; earlier: unknown }>(
    db,
    sql`select
          (select total_investment_yuan from projects where id = ${projectId}) as total,
          (select amount_yuan from project_annual_plans where project_id = ${projectId} and year = ${period.year}) as plan,
          (select deadlines from campaigns where year = ${period.year} order by created_at asc limit 1) as deadlines,
          (select coalesce(json_agg(json_build_array(e.ytd_yuan, e.since_start_yuan) order by e.period_start desc), '[]'::json)
             from (select ytd_yuan, since_start_yuan, period_start from progress_reports
                    where project_id = ${projectId} and period_kind = ${period.kind} and year = ${period.year}
                      and period_start < ${period.start} and status in (${counting})
                    order by period_start desc limit 5) e) as earlier`,
  );
  const earlier = parseJson<[number, number][]>(row?.earlier, []).map(([ytdYuan, sinceStartYuan]) => ({ ytdYuan: toNumber(ytdYuan), sinceStartYuan: toNumber(sinceStartYuan) }));
  const deadlines = parseJson<Partial<DeadlineRule> | null>(row?.deadlines, null);
  return {
    context: {
      totalInvestmentYuan: row?.total === null || row?.total === undefined ? 0 : toNumber(row.total),
      annualPlanYuan: row?.plan === null || row?.plan === undefined ? null : toNumber(row.plan),
      previous: earlier[0] ?? null,
      recentYtd: earlier.map((e) => e.ytdYuan),
    },
    // As campaignOfYear() reads it: the campaign's rule over the defaults.
    rule: { ...DEFAULT_DEADLINES, ...(deadlines ?? {}) },
  };
}

/** json comes parsed from pg and PGlite; a driver that leaves it as text is read here. */
function parseJson<T>(v: unknown, fallback: T): T {
  if (v === null || v === undefined) return fallback;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
