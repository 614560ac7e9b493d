/**
 * Region aggregates through the API (GET /api/stats?groupBy=region as the office: every
 * project of the campaign, province-wide at province scale) against the raw SQL that gives the
 * same sums in one statement (through the latest_reports rollup when the schema has it; the
 * note gives the same sums straight from the reports). After a report changed (brought up to
 * date), after a change to every region (computed whole) and kept (nothing written since), see
 * modules/stats/kept.ts and lib/writes.ts.
 */
import { latencyResult, type Benchmark, type BenchContext } from './lib/types.ts';
import { median, round } from './lib/measure.ts';
import { reportsToChange, writesBefore, type Before } from './lib/writes.ts';

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

/**
 * The same sums through the latest_reports rollup the API reads (each project's YTD is the first
 * of its three latest reports that ended by the date; the reports only when none did).
 */
export const REGION_ROLLUP_FLOOR_SQL = `
  select p.region_code, count(*) as projects,
         sum(ap.amount_yuan) filter (where ap.amount_yuan > 0) as plan_yuan,
         sum(case when l.first_end <= $2 then l.first_ytd_yuan when l.second_end <= $2 then l.second_ytd_yuan when l.third_end <= $2 then l.third_ytd_yuan
                  when l.third_end is not null then (
                    select r.ytd_yuan from progress_reports r
                     where r.project_id = p.id and r.year = $1 and r.period_end <= $2 and r.status in ('submitted', 'approved')
                     order by r.period_end desc, r.updated_at desc, r.period_start desc limit 1) end) filter (where ap.amount_yuan > 0) as ytd_yuan
    from projects p
    left join project_annual_plans ap on ap.project_id = p.id and ap.year = $1
    left join latest_reports l on l.project_id = p.id and l.year = $1
   where p.deleted_at is null
     and p.id in (select project_id from campaign_projects where campaign_id = (select id from campaigns where year = $1 order by created_at limit 1))
   group by p.region_code`;

/** Times the request alone (the write before it is not timed); notes how each answer came. */
async function measureStats(ctx: BenchContext, url: string, cookie: string, before: Before, reports: string[]) {
  const times: number[] = [];
  const answers = new Map<string, number>();
  const writes = writesBefore(ctx, before, reports);
  for (let i = 0; i < ctx.runs + 2; i++) {
    await writes.write(i);
    const r = await ctx.client.request('GET', url, { cookie });
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.body.slice(0, 200)}`);
    if (i < 2) continue; // warm-up
    times.push(r.ms);
    const how = String(r.headers['x-pacer-stats'] ?? 'computed');
    answers.set(how, (answers.get(how) ?? 0) + 1);
  }
  await writes.undo();
  return { times, note: [...answers].map(([k, n]) => `${n} ${k}`).join(', ') };
}

export const statsBench: Benchmark = {
  name: 'stats',
  async run(ctx) {
    const cookie = await ctx.office();
    const url = `/api/stats?groupBy=region`;
    const check = await ctx.client.json<{ total: { projects: number }; rows: unknown[] }>('GET', url, { cookie });
    // The floor is the cheapest raw SQL for the answer: through the rollup where the schema has it.
    const [rollup] = (await ctx.query<{ ok: boolean }>(`select to_regclass('latest_reports') is not null as ok`)).rows;
    const scratch = await ctx.query(REGION_FLOOR_SQL, [ctx.year, ctx.today], Math.min(ctx.runs, 5), 1);
    const floor = rollup?.ok ? await ctx.query(REGION_ROLLUP_FLOOR_SQL, [ctx.year, ctx.today], ctx.runs, 2) : scratch;
    // The office's view after a report is submitted (brought up to date from the kept sums, see
    // modules/stats/kept.ts), after a change to every region (computed whole), and while nothing
    // changes (kept per instance).
    const reports = await reportsToChange(ctx);
    const computed = await measureStats(ctx, url, cookie, 'report', reports);
    const whole = await measureStats(ctx, url, cookie, 'everything', reports);
    const kept = await measureStats(ctx, url, cookie, 'nothing', reports);
    const note = `${check.total.projects} projects, ${check.rows.length} regions${rollup?.ok ? `; floor through the rollup, from the reports alone ${round(median(scratch.times))} ms` : ''}`;
    const limit = { p95Ms: 100, maxRatio: 2 };
    return [
      latencyResult(ctx, 'stats.region', computed.times, floor.times, limit, `${note}; after a report changed: ${computed.note}`),
      latencyResult(ctx, 'stats.region.whole', whole.times, floor.times, null, `after a change to every region (no target: the first view, or after settings change): ${whole.note}`),
      latencyResult(ctx, 'stats.region.kept', kept.times, floor.times, limit, `nothing written in between: ${kept.note}`),
    ];
  },
};
