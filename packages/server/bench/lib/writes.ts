/**
 * What happens before each timed request of a kept answer (not timed): a report submitted (one
 * project's counting report changed: the answer is brought up to date), a change the change log
 * cannot pin to projects (a campaign's settings: the answer is computed whole), or nothing (the
 * answer is kept). See db/changes.ts and db/snapshot-cache.ts.
 */
import type { BenchContext } from './types.ts';

export type Before = 'report' | 'everything' | 'nothing';

/** Counting reports of this year, one per project, to change before each request. */
export async function reportsToChange(ctx: BenchContext): Promise<string[]> {
  const { rows } = await ctx.query<{ id: string }>(
    `select distinct on (project_id) id from progress_reports where year = $1 and status in ('submitted', 'approved') order by project_id, period_end desc limit 50`,
    [ctx.year],
  );
  return rows.map((r) => r.id);
}

/**
 * The change before request `i`. Each report change is undone by the next (+1 元 on a report,
 * then −1 元), so the data set stays as it was once `undo()` has run after the last request.
 */
export function writesBefore(ctx: BenchContext, before: Before, reports: string[]) {
  let pending: string | null = null;
  return {
    async write(i: number) {
      if (before === 'everything') await ctx.query(`update campaigns set name = name where year = $1`, [ctx.year]);
      if (before !== 'report') return;
      const id = reports[Math.floor(i / 2) % reports.length]!;
      await ctx.query(`update progress_reports set ytd_yuan = ytd_yuan + $2 where id = $1`, [id, i % 2 ? -1 : 1]);
      pending = i % 2 ? null : id;
    },
    async undo() {
      if (pending) await ctx.query(`update progress_reports set ytd_yuan = ytd_yuan - 1 where id = $1`, [pending]);
      pending = null;
    },
  };
}
