/**
 * Import benchmark (not part of `npm test`): builds a ledger of N project rows (default
 * 100,000) shaped as offices send them — title, unit row, two-row merged header, group rows —
 * and imports it end to end (analyse → dry run → commit) into a fresh database, printing
 * rows/s per phase and the peak resident memory.
 *
 *   node --import tsx packages/server/bench/import.bench.ts [rows]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx packages/server/bench/import.bench.ts
 *
 * With DATABASE_URL a scratch database is created on that server and dropped afterwards.
 * Like the server (main.ts), it bounds V8's heap growth; BENCH_UNBOUNDED_HEAP=1 leaves V8's default.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { boundHeapGrowth } from '../src/memory.ts';
import { organisations } from '../src/db/schema.ts';
import { SYSTEM_ACTOR } from '../src/modules/imports/actor.ts';
import { JobRunner } from '../src/modules/imports/jobs.ts';
import { importLimits } from '../src/modules/imports/limits.ts';
import { presentJob } from '../src/modules/imports/present.ts';
import { commitImport, confirmMapping, jobFor, startImport, type ImportContext } from '../src/modules/imports/service.ts';
import { seedDemo } from '../src/seed/demo.ts';

// `--write FILE ROWS` builds the ledger in a child process, so its memory is not counted.
const WRITE = process.argv[2] === '--write' ? process.argv[3]! : null;
const ROWS = Number((WRITE ? process.argv[4] : process.argv[2]) ?? 100_000);
const YEAR = new Date().getFullYear() - 1;
const REGIONS = ['雨湖区', '岳塘区', '湘潭县', '湘乡市', '韶山市'];
const REGION_CODES = ['430302', '430304', '430321', '430381', '430382'];

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

async function writeLedger(file: string) {
  const owners = JSON.parse(fs.readFileSync(`${file}.owners.json`, 'utf8')) as string[];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('投资进度');
  ws.getCell('A1').value = `${YEAR}年1-3月全市重点项目投资完成情况表`;
  ws.mergeCells('A1:L1');
  ws.getCell('L2').value = '单位：万元';
  const top = ['序号', '项目代码', '项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '投资情况', null, null, '形象进度'];
  const sub = [null, null, null, null, null, null, null, null, '总投资', `${YEAR}年计划`, '1-3月完成', null];
  ws.getRow(3).values = top as ExcelJS.CellValue[];
  ws.getRow(4).values = sub as ExcelJS.CellValue[];
  for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'L']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('I3:K3');
  let n = 4;
  for (let i = 0; i < ROWS; i++) {
    if (i % 1000 === 0) ws.getRow(++n).values = [`${['一', '二', '三', '四'][(i / 1000) % 4]}、第${i / 1000 + 1}批产业项目（1000个）`];
    const r = i % 5;
    ws.getRow(++n).values = [
      i + 1,
      `${YEAR - 1}-${REGION_CODES[r]}-44-01-${String(i).padStart(6, '0')}`,
      `基准测试项目${i + 1}号`,
      REGIONS[r]!,
      owners[i % owners.length]!,
      i % 3 ? '市州重点' : '省重点、市州重点',
      '产业项目',
      i % 2 ? '新建' : '续建',
      i % 7 === 0 ? `${(5000 + (i % 900)).toLocaleString('en-US')}.5` : 5000 + (i % 900),
      1200 + (i % 300),
      (i % 400) / 4,
      '主体施工',
    ];
  }
  ws.getRow(++n).values = ['合计'];
  ws.commit();
  await wb.commit();
}

async function scratchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-bench-'));
    const database = await openDatabase({ dataDir });
    return { database, drop: async () => (await database.close(), fs.rmSync(dataDir, { recursive: true, force: true })) };
  }
  const name = `pacer_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function main() {
  // The importing process is the server, which bounds V8's heap growth at start (main.ts).
  if (!process.env.BENCH_UNBOUNDED_HEAP) boundHeapGrowth();
  const { database, drop } = await scratchDatabase();
  try {
    await migrateDatabase(database);
    await seedDemo(database.db, { password: 'bench2026', reports: false, boards: 0 });
    const owners = (await database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.kind, 'owner'))).map((o) => o.name);
    const file = path.join(os.tmpdir(), `pacer-bench-${process.pid}.xlsx`);
    fs.writeFileSync(`${file}.owners.json`, JSON.stringify(owners));
    let t = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--write', file, String(ROWS)], { stdio: 'inherit' });
    const bytes = fs.readFileSync(file);
    console.log(`ledger: ${ROWS.toLocaleString('en-US')} project rows, ${mb(bytes.length)} on disk, written in ${((performance.now() - t) / 1000).toFixed(1)} s (child process)`);
    fs.rmSync(file);
    fs.rmSync(`${file}.owners.json`);
    const base = process.memoryUsage().rss;
    console.log(`before import: RSS ${mb(base)} (database open, demo city loaded)`);
    let heapPeak = 0;
    const heapSampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 25);
    const runner = new JobRunner(database.db, (err) => console.error(err));
    const c: ImportContext = { db: database.db, runner, limits: importLimits() };
    // On a shared machine wall time says little: the process's own CPU time is printed beside it.
    const cpuSeconds = (since: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(since);
      return ((u.user + u.system) / 1e6).toFixed(1);
    };
    const phase = async (label: string, work: () => Promise<unknown>) => {
      const start = performance.now();
      const cpu = process.cpuUsage();
      await work();
      await runner.drain();
      const s = (performance.now() - start) / 1000;
      console.log(`${label.padEnd(10)} ${s.toFixed(1).padStart(6)} s  ${Math.round(ROWS / s).toLocaleString('en-US').padStart(8)} rows/s  peak RSS so far ${mb(peak)}, CPU ${cpuSeconds(cpu)} s`);
      return s;
    };
    const cpu0 = process.cpuUsage();
    t = performance.now();
    let id = '';
    await phase('analyse', async () => (id = (await startImport(c, SYSTEM_ACTOR, { name: 'bench.xlsx', bytes })).id));
    await phase('dry run', () => confirmMapping(c, SYSTEM_ACTOR, id, { remember: false }));
    const previewed = presentJob(await jobFor(c, SYSTEM_ACTOR, id));
    if (previewed.status !== 'previewed') throw new Error(previewed.error ?? previewed.status);
    await phase('commit', () => commitImport(c, SYSTEM_ACTOR, id, { acceptProblems: true }));
    const job = presentJob(await jobFor(c, SYSTEM_ACTOR, id));
    const total = (performance.now() - t) / 1000;
    console.log(`status ${job.status}${job.error ? ` (${job.error})` : ''}; counts ${JSON.stringify(job.counts)}`);
    clearInterval(heapSampler);
    console.log(`total      ${total.toFixed(1).padStart(6)} s  ${Math.round(ROWS / total).toLocaleString('en-US').padStart(8)} rows/s  peak RSS ${mb(Math.max(peak, process.resourceUsage().maxRSS * 1024))}, peak JS heap ${mb(heapPeak)} (${database.kind}), CPU ${cpuSeconds(cpu0)} s, load ${(os.loadavg()[0] ?? 0).toFixed(1)}`);
  } finally {
    clearInterval(sampler);
    await drop();
  }
}

if (WRITE) {
  await writeLedger(WRITE);
  clearInterval(sampler);
} else {
  await main();
}
