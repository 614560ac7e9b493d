/**
 * Reports before the deadline: 200 owners signed in through the real login, all at once, each
 * submitting this week's and this month's report for each of its projects the way the report
 * form's 提交审核 button does — one `PUT /api/reports` with `submit: true`: validated, checked,
 * saved, submitted and versioned in one statement. `BENCH_SUBMIT=two-step` sends the older pair
 * of requests instead (save, then `POST /api/reports/:id/submit`), as API clients still may. Afterwards every accepted report must be in the database exactly once
 * with its two versions, and the latest_reports rollup must equal the reports for every project
 * touched; then the round's reports are deleted so the next round starts equal. Reports the data
 * set already has for these periods are set aside for the run, so the workload does not depend
 * on the day it runs. Floor: the same clients calling an empty route as many times.
 */
import { periodOf } from '@pacer/domain';
import { login } from './lib/http.ts';
import { procCpu, type CpuTimes } from './lib/proc-cpu.ts';
import { runAtRate, runClients } from './lib/load.ts';
import { median, percentile, round } from './lib/measure.ts';
import type { Benchmark, BenchContext, Result } from './lib/types.ts';

interface Task {
  projectId: string;
  username: string;
  kind: 'week' | 'month';
  start: string;
  prevYtd: number | null;
  prevSince: number | null;
  plan: number;
}

const TASKS_SQL = `
  select p.id as "projectId", u.username, k.kind, k.start::text as start, prev.ytd_yuan as "prevYtd", prev.since_start_yuan as "prevSince", ap.amount_yuan as plan
    from projects p
    join users u on u.org_id = p.owner_org_id and u.username like 'bench-owner-%'
    join project_annual_plans ap on ap.project_id = p.id and ap.year = $1 and ap.amount_yuan > 0
    cross join (values ('week', $2::date), ('month', $3::date)) k(kind, start)
    left join lateral (
      select r.ytd_yuan, r.since_start_yuan from progress_reports r
       where r.project_id = p.id and r.period_kind = k.kind and r.year = $1 and r.period_start < k.start and r.status in ('submitted', 'approved')
       order by r.period_start desc limit 1) prev on true
   where p.deleted_at is null
   order by u.username, p.id, k.kind`;

/** The form's one request per submission, or save-then-submit (two requests, two versions). */
const TWO_STEP = process.env.BENCH_SUBMIT === 'two-step';
const REQUESTS_PER_REPORT = TWO_STEP ? 2 : 1;

const WAN = 10_000;
const ROUNDS = 3;
const CLIENTS = 200;
/** The target's rate, at which its latency is measured (runAtRate). */
const TARGET_RATE = 1000;
/** Submissions per client and round: a bounded quick run at city scale, every open report at province scale. */
const PER_CLIENT = { city: 3, province: Infinity };

function body(t: Task) {
  const delta = Math.max(1, Math.round((t.plan * 0.01) / WAN)) * WAN;
  const ytd = (t.prevYtd ?? 0) + delta;
  return { projectId: t.projectId, periodKind: t.kind, periodDate: t.start, periodYuan: delta, ytdYuan: ytd, sinceStartYuan: (t.prevSince ?? 0) + delta, paidYtdYuan: null, physicalProgress: '主体结构施工中（基准测试）', problems: '', milestones: [] };
}

function byClient(tasks: Task[], limitPerClient = Infinity): Map<string, Task[]> {
  const map = new Map<string, Task[]>();
  for (const t of tasks) {
    const list = map.get(t.username) ?? [];
    if (list.length < limitPerClient) list.push(t);
    map.set(t.username, list);
  }
  return map;
}

/**
 * One round: every client submits its tasks, one after another as fast as answers come (closed
 * loop), or each when due at `perSecond` reports a second in all (runAtRate; latencies then per
 * report, from when it was due).
 */
