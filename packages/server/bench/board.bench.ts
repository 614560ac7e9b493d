/**
 * 周晒榜 of the benchmark city: the published board as the public reads it (by project and by
 * region), and the live draft the office grades — after a report changed (brought up to date
 * from the draft the instance keeps), after a change to every line (computed whole), and kept
 * (nothing written since); see modules/boards/cache.ts. Floors: the same rows read or summed in SQL.
 */
import { periodOf } from '@pacer/domain';
import { latencyResult, type Benchmark, type BenchContext, type Result } from './lib/types.ts';
import { timeRuns } from './lib/measure.ts';
import { reportsToChange, writesBefore, type Before } from './lib/writes.ts';

const ENTRIES_SQL = `select * from board_entries where board_id = $1 order by rank, project_name`;
const GROUPS_SQL = `
  select region_name, count(*) as projects,
         sum(plan_yuan) filter (where plan_yuan > 0) as plan_yuan, sum(ytd_yuan) filter (where plan_yuan > 0) as ytd_yuan,
         count(*) filter (where grade = 'excellent') as excellent, count(*) filter (where grade = 'poor') as poor
    from board_entries where board_id = $1 group by region_name`;
/** The draft's data in one statement: figures as of the week's end, this week's report, the worst overdue milestone. */
const DRAFT_SQL = `
  select p.id, p.name, p.category, ap.amount_yuan, rep.ytd_yuan,
         exists (select 1 from progress_reports w where w.project_id = p.id and w.period_kind = 'week' and w.period_start = $3 and w.status in ('submitted', 'approved')) as reported,
         (select max($2::date - m.planned_date) from project_milestones m
           where m.project_id = p.id and m.planned_date < $2::date and (m.actual_date is null or m.actual_date > $2::date)) as overdue
    from projects p
    left join project_annual_plans ap on ap.project_id = p.id and ap.year = $1
    left join lateral (
      select r.ytd_yuan from progress_reports r
       where r.project_id = p.id and r.year = $1 and r.period_end <= $2 and r.status in ('submitted', 'approved')
       order by r.period_end desc, r.updated_at desc limit 1) rep on true
   where p.deleted_at is null
     and p.id in (select project_id from campaign_projects where campaign_id = (select id from campaigns where year = $1 order by created_at limit 1))`;

/** DRAFT_SQL with each project's YTD through the latest_reports rollup, as the API reads it. */
const DRAFT_ROLLUP_SQL = DRAFT_SQL.replace(
  /left join lateral \([\s\S]*?\) rep on true/,
  `left join latest_reports l on l.project_id = p.id and l.year = $1
    left join lateral (
      select case when l.first_end <= $2 then l.first_ytd_yuan when l.second_end <= $2 then l.second_ytd_yuan when l.third_end <= $2 then l.third_ytd_yuan
                  when l.third_end is not null then (
                    select r.ytd_yuan from progress_reports r
                     where r.project_id = p.id and r.year = $1 and r.period_end <= $2 and r.status in ('submitted', 'approved')
                     order by r.period_end desc, r.updated_at desc, r.period_start desc limit 1) end as ytd_yuan) rep on true`,
);

async function measure(ctx: BenchContext, url: string, cookie?: string, runs = ctx.runs) {
  return timeRuns(runs, 2, async () => {
    const r = await ctx.client.request('GET', url, { cookie });
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.body.slice(0, 200)}`);
  });
}

/** Times the draft request alone (the write before it is not timed); notes the server's CPU, the size and how it was answered. */
async function measureDraft(ctx: BenchContext, cookie: string, runs: number, before: Before, reports: string[]) {
  const times: number[] = [];
  const answers = new Map<string, number>();
  const writes = writesBefore(ctx, before, reports);
  let cpu = 0;
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    await writes.write(i);
    const cpuBefore = ctx.server.cpuMs();
    const r = await ctx.client.request('GET', '/api/boards/draft', { cookie });
    if (r.status !== 200) throw new Error(`/api/boards/draft: ${r.status} ${r.body.slice(0, 200)}`);
    if (i < 2) continue; // warm-up
    times.push(r.ms);
    cpu += ctx.server.cpuMs() - cpuBefore;
    bytes = r.bytes;
    const how = String(r.headers['x-pacer-draft'] ?? 'computed');
    answers.set(how, (answers.get(how) ?? 0) + 1);
  }
  await writes.undo();
  const how = [...answers].map(([k, n]) => `${n} ${k}`).join(', ');
  return { times, note: `${how}; server CPU ${(cpu / runs).toFixed(1)} ms a request; ${(bytes / 1024).toFixed(0)} KB` };
}

export const boardBench: Benchmark = {
  name: 'board',
  async run(ctx) {
    const [board] = (await ctx.query<{ id: string; n: number }>(`select b.id, (select count(*) from board_entries e where e.board_id = b.id)::int as n from boards b order by week_start desc, version desc limit 1`)).rows;
    if (!board) throw new Error('no published board in the data set');
    const limit = { p95Ms: 100, maxRatio: 2 };
    const out: Result[] = [];
    const entries = await ctx.query(ENTRIES_SQL, [board.id], ctx.runs, 2);
    out.push(latencyResult(ctx, 'board.public', await measure(ctx, `/api/public/boards/${board.id}`), entries.times, limit, `${board.n} entries`));
    const groups = await ctx.query(GROUPS_SQL, [board.id], ctx.runs, 2);
    out.push(latencyResult(ctx, 'board.groups', await measure(ctx, `/api/public/boards/${board.id}/groups?groupBy=region`), groups.times, limit));

    const week = periodOf('week', ctx.today);
    const cookie = await ctx.office();
    const runs = Math.min(ctx.runs, 10);
    const [rollup] = (await ctx.query<{ ok: boolean }>(`select to_regclass('latest_reports') is not null as ok`)).rows;
    const draft = await ctx.query(rollup?.ok ? DRAFT_ROLLUP_SQL : DRAFT_SQL, [ctx.year, week.end, week.start], runs, 2);
    const reports = await reportsToChange(ctx);
    // The office's view after a report is submitted (brought up to date from the kept draft, see
    // modules/boards/cache.ts), after a change to every line (computed whole), and while nothing
    // changes (kept per instance).
    const computed = await measureDraft(ctx, cookie, runs, 'report', reports);
    const whole = await measureDraft(ctx, cookie, runs, 'everything', reports);
    const kept = await measureDraft(ctx, cookie, runs, 'nothing', reports);
    // The draft covers every campaign project: one city at city scale, the whole province at province scale.
    const oneCity = ctx.scale === 'city';
    const scope = `${draft.rows.length} projects${oneCity ? '' : ' (whole province: no target)'}`;
    out.push(latencyResult(ctx, 'board.draft', computed.times, draft.times, oneCity ? limit : null, `${scope}, after a report changed; ${computed.note}`));
    out.push(latencyResult(ctx, 'board.draft.whole', whole.times, draft.times, null, `${scope}, after a change to every line (no target: the first view, or after settings change); ${whole.note}`));
    out.push(latencyResult(ctx, 'board.draft.kept', kept.times, draft.times, oneCity ? limit : null, `${scope}, nothing written in between; ${kept.note}`));
    return out;
  },
};
