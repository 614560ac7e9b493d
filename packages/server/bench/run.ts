/**
 * Runs the benchmarks against PGlite and PostgreSQL (BENCH_DATABASE_URL) and prints one table:
 * each figure's median and p95 over repeated runs beside a floor measured in the same run.
 *
 *   npm run bench -- --scale city|province [--engine pglite|postgres|both] [--only stats,board,…]
 *                    [--out results.json] [--md results.md] [--runs 20]
 *
 * The data set must exist (npm run bench:data); at city scale a missing one is built first.
 * Benchmarks, not tests: nothing here decides whether `npm test` passes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { beijingLocal } from '@pacer/domain';
import { boardBench } from './board.bench.ts';
import { bulletinBench } from './bulletin.bench.ts';
import { importBench } from './import.run.ts';
import { startServer } from './lib/child.ts';
import { Client, login } from './lib/http.ts';
import { markdownTable, printTable } from './lib/table.ts';
import { enginesFrom, readManifest, targetOf, type Engine, type Scale } from './lib/target.ts';
import type { Benchmark, BenchContext, Result } from './lib/types.ts';
import { statsBench } from './stats.bench.ts';
import { submitBench } from './submit.bench.ts';
import { WEB_DIST, webBench } from './web.bench.ts';

const BENCHMARKS: Benchmark[] = [statsBench, boardBench, submitBench, webBench, importBench, bulletinBench];

async function runEngine(engine: Engine, scale: Scale, only: Set<string> | null, runs: number): Promise<Result[]> {
  const target = targetOf(engine, scale);
  if (!fs.existsSync(target.manifestPath) && scale === 'city') {
    console.log(`No ${scale} data set for ${engine}: building it first.`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./data.ts', import.meta.url)), '--scale', scale, '--engine', engine], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('bench:data failed');
  }
  const manifest = readManifest(target);
  const results: Result[] = [];
  const list = BENCHMARKS.filter((b) => !only || only.has(b.name));
  // The web benchmark needs the built client served by the same server.
  const start = async () => {
    const server = await startServer(engine, scale, { BENCH_WEB_DIR: WEB_DIST });
    return { server, client: new Client(server.port) };
  };
  let { server, client } = await start();
  let officeCookie: string | null = null;
  const today = beijingLocal(new Date()).slice(0, 10);
  const ctx: BenchContext = {
    engine,
    scale,
    manifest,
    get client() {
      return client;
    },
    get server() {
      return server;
    },
    today,
    year: Number(today.slice(0, 4)),
    runs,
    async query<T>(sql: string, params: unknown[] = [], n = 1, warmup = 0) {
      return client.json<{ rows: T[]; times: number[] }>('POST', '/bench/query', { body: { sql, params, runs: n, warmup } });
    },
    async office() {
      officeCookie ??= await login(client, 'bench-office', manifest.password);
      return officeCookie;
    },
    log: (m) => console.log(`  [${engine} ${scale}] ${m}`),
  };
  try {
    for (const b of list) {
      if (b.fresh) {
        client.close();
        await server.stop();
        ({ server, client } = await start());
      }
      const started = performance.now();
      ctx.log(`${b.name}…`);
      try {
        const load = Math.round(os.loadavg()[0]! * 10) / 10;
        results.push(...(await b.run(ctx)).map((r) => ({ ...r, load: Math.max(load, Math.round(os.loadavg()[0]! * 10) / 10) })));
      } catch (err) {
        ctx.log(`${b.name} failed: ${(err as Error).stack ?? err}`);
        results.push({ name: b.name, engine, scale, unit: '', median: null, p95: null, floor: null, ratio: null, target: '', met: false, note: `failed: ${(err as Error).message.slice(0, 120)}`, failed: true });
      }
      ctx.log(`${b.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    client.close();
    await server.stop();
  }
  return results;
}

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'city' }, engine: { type: 'string' }, only: { type: 'string' }, out: { type: 'string' }, md: { type: 'string' }, runs: { type: 'string' } } });
  const scale = values.scale as Scale;
  if (scale !== 'city' && scale !== 'province') throw new Error(`--scale should be city or province, not ${values.scale}`);
  const only = values.only ? new Set(values.only.split(',')) : null;
  const runs = Number(values.runs ?? 20);
  const results: Result[] = [];
  for (const engine of enginesFrom(values.engine)) results.push(...(await runEngine(engine, scale, only, runs)));
  printTable(results);
  console.log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end`);
  if (values.md) fs.writeFileSync(values.md, `${markdownTable(results)}\n`);
  if (values.out) {
    fs.writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Results written to ${values.out}`);
  }
  // A missed target is a finding, not a failure; a benchmark that could not run is.
  if (results.some((r) => r.failed)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