async function round1(ctx: BenchContext, cookies: Map<string, string>, clients: Map<string, Task[]>, perSecond?: number) {
  const accepted: string[] = [];
  let failures = 0;
  let firstFailure = '';
  async function submitOne({ t, cookie }: { t: Task; cookie: string }, latencies: number[]) {
    const saved = await ctx.client.request('PUT', '/api/reports', { cookie, body: { ...body(t), submit: !TWO_STEP } });
    latencies.push(saved.ms);
    if (saved.status !== 200) {
      failures++;
      firstFailure ||= `save ${saved.status} ${saved.body.slice(0, 200)}`;
      return;
    }
    const { id, version, status } = JSON.parse(saved.body) as { id: string; version: number; status: string };
    if (!TWO_STEP) {
      if (status === 'submitted') accepted.push(id);
      else {
        failures++;
        firstFailure ||= `save and submit left it ${status}: ${saved.body.slice(0, 200)}`;
      }
      return;
    }
    const submitted = await ctx.client.request('POST', `/api/reports/${id}/submit`, { cookie, body: { version } });
    latencies.push(submitted.ms);
    if (submitted.status === 200) accepted.push(id);
    else {
      failures++;
      firstFailure ||= `submit ${submitted.status} ${submitted.body.slice(0, 200)}`;
    }
  }
  const tasks = [...clients].map(([username, list]) => list.map((t) => ({ t, cookie: cookies.get(username)! })));
  const rss = () => ctx.server.rssMb();
  const report = perSecond
    ? await runAtRate(tasks, perSecond, (task) => submitOne(task, []), rss)
    : await runClients(tasks, (task, latencies) => submitOne(task, latencies), rss);
  // Exactly once: each accepted report is one submitted row with one version per request that
  // changed it (the form: 1, submit; two steps: 1 save and 2 submit).
  const [check] = (
    await ctx.query<{ rows: number; submitted: number; versions: number; distinct_versions: number }>(
      `select (select count(*) from progress_reports where id = any($1::uuid[]))::int as rows,
              (select count(*) from progress_reports where id = any($1::uuid[]) and status = 'submitted' and version = $2)::int as submitted,
              (select count(*) from report_versions where report_id = any($1::uuid[]))::int as versions,
              (select count(distinct (report_id, version)) from report_versions where report_id = any($1::uuid[]))::int as distinct_versions`,
      [accepted, REQUESTS_PER_REPORT],
    )
  ).rows;
  const exact = check!.rows === accepted.length && check!.submitted === accepted.length && check!.versions === REQUESTS_PER_REPORT * accepted.length && check!.distinct_versions === check!.versions;
  if (firstFailure) ctx.log(`first failure: ${firstFailure}`);
  return { ...report, accepted: accepted.length, failures, exact, found: check!.submitted };
}

