// Temporary A/B: old vs new code paths, interleaved, wall and CPU time. Not committed.
import { periodOf, timeProgress } from '@pacer/domain';
import { open, targetOf } from './lib/target.ts';
import { boardInputs } from '../src/modules/boards/inputs.ts';
import { boardInputs as boardInputsHead } from '../src/modules/boards/inputs.head.tmp.ts';
import { computeStats, projectFigures, summarise } from '../src/modules/stats/service.ts';
import { campaignOfYear } from '../src/modules/campaigns/queries.ts';
import { median } from './lib/measure.ts';

const [engine, scale, what] = process.argv.slice(2) as ['postgres', 'city', string];
const d = await open(targetOf(engine, scale));
const asOf = '2026-11-23';
const week = periodOf('week', asOf);
async function oldStats() {
  const c = await campaignOfYear(d.db, 2026);
  return summarise(await projectFigures(d.db, null, 2026, asOf), { year: 2026, asOf, groupBy: 'region' }, timeProgress(asOf, 2026, c.timeCurve));
}
const cases: Record<string, [() => Promise<unknown>, () => Promise<unknown>]> = {
  stats: [oldStats, () => computeStats(d.db, null, { year: 2026, asOf, groupBy: 'region' })],
  inputs: [() => boardInputsHead(d.db, week), () => boardInputs(d.db, week)],
};
const [a, b] = cases[what]!;
const runs = Number(process.argv[5] ?? 7);
const res = { before: { wall: [] as number[], cpu: [] as number[] }, after: { wall: [] as number[], cpu: [] as number[] } };
await a(); await b();
for (let i = 0; i < runs; i++) {
  for (const [k, fn] of [['before', a], ['after', b]] as const) {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    await fn();
    res[k].wall.push(performance.now() - t0); const c = process.cpuUsage(c0); res[k].cpu.push((c.user + c.system) / 1000);
  }
}
for (const k of ['before', 'after'] as const) console.log(`${what} ${engine} ${scale} ${k}: wall median ${median(res[k].wall).toFixed(0)} ms, node CPU median ${median(res[k].cpu).toFixed(0)} ms`);
await d.close();
