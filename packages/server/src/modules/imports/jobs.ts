/**
 * Import work runs in the background of the process that accepted the request; its state
 * lives in the database (import_jobs), so any instance answers progress queries. A job whose
 * heartbeat stops (the process died) is reported as interrupted, never left "running".
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { importJobs } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { ImportStatus } from './schema.ts';

/** Statuses in which work is under way. */
export const RUNNING: ImportStatus[] = ['analysing', 'previewing', 'committing', 'rolling_back'];
/** A running job not heard from for this long has lost its process. */
export const STALE_MS = 120_000;
const TICK_MS = 500;

export interface Progress {
  /** Starts a stage of the work with its size (rows, sheets). */
  stage(name: string, total: number): Promise<void>;
  /** Records how far the stage is; written at most twice a second. */
  tick(done: number): Promise<void>;
  /** As tick, without waiting: for use inside a transaction (PGlite runs one query at a time). */
  tickLater(done: number): void;
}

export function progressOf(db: Db, jobId: string, status: ImportStatus): Progress {
  let last = 0;
  const write = (values: Partial<typeof importJobs.$inferInsert>) =>
    db
      .update(importJobs)
      .set({ ...values, heartbeatAt: new Date() })
      .where(and(eq(importJobs.id, jobId), eq(importJobs.status, status)));
  return {
    async stage(name, total) {
      last = Date.now();
      await write({ stage: name, progressDone: 0, progressTotal: total });
    },
    async tick(done) {
      if (Date.now() - last < TICK_MS) return;
      last = Date.now();
      await write({ progressDone: done });
    },
    tickLater(done) {
      if (Date.now() - last < TICK_MS) return;
      last = Date.now();
      write({ progressDone: done }).catch(() => {});
    },
  };
}

/** What a failed step leaves behind: the status to return to and the message to show. */
export interface Failure {
  status: ImportStatus;
  message: string;
}

export class JobRunner {
  private readonly active = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly log: (err: unknown, jobId: string) => void = () => {},
  ) {}

  isActive(jobId: string): boolean {
    return this.active.has(jobId);
  }

  /** Runs `work` in the background; a throw sets the job to `onFailure.status` with its message. */
  start(jobId: string, onFailure: ImportStatus, work: () => Promise<void>): void {
    const run = (async () => {
      try {
        await work();
      } catch (err) {
        if (!(err instanceof AppError)) this.log(err, jobId);
        const message = err instanceof AppError ? err.message : '导入过程中出现内部错误，未写入任何数据；请重试，如仍失败请联系系统管理员。';
        await this.db
          .update(importJobs)
          .set({ status: onFailure, error: message, stage: null, updatedAt: new Date() })
          .where(eq(importJobs.id, jobId))
          .catch((e: unknown) => this.log(e, jobId));
      } finally {
        this.active.delete(jobId);
      }
    })();
    this.active.set(jobId, run);
  }

  /** Waits for every running job (on shutdown, and in tests before the database closes). */
  async drain(): Promise<void> {
    while (this.active.size) await Promise.allSettled([...this.active.values()]);
  }
}

/** Marks running jobs with a stale heartbeat, not run by this process, as interrupted. */
export async function sweepStale(db: Db, runner: JobRunner): Promise<void> {
  const stale = await db
    .select({ id: importJobs.id, status: importJobs.status })
    .from(importJobs)
    .where(and(inArray(importJobs.status, RUNNING), sql`coalesce(${importJobs.heartbeatAt}, ${importJobs.updatedAt}) < now() - ${`${STALE_MS / 1000} seconds`}::interval`));
  for (const job of stale.filter((j) => !runner.isActive(j.id))) {
    // Each step ran in one transaction or wrote only staging rows, so the data is as before it.
    const back: ImportStatus = job.status === 'committing' ? 'previewed' : job.status === 'rolling_back' ? 'committed' : 'failed';
    await db
      .update(importJobs)
      .set({ status: back, error: '导入任务因服务重启而中断，数据未改变；请重新操作。', stage: null, updatedAt: new Date() })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, job.status)));
  }
}
