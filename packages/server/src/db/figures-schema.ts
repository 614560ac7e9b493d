/**
 * 最新报表汇总 (a rollup): per project and year, the period end and 本年累计 of its three latest
 * counting reports (submitted or approved), in the order every figure picks "the latest report
 * as of a date" (period end, then last change, then period start, newest first).
 *
 * Figures as of a date take the first of the three that ended by then — for today's figures one
 * of them always has, as only this week's and this month's reports can end later — and ask the
 * reports themselves only when none did. A province's figures are then one join instead of one
 * index probe per project.
 *
 * Kept exact by the database, not by the application: statement triggers on progress_reports
 * (migration 0015) recompute the affected projects' rows in the same transaction as any change —
 * saving, submitting, reviewing, importing, rolling back, restoring — one project at a time
 * under an advisory lock, so concurrent writers cannot leave a stale row. `select
 * rebuild_latest_reports()` recomputes the whole table from the reports.
 */
import { bigint, date, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { projects } from './schema.ts';

const yuan = (name: string) => bigint(name, { mode: 'number' });
const day = (name: string) => date(name, { mode: 'string' });

export const latestReports = pgTable(
  'latest_reports',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** Null when the project has no counting report in the year (any more): the row stays as the writers' lock. */
    firstEnd: day('first_end'),
    firstYtdYuan: yuan('first_ytd_yuan'),
    secondEnd: day('second_end'),
    secondYtdYuan: yuan('second_ytd_yuan'),
    /** Null when the project has fewer than three counting reports in the year: then the three are all of them. */
    thirdEnd: day('third_end'),
    thirdYtdYuan: yuan('third_ytd_yuan'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] })],
);
