/**
 * Runs a job once per run key, whatever the number of server instances. The job and the
 * row that claims its key share one transaction: a second instance's insert of the same key
 * waits on the first's unique-index entry, then finds it taken and skips; if the first fails
 * and rolls back, the key is free again and the next tick retries.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/exec.ts';
import { jobRuns } from '../db/schema.ts';

export interface RunOutcome<T> {
  runKey: string;
  ran: boolean;
  result?: T;
}

export async function runOnce<T>(db: Db, runKey: string, instance: string, now: () => Date, fn: (tx: Tx) => Promise<T>): Promise<RunOutcome<T>> {
  const job = runKey.split(':')[0]!;
  return db.transaction(async (tx) => {
    const [claimed] = await tx.insert(jobRuns).values({ runKey, job, instance, startedAt: now() }).onConflictDoNothing().returning({ runKey: jobRuns.runKey });
    if (!claimed) return { runKey, ran: false };
    const result = await fn(tx);
    await tx
      .update(jobRuns)
      .set({ finishedAt: now(), result: result as unknown })
      .where(eq(jobRuns.runKey, runKey));
    return { runKey, ran: true, result };
  });
}
