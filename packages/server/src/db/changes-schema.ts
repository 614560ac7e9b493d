/**
 * 变更记录: which projects each transaction changed, for answers an instance keeps and brings up
 * to date rather than computing again (the board's draft, modules/boards/kept.ts).
 *
 * Written by the database, not by the application: statement triggers (migration 0019) on every
 * table a project's board line is read from add one row per project a statement changed, with the
 * writing transaction's id, in the same transaction — saving, submitting, reviewing, importing,
 * editing by any instance or tool. A statement that changes more than 1,000 projects, a truncate,
 * or a change to what every line reads (regions, organisations, people, campaigns) adds one row
 * with no project: anything may have changed.
 *
 * Insert-only, so writers never wait for each other here. `changedSince()` reads the rows whose
 * transaction a kept answer's snapshot did not see; a daily job deletes old rows and raises
 * the horizon below which the log no longer answers.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, pgTable, uuid } from 'drizzle-orm/pg-core';

/** A 64-bit transaction id (PostgreSQL's xid8), as text: never wraps around, compared by btree. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

export const projectChanges = pgTable(
  'project_changes',
  {
    /** Null: anything may have changed. */
    projectId: uuid('project_id'),
    xid: xid8('xid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [index('project_changes_xid_idx').on(t.xid)],
);

/** One row: changes of transactions below `below` have been deleted from project_changes. */
export const projectChangesHorizon = pgTable(
  'project_changes_horizon',
  {
    one: boolean('one').primaryKey().default(true),
    below: xid8('below').notNull(),
  },
  (t) => [check('project_changes_horizon_one', sql`${t.one}`)],
);
