/**
 * Where a benchmark data set lives: PGlite in .bench/pglite-<scale> (gitignored) or a database
 * `pacer_bench_<scale>` on the PostgreSQL server named by BENCH_DATABASE_URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';

export type Engine = 'pglite' | 'postgres';
export type Scale = 'city' | 'province';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const BENCH_DIR = path.join(ROOT, '.bench');

export interface Target {
  engine: Engine;
  scale: Scale;
  /** PGlite data directory, or the PostgreSQL URL of the bench database. */
  dataDir?: string;
  databaseUrl?: string;
  manifestPath: string;
}

export function benchUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || undefined;
}

export function targetOf(engine: Engine, scale: Scale): Target {
  const manifestPath = path.join(BENCH_DIR, `${engine}-${scale}.json`);
  if (engine === 'pglite') return { engine, scale, dataDir: path.join(BENCH_DIR, `pglite-${scale}`), manifestPath };
  const url = benchUrl();
  if (!url) throw new Error('PostgreSQL benchmarks need BENCH_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  const u = new URL(url);
  u.pathname = `/pacer_bench_${scale}`;
  return { engine, scale, databaseUrl: u.toString(), manifestPath };
}

/** Engines to use: both when BENCH_DATABASE_URL is set, PGlite alone otherwise, or the one asked for. */
export function enginesFrom(arg: string | undefined): Engine[] {
  if (arg === 'pglite' || arg === 'postgres') return [arg];
  if (arg && arg !== 'both') throw new Error(`--engine should be pglite, postgres or both, not ${arg}`);
  return benchUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

/** Drops whatever was there and returns an empty database (not yet migrated). */
export async function recreate(target: Target): Promise<void> {
  if (target.engine === 'pglite') {
    fs.rmSync(target.dataDir!, { recursive: true, force: true });
    fs.rmSync(`${target.dataDir}.lock`, { recursive: true, force: true });
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    return;
  }
  const name = new URL(target.databaseUrl!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: benchUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

export function open(target: Target): Promise<Database> {
  return openDatabase(target.engine === 'pglite' ? { dataDir: target.dataDir } : { databaseUrl: target.databaseUrl });
}

export interface Manifest {
  scale: Scale;
  engine: Engine;
  seed: number;
  /** The Beijing date the data was generated for (reports up to the last passed deadline). */
  today: string;
  generatedAt: string;
  loadSeconds: number;
  counts: Record<string, number>;
  cityCode: string;
  password: string;
  office: string;
  owners: string[];
}

export function readManifest(target: Target): Manifest {
  if (!fs.existsSync(target.manifestPath)) throw new Error(`No ${target.scale} data set for ${target.engine}: run npm run bench:data -- --scale ${target.scale} first`);
  return JSON.parse(fs.readFileSync(target.manifestPath, 'utf8')) as Manifest;
}

export function writeManifest(target: Target, manifest: Manifest): void {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.writeFileSync(target.manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
