/**
 * The server the benchmarks drive: the real app (buildApp) on a bench data set, listening on
 * 127.0.0.1 only, plus two routes for the runner — an empty route (the HTTP floor) and a raw
 * query route that times SQL inside this process (the database floor, and checks afterwards).
 * Started by run.ts as a child process so its memory and CPU are its own.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { buildApp } from '../src/app.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { boundHeapGrowth } from '../src/memory.ts';
import { csvLine } from './lib/csv.ts';
import { openSink } from './lib/sink.ts';
import { open, targetOf, type Engine, type Scale } from './lib/target.ts';

async function main() {
  // As main.ts does: the server under test is configured as in production.
  boundHeapGrowth();
  const engine = process.env.BENCH_ENGINE as Engine;
  const scale = process.env.BENCH_SCALE as Scale;
  const database = await open(targetOf(engine, scale));
  // A data set made before a new migration (an index) gets it here.
  await migrateDatabase(database);
  const webDir = process.env.BENCH_WEB_DIR || undefined;
  // The production default for the session cache unless PACER_SESSION_CACHE_SECONDS says otherwise (to compare).
  const cache = process.env.PACER_SESSION_CACHE_SECONDS;
  const { app } = await buildApp({ database, logger: false, webDir, sessionCacheSeconds: cache === undefined ? undefined : Number(cache) });
  const client = (database.db as unknown as { $client: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> } }).$client;

  app.get('/bench/empty', { config: { permission: 'public' } }, async () => ({}));
  // What the server's memory is made of at its peak since the last call: RSS against V8's heap
  // and the buffers outside it, sampled every 100 ms.
  const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0 };
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) Object.assign(peak, { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external });
  }, 100);
  sample.unref();
  app.get('/bench/memory', { config: { permission: 'public' } }, async () => {
    const mb = (n: number) => Math.round(n / 1048576);
    const now = process.memoryUsage();
    const out = { rssMb: mb(peak.rss), heapTotalMb: mb(peak.heapTotal), heapUsedMb: mb(peak.heapUsed), externalMb: mb(peak.external), nowRssMb: mb(now.rss) };
    Object.assign(peak, { rss: 0, heapTotal: 0, heapUsed: 0, external: 0 });
    return out;
  });
  app.post(
    '/bench/query',
    { config: { permission: 'public' }, schema: { body: z.object({ sql: z.string(), params: z.array(z.unknown()).default([]), runs: z.number().int().min(1).max(1000).default(1), warmup: z.number().int().min(0).default(0) }) } },
    async (req) => {
      const { sql: text, params, runs, warmup } = req.body as { sql: string; params: unknown[]; runs: number; warmup: number };
      let rows: unknown[] = [];
      for (let i = 0; i < warmup; i++) await client.query(text, params);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        rows = (await client.query(text, params)).rows;
        times.push(performance.now() - t);
      }
      return { times, rows: JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))) as unknown[] };
    },
  );
  // Raw COPY of ledger-shaped rows into a scratch table: the floor of an import.
  app.post('/bench/copy', { config: { permission: 'public' }, schema: { body: z.object({ rows: z.number().int().min(1).max(1_000_000) }) } }, async (req) => {
    const { rows } = req.body as { rows: number };
    const sink = await openSink(database);
    await sink.exec('drop table if exists bench_copy_floor');
    await sink.exec('create table bench_copy_floor (code text, name text, region text, owner text, levels text, category text, status text, total_wan numeric, plan_wan numeric, done_wan numeric, progress text)');
    const lines = function* () {
      for (let i = 0; i < rows; i++) yield csvLine([`2025-430302-44-01-${String(i).padStart(6, '0')}`, `基准测试项目${i + 1}号`, '雨湖区', '湘潭华瑞智能装备有限公司', '市州重点', '产业项目', '新建', 5000 + (i % 900), 1200 + (i % 300), (i % 400) / 4, '主体施工']);
    };
    const started = performance.now();
    await sink.copy('bench_copy_floor', ['code', 'name', 'region', 'owner', 'levels', 'category', 'status', 'total_wan', 'plan_wan', 'done_wan', 'progress'], lines());
    const ms = performance.now() - started;
    await sink.exec('drop table bench_copy_floor');
    return { ms };
  });
  await database.db.execute(sql`select 1`);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.send?.({ ready: true, port: Number(new URL(address).port) });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
