/**
 * The weekly bulletin as the office downloads it: Word and Excel, end to end through the API
 * (figures for every campaign project, by region and category, red and yellow lists, problems).
 * Floor: the per-project figures the bulletin is built from, in one SQL statement.
 */
import { timeRuns } from './lib/measure.ts';
import { latencyResult, type Benchmark, type Result } from './lib/types.ts';
import { REGION_FLOOR_SQL } from './stats.bench.ts';

const LIMIT_MS = 5_000;

export const bulletinBench: Benchmark = {
  name: 'bulletin',
  // Last and on its own server: a province-wide document is the heaviest thing measured.
  fresh: true,
  async run(ctx) {
    const cookie = await ctx.office();
    // At province scale the bulletin covers all 50,000 projects: one timed run, no warm-up.
    const runs = ctx.scale === 'city' ? Math.min(ctx.runs, 3) : 1;
    const warmup = ctx.scale === 'city' ? 1 : 0;
    const [{ n }] = (await ctx.query<{ n: number }>(`select count(*)::int as n from campaign_projects where campaign_id = (select id from campaigns where year = $1 order by created_at limit 1)`, [ctx.year])).rows as [{ n: number }];
    const floor = await ctx.query(REGION_FLOOR_SQL, [ctx.year, ctx.today], runs, warmup);
    const out: Result[] = [];
    for (const format of ['docx', 'xlsx'] as const) {
      let bytes = 0;
      const times = await timeRuns(runs, warmup, async () => {
        const r = await ctx.client.request('GET', `/api/bulletins.${format}?kind=week`, { cookie });
        if (r.status !== 200) throw new Error(`bulletin ${format}: ${r.status} ${r.body.slice(0, 200)}`);
        bytes = r.bytes;
      });
      // The target is set for 10,000 projects; a larger data set is held to it too.
      out.push(latencyResult(ctx, `bulletin.${format}`, times, floor.times, { p95Ms: LIMIT_MS, maxRatio: Infinity }, `${n} projects, ${(bytes / 1024).toFixed(0)} KB`));
      out.at(-1)!.target = `p95 ≤ ${LIMIT_MS / 1000} s (10,000 projects)`;
    }
    return out;
  },
};
