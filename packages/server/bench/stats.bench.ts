/**
 * Region aggregates through the API (GET /api/stats?groupBy=region as the office: every
 * project of the campaign, province-wide at province scale) against the raw SQL that gives the
 * same sums in one statement.
 */
import { latencyResult, type Benchmark } from './lib/types.ts';
import { timeRuns } from './lib/measure.ts';

/** Per region: projects, and plan and latest YTD of the projects with a plan (sum over sum). */
export const REGION_FLOOR_SQL = `
  select p.region_code, count(*) as projects,
         sum(ap.amount_yuan) filter (where ap.amount_yuan > 0) as plan_yuan,
         sum(rep.ytd_yuan) filter (where ap.amount_yuan > 0) as ytd_yuan
    from projects p
    left join project_annual_plans ap on ap.project_id = p.id and ap.year = $1
    left join lateral (
      select r.ytd_yuan from progress_reports r
       where r.project_id = p.id and r.year = $1 and r.period_end <= $2 and r.status in ('submitted', 'approved')
       order by r.period_end desc, r.updated_at desc limit 1) rep on true
   where p.deleted_at is null
     and p.id in (select project_id from campaign_projects where campaign_id = (select id from campaigns where year = $1 order by created_at limit 1))
   group by p.region_code`;

export const statsBench: Benchmark = {
  name: 'stats',
  async run(ctx) {
    const cookie = await ctx.office();
    const url = `/api/stats?groupBy=region`;
    const check = await ctx.client.json<{ total: { projects: number }; rows: unknown[] }>('GET', url, { cookie });
    const floor = await ctx.query(REGION_FLOOR_SQL, [ctx.year, ctx.today], ctx.runs, 2);
    const times = await timeRuns(ctx.runs, 2, async () => {
      const r = await ctx.client.request('GET', url, { cookie });
      if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
    });
    return [latencyResult(ctx, 'stats.region', times, floor.times, { p95Ms: 100, maxRatio: 2 }, `${check.total.projects} projects, ${check.rows.length} regions`)];
  },
};