/** CPU used so far by the PostgreSQL backends serving the bench database (same machine), by pid. */
async function backendCpu(ctx: BenchContext): Promise<Map<string, CpuTimes>> {
  const out = new Map<string, CpuTimes>();
  if (ctx.engine !== 'postgres') return out;
  const { rows } = await ctx.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`);
  for (const { pid } of rows) {
    try {
      out.set(String(pid), procCpu(pid));
    } catch {
      // a server on another machine, or a backend that just ended
    }
  }
  return out;
}

/** CPU spent between two readings, user and kernel apart. */
class CpuSpent {
  userMs = 0;
  kernelMs = 0;
  add(after: CpuTimes, before: CpuTimes | undefined): void {
    this.userMs += after.userMs - (before?.userMs ?? 0);
    this.kernelMs += after.kernelMs - (before?.kernelMs ?? 0);
  }
  /** "1.18 ms (kernel 0.42)" per report. */
  per(n: number): string {
    return `${round((this.userMs + this.kernelMs) / n, 2)} ms (kernel ${round(this.kernelMs / n, 2)})`;
  }
}

/**
 * The data set follows the calendar, so by the time a benchmark runs many owners may already have
 * this week's and this month's reports. Those are set aside (with their versions and the problems'
 * links to them) for the run and put back afterwards, so every run submits the same workload
 * whatever the day. A run that died midway is repaired by the next one.
 */
const ASIDE = ['bench_aside_reports', 'bench_aside_versions', 'bench_aside_problem_links'];

async function putBack(ctx: BenchContext) {
  const [found] = (await ctx.query<{ n: number }>(`select count(*)::int as n from pg_tables where tablename = 'bench_aside_reports'`)).rows;
  if (!found?.n) return;
  await ctx.query(`insert into progress_reports select * from bench_aside_reports on conflict do nothing`);
  await ctx.query(`insert into report_versions select * from bench_aside_versions on conflict do nothing`);
  await ctx.query(`update problems p set report_id = l.report_id from bench_aside_problem_links l where p.id = l.problem_id`);
  for (const t of ASIDE) await ctx.query(`drop table ${t}`);
}

async function setAside(ctx: BenchContext, tasks: Task[]): Promise<number> {
  await putBack(ctx);
  await ctx.query(`create table bench_aside_reports (like progress_reports)`);
  await ctx.query(`create table bench_aside_versions (like report_versions)`);
  await ctx.query(`create table bench_aside_problem_links (problem_id uuid, report_id uuid)`);
  const keys = [tasks.map((t) => t.projectId), tasks.map((t) => t.kind), tasks.map((t) => t.start)];
  await ctx.query(
    `insert into bench_aside_reports select r.* from progress_reports r join unnest($1::uuid[], $2::text[], $3::date[]) as t(project_id, kind, start)
        on r.project_id = t.project_id and r.period_kind = t.kind and r.period_start = t.start`,
    keys,
  );
  await ctx.query(`insert into bench_aside_versions select v.* from report_versions v where v.report_id in (select id from bench_aside_reports)`);
  await ctx.query(`insert into bench_aside_problem_links select p.id, p.report_id from problems p where p.report_id in (select id from bench_aside_reports)`);
  await ctx.query(`delete from progress_reports where id in (select id from bench_aside_reports)`);
  return (await ctx.query<{ n: number }>(`select count(*)::int as n from bench_aside_reports`)).rows[0]!.n;
}

/** The latest_reports rollup (where the schema has it) must match the reports for every project the round touched. */
async function rollupExact(ctx: BenchContext, tasks: Task[]): Promise<boolean | null> {
  const [has] = (await ctx.query<{ ok: boolean }>(`select to_regclass('latest_reports') is not null as ok`)).rows;
  if (!has?.ok) return null;
  const [diff] = (
    await ctx.query<{ n: number }>(
      `with ids as (select distinct unnest($1::uuid[]) as id),
       scratch as (
         select project_id, year, array_agg(period_end order by n) as ends, array_agg(ytd_yuan order by n) as ytds
           from (select r.project_id, r.year, r.period_end, r.ytd_yuan,
                        row_number() over (partition by r.project_id, r.year order by r.period_end desc, r.updated_at desc, r.period_start desc) as n
                   from progress_reports r join ids on ids.id = r.project_id where r.status in ('submitted', 'approved')) x
          where n <= 3 group by 1, 2),
       kept as (
         select project_id, year, array_remove(array[first_end, second_end, third_end], null) as ends,
                array_remove(array[first_ytd_yuan, second_ytd_yuan, third_ytd_yuan], null) as ytds
           from latest_reports l join ids on ids.id = l.project_id where first_end is not null)
       select count(*)::int as n from (select * from scratch except select * from kept union all (select * from kept except select * from scratch)) d`,
      [tasks.map((t) => t.projectId)],
    )
  ).rows;
  return diff!.n === 0;
}

interface Memory {
  rssMb: number;
  heapTotalMb: number;
  heapUsedMb: number;
  externalMb: number;
  nowRssMb: number;
}

/** What the peak is made of: V8's heap (reserved / in use) and buffers outside it, against the server warmed up but idle. */
function heapNote(idle: Memory, rounds: Memory[]): string {
  const top = rounds.reduce((a, b) => (b.rssMb > a.rssMb ? b : a));
  return `at the peak V8 heap ${top.heapTotalMb} MB (${top.heapUsedMb} MB in use), external ${top.externalMb} MB; RSS after sign-in and warm-up ${idle.nowRssMb} MB`;
}

async function cleanup(ctx: BenchContext, tasks: Task[]) {
  await ctx.query(
    `delete from progress_reports r using unnest($1::uuid[], $2::text[], $3::date[]) as t(project_id, kind, start)
      where r.project_id = t.project_id and r.period_kind = t.kind and r.period_start = t.start`,
    [tasks.map((t) => t.projectId), tasks.map((t) => t.kind), tasks.map((t) => t.start)],
  );
}

export const submitBench: Benchmark = {
  name: 'submit',
  fresh: true,
  async run(ctx) {
    const week = periodOf('week', ctx.today);
    const month = periodOf('month', ctx.today);
    const { rows: tasks } = await ctx.query<Task>(TASKS_SQL, [ctx.year, week.start, month.start]);
    const usernames = [...new Set(tasks.map((t) => t.username))].slice(0, CLIENTS);
    const picked = new Set([...byClient(tasks.filter((t) => usernames.includes(t.username)), PER_CLIENT[ctx.scale]).values()].flat());
    const mine = tasks.filter((t) => picked.has(t)).map((t) => ({ ...t, plan: Number(t.plan), prevYtd: t.prevYtd === null ? null : Number(t.prevYtd), prevSince: t.prevSince === null ? null : Number(t.prevSince) }));
    const aside = await setAside(ctx, mine);
    try {
      return await measure(ctx, usernames, mine, aside);
    } finally {
      await putBack(ctx);
    }
  },
};

async function measure(ctx: BenchContext, usernames: string[], mine: Task[], aside: number): Promise<Result[]> {
  ctx.log(`${usernames.length} owners sign in; ${mine.length} submissions per round (${aside} reports of these periods set aside)`);
  const cookies = new Map<string, string>();
  for (let i = 0; i < usernames.length; i += 10) {
    await Promise.all(usernames.slice(i, i + 10).map(async (u) => cookies.set(u, await login(ctx.client, u, ctx.manifest.password))));
  }
  // Warm-up: one submission per client, not counted.
  const warm = byClient(mine, 1);
  await round1(ctx, cookies, warm);
  await cleanup(ctx, [...warm.values()].flat());
  const idle = await ctx.client.json<Memory>('GET', '/bench/memory');

  const rounds = [];
  const serverCpu = new CpuSpent();
  const dbCpu = new CpuSpent();
  const clientCpu = new CpuSpent();
  for (let i = 0; i < ROUNDS; i++) {
    const cpuBefore = ctx.server.cpuTimes();
    const clientBefore = process.cpuUsage();
    const dbBefore = await backendCpu(ctx);
    const r = await round1(ctx, cookies, byClient(mine));
    serverCpu.add(ctx.server.cpuTimes(), cpuBefore);
    const client = process.cpuUsage(clientBefore);
    clientCpu.add({ userMs: client.user / 1000, kernelMs: client.system / 1000 }, undefined);
    const dbAfter = await backendCpu(ctx);
    for (const [pid, times] of dbAfter) dbCpu.add(times, dbBefore.get(pid));
    const memory = await ctx.client.json<Memory>('GET', '/bench/memory');
    const rollup = await rollupExact(ctx, mine);
    await cleanup(ctx, mine);
    ctx.log(`round ${i + 1}: ${r.accepted} accepted in ${(r.wallMs / 1000).toFixed(1)} s, ${r.failures} failed, exactly once: ${r.exact}${rollup === null ? '' : `, rollup exact: ${rollup}`}`);
    rounds.push({ ...r, exact: r.exact && rollup !== false, rollup, memory });
  }
  // The latency at the target's rate: the same reports, each client due every CLIENTS / TARGET_RATE s.
  const atRate = await round1(ctx, cookies, byClient(mine), TARGET_RATE);
  const atRateRollup = await rollupExact(ctx, mine);
  await cleanup(ctx, mine);
  const atRateAchieved = atRate.accepted / (atRate.wallMs / 1000);
  ctx.log(`at ${TARGET_RATE}/s: ${atRate.accepted} accepted in ${(atRate.wallMs / 1000).toFixed(1)} s (${round(atRateAchieved)}/s), ${atRate.failures} failed, ${atRate.lateSends ?? 0} sent late, exactly once: ${atRate.exact}`);
  rounds.push({ ...atRate, exact: atRate.exact && atRateRollup !== false, rollup: atRateRollup, memory: await ctx.client.json<Memory>('GET', '/bench/memory') });

  // Floor: the same clients, the same number of requests, on an empty route.
  const empty = await runClients(
    [...byClient(mine).values()].map((list) => list.flatMap((t) => Array<Task>(REQUESTS_PER_REPORT).fill(t))),
    async (_t, latencies) => {
      const r = await ctx.client.request('GET', '/bench/empty');
      latencies.push(r.ms);
    },
  );
  const closed = rounds.slice(0, ROUNDS);
  const rates = closed.map((r) => r.accepted / (r.wallMs / 1000));
  const latencies = closed.flatMap((r) => r.latencies);
  const rss = rounds.flatMap((r) => r.rss);
  const floorRate = empty.latencies.length / REQUESTS_PER_REPORT / (empty.wallMs / 1000);
  const rate = median(rates);
  const p99 = percentile(latencies, 99);
  const dueP99 = percentile(atRate.latencies, 99);
  const failures = closed.reduce((s, r) => s + r.failures, 0);
  const accepted = closed.reduce((s, r) => s + r.accepted, 0);
  const base = { engine: ctx.engine, scale: ctx.scale };
  const out: Result[] = [
    { name: 'submit.rate', ...base, unit: 'reports/s', median: round(rate), p95: null, floor: round(floorRate), ratio: round(floorRate / rate, 2), target: '≥ 1000/s', met: rate >= 1000, note: `${usernames.length} clients, ${ROUNDS} rounds of ${mine.length}, ${failures} failed; ${TWO_STEP ? 'save then submit, ' : 'one request each (the form), '}${round(REQUESTS_PER_REPORT * rate)} requests/s; CPU per report: server ${serverCpu.per(accepted)}${ctx.engine === 'postgres' ? `, PostgreSQL ${dbCpu.per(accepted)}` : ''}, the 200 clients (this process) ${clientCpu.per(accepted)}` },
    {
      name: 'submit.latency',
      ...base,
      unit: 'ms',
      median: round(median(atRate.latencies)),
      p95: round(percentile(atRate.latencies, 95)),
      p99: round(dueP99),
      floor: round(median(empty.latencies)),
      ratio: round(median(atRate.latencies) / median(empty.latencies), 2),
      target: `p99 ≤ 200 ms at ${TARGET_RATE}/s`,
      // A machine that cannot keep up sends later and later: timed from when due, that shows here.
      met: dueP99 <= 200,
      note: `${usernames.length} clients due ${TARGET_RATE} reports/s in all (each every ${round((usernames.length / TARGET_RATE) * 1000)} ms), timed from when due; ${atRate.accepted} reports at ${round(atRateAchieved)}/s, ${atRate.failures} failed, ${atRate.lateSends ?? 0} sent late`,
    },
    {
      name: 'submit.latency.saturated',
      ...base,
      unit: 'ms',
      median: round(median(latencies)),
      p95: round(percentile(latencies, 95)),
      p99: round(p99),
      floor: round(median(empty.latencies)),
      ratio: round(median(latencies) / median(empty.latencies), 2),
      target: '—',
      met: null,
      note: `per request (${TWO_STEP ? 'save or submit' : 'save and submit'}) in the rounds above, each client sending again on each answer: ~${usernames.length} / rate waiting in the queue the clients build (no target: not a load, the most the machine takes)`,
    },
    {
      name: 'submit.exactly-once',
      ...base,
      unit: 'reports',
      median: rounds.reduce((s, r) => s + r.accepted, 0),
      p95: null,
      floor: rounds.reduce((s, r) => s + r.found, 0),
      ratio: null,
      target: 'every accepted report once',
      met: rounds.every((r) => r.exact),
      note: `median = accepted, floor = found in the database${rounds.some((r) => r.rollup !== null) ? '; latest_reports rollup equal to the reports after every round' : ''}`,
    },
    { name: 'server.rss', ...base, unit: 'MB', median: round(median(rss)), p95: round(percentile(rss, 95)), floor: null, ratio: null, target: '≤ 300 MB under load', met: Math.max(...rss) <= 300, note: `peak ${round(Math.max(...rss))} MB; ${heapNote(idle, rounds.map((r) => r.memory))}` },
  ];
  return out;
}
