/** What a benchmark gets and gives back. */
import type { Client } from './http.ts';
import type { BenchServer } from './child.ts';
import type { Engine, Manifest, Scale } from './target.ts';
import { median, percentile, round } from './measure.ts';

export interface Result {
  name: string;
  engine: Engine;
  scale: Scale;
  unit: string;
  median: number | null;
  p95: number | null;
  /** Only where a target names it (request latency under load). */
  p99?: number | null;
  floor: number | null;
  ratio: number | null;
  target: string;
  /** null when the figure has no target at this scale (informative). */
  met: boolean | null;
  note?: string;
  /** The benchmark threw (the run exits non-zero); missing a target is not a failure. */
  failed?: boolean;
  /** The machine's 1-minute load average when the figure was taken (others' work skews timings). */
  load?: number;
}

export interface BenchContext {
  engine: Engine;
  scale: Scale;
  manifest: Manifest;
  readonly client: Client;
  readonly server: BenchServer;
  /** Beijing date and year the server uses as today. */
  today: string;
  year: number;
  /** Timed repetitions for latency figures. */
  runs: number;
  /** Runs raw SQL inside the server process; `times` are per run in ms. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], runs?: number, warmup?: number): Promise<{ rows: T[]; times: number[] }>;
  /** Session cookie of the office account. */
  office(): Promise<string>;
  log(message: string): void;
}

export interface Benchmark {
  name: string;
  /** Runs on a newly started server (its memory is measured). */
  fresh?: boolean;
  run(ctx: BenchContext): Promise<Result[]>;
}

/** A warm latency figure against its floor: p95 under a limit and median within `maxRatio` of the floor. */
export function latencyResult(ctx: BenchContext, name: string, times: number[], floorTimes: number[], limit: { p95Ms: number; maxRatio: number } | null, note?: string): Result {
  const med = median(times);
  const p95 = percentile(times, 95);
  const floor = floorTimes.length ? median(floorTimes) : null;
  const ratio = floor ? med / floor : null;
  return {
    name,
    engine: ctx.engine,
    scale: ctx.scale,
    unit: 'ms',
    median: round(med),
    p95: round(p95),
    floor: round(floor),
    ratio: round(ratio, 2),
    target: limit ? `p95 ≤ ${limit.p95Ms} ms, ≤ ${limit.maxRatio}× floor` : '—',
    met: limit ? p95 <= limit.p95Ms && (ratio === null || ratio <= limit.maxRatio) : null,
    note,
  };
}
