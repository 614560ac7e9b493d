/**
 * The change log (migration 0019) read from a snapshot: each way a project's board line can
 * change names that project once committed, drafts saved change nothing, and what it cannot pin
 * to projects says so. The draft kept from it is checked in modules/boards/draft.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/problems.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { runDueJobs } from '../jobs/scheduler.ts';
import { changedSince, pruneChanges } from './changes.ts';
import { queryRows, sql } from './client.ts';

let t: TestApp;
let ids: string[];
const year = 2026;

beforeAll(async () => {
  t = await testApp();
  ids = (await queryRows<{ id: string }>(t.database.db, sql`select id from projects where deleted_at is null order by name limit 3`)).map((r) => r.id);
});
afterAll(async () => t?.close());

const snapshot = async () => (await queryRows<{ s: string }>(t.database.db, sql`select pg_current_snapshot()::text as s`))[0]!.s;
const run = (statement: ReturnType<typeof sql>) => t.database.db.execute(statement);

/** What changedSince() says about `change`, made after a snapshot. */
async function changesOf(change: () => Promise<unknown>) {
  const since = await snapshot();
  await change();
  const changes = await changedSince(t.database.db, since);
  return changes.all ? 'all' : changes.projectIds.sort();
}

describe('变更记录 the change log', () => {
  it('names each project a statement changed, in every table a board line reads', async () => {
    const [a, b] = ids as [string, string];
    expect(await changesOf(async () => {})).toEqual([]);
    expect(await changesOf(() => run(sql`update projects set name = name || '·' where id in (${a}, ${b})`))).toEqual([a, b].sort());
    expect(await changesOf(() => run(sql`insert into project_milestones (project_id, kind, planned_date) values (${a}, 'log_test', '2026-03-01')`))).toEqual([a]);
    expect(await changesOf(() => run(sql`delete from project_milestones where kind = 'log_test'`))).toEqual([a]);
    expect(await changesOf(() => run(sql`update project_annual_plans set amount_yuan = amount_yuan + 1 where project_id = ${b}`))).toEqual([b]);
    expect(await changesOf(() => run(sql`insert into project_monthly_plans (project_id, year, month, cumulative_yuan) values (${b}, ${year}, 1, 100) on conflict (project_id, year, month) do update set cumulative_yuan = excluded.cumulative_yuan + 1`))).toEqual([b]);
    expect(await changesOf(() => run(sql`delete from campaign_projects where project_id = ${a}`))).toEqual([a]);
  });

  it('counts reports only when they count, before or after: a draft saved changes no figure', async () => {
    const [, , c] = ids as [string, string, string];
    const insert = sql`insert into progress_reports (project_id, period_kind, period_start, period_end, year, status, ytd_yuan, period_yuan, since_start_yuan)
      values (${c}, 'week', '2026-01-05', '2026-01-11', ${year}, 'draft', 1, 1, 1)`;
    const report = sql`project_id = ${c} and period_kind = 'week' and period_start = '2026-01-05'`;
    expect(await changesOf(() => run(sql`delete from progress_reports where ${report}`))).toEqual(expect.any(Array));
    expect(await changesOf(() => run(insert))).toEqual([]);
    expect(await changesOf(() => run(sql`update progress_reports set ytd_yuan = 2 where ${report}`))).toEqual([]);
    expect(await changesOf(() => run(sql`update progress_reports set status = 'submitted' where ${report}`))).toEqual([c]);
    expect(await changesOf(() => run(sql`update progress_reports set status = 'returned' where ${report}`))).toEqual([c]);
    expect(await changesOf(() => run(sql`delete from progress_reports where ${report}`))).toEqual([]);
  });

  it('says anything may have changed after a bulk statement, a truncate, a name or a campaign', async () => {
    const [a] = ids as [string];
    expect(await changesOf(() => run(sql`insert into project_milestones (project_id, kind, planned_date) select ${a}, 'bulk_' || n, '2026-03-01' from generate_series(1, 1001) n`))).toBe('all');
    expect(await changesOf(() => run(sql`delete from project_milestones where kind like 'bulk_%'`))).toBe('all');
    expect(await changesOf(() => run(sql`update organisations set name = name where id = (select owner_org_id from projects where id = ${a})`))).toBe('all');
    expect(await changesOf(() => run(sql`update campaigns set name = name`))).toBe('all');
    expect(await changesOf(() => run(sql`truncate board_adjustments, project_monthly_plans`))).toBe('all');
  });

  // Another connection is needed to look while the transaction is open: PGlite has one.
  it.runIf(process.env.DATABASE_URL)('sees a change only once its transaction commits', async () => {
    const [, b] = ids as [string, string];
    const since = await snapshot();
    let during: Awaited<ReturnType<typeof changedSince>> | undefined;
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update projects set track = track where id = ${b}`);
      during = await changedSince(t.database.db, since);
    });
    expect(during).toEqual({ all: false, projectIds: [] });
    expect(await changedSince(t.database.db, since)).toEqual({ all: false, projectIds: [b] });
  });

  it('answers for no snapshot older than its horizon once pruned, and the daily job prunes', async () => {
    const db = t.database.db;
    // On a shared server, transactions of other databases hold the horizon back too: only PGlite
    // can promise what a prune deletes.
    const alone = !process.env.DATABASE_URL;
    const since = await snapshot();
    await run(sql`update projects set track = track where id = ${ids[0]}`);
    const deleted = await pruneChanges(db);
    const [horizon] = await queryRows<{ below: string; xmin: string }>(db, sql`select below::text as below, pg_snapshot_xmin(${since}::pg_snapshot)::text as xmin from project_changes_horizon`);
    const past = BigInt(horizon!.below) > BigInt(horizon!.xmin);
    if (alone) expect([deleted > 0, past]).toEqual([true, true]);
    expect(await changedSince(db, since)).toEqual(past ? { all: true } : { all: false, projectIds: [ids[0]] });
    const after = await snapshot();
    expect(await changedSince(db, after)).toEqual({ all: false, projectIds: [] });
    await run(sql`update projects set track = track where id = ${ids[0]}`);
    const clock = fakeClock('2026-11-15T09:00'); // a Sunday: pruned every day
    const jobs = await runDueJobs({ db, now: clock.now, instance: 'test', dailyAt: '08:30' });
    expect(jobs.housekeeping).toMatchObject([{ runKey: 'prune-changes:2026-11-15', ran: true }]);
    if (alone) expect(await queryRows(db, sql`select * from project_changes`)).toEqual([]);
  });
});
