/**
 * Runs import.bench.ts (a 100,000-row ledger through analyse → dry run → commit, in its own
 * scratch database) as a child process and reads its totals; the floor is a raw COPY of as
 * many ledger-shaped rows into the bench database. At city scale the ledger has 10,000 rows.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { round } from './lib/measure.ts';
import { benchUrl } from './lib/target.ts';
import type { Benchmark, Result } from './lib/types.ts';

const SCRIPT = fileURLToPath(new URL('./import.bench.ts', import.meta.url));

function runScript(rows: number, databaseUrl: string | undefined): Promise<string> {
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, String(rows)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`import.bench.ts exited with ${code}: ${out.slice(-500)}`))));
  });
}

export const importBench: Benchmark = {
  name: 'import',
  async run(ctx) {
    const base = { engine: ctx.engine, scale: ctx.scale };
    if (!fs.existsSync(SCRIPT)) return [{ name: 'import', ...base, unit: '', median: null, p95: null, floor: null, ratio: null, target: '', met: null, note: 'skipped: no import.bench.ts' }];
    const rows = ctx.scale === 'city' ? 10_000 : 100_000;
    const out = await runScript(rows, ctx.engine === 'postgres' ? benchUrl() : undefined);
    ctx.log(out.trim().split('\n').join('\n    '));
    const total = /total\s+([\d.]+) s\s+([\d,]+) rows\/s\s+peak RSS (\d+) MB/.exec(out);
    if (!total) throw new Error(`could not read the totals of import.bench.ts:\n${out.slice(-800)}`);
    const seconds = Number(total[1]);
    const rate = rows / seconds;
    const peak = Number(total[3]);
    const floor = await ctx.client.json<{ ms: number }>('POST', '/bench/copy', { body: { rows } });
    const floorRate = rows / (floor.ms / 1000);
    const results: Result[] = [
      { name: 'import.rate', ...base, unit: 'rows/s', median: round(rate, 0), p95: null, floor: round(floorRate, 0), ratio: round(floorRate / rate, 1), target: '≥ 10,000 rows/s', met: rate >= 10_000, note: `${rows.toLocaleString('en-US')} rows end to end in ${seconds} s (one run); floor: raw COPY` },
      { name: 'import.rss', ...base, unit: 'MB', median: peak, p95: null, floor: null, ratio: null, target: '≤ 500 MB peak', met: peak <= 500, note: 'peak RSS of the importing process' },
    ];
    return results;
  },
};
