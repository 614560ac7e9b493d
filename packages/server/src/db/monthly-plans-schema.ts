/**
 * 作战图: a project's own monthly plan for a year, one row per month with the cumulative
 * investment due by the month's end (integer 元). Milestones due in a month are not stored
 * here: they are the milestone plan's planned dates (project_milestones).
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects, users } from './schema.ts';

export const projectMonthlyPlans = pgTable(
  'project_monthly_plans',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    cumulativeYuan: bigint('cumulative_yuan', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.year, t.month] }),
    // The board reads one year's plans of every campaign project at once.
    index('monthly_plans_year_idx').on(t.year),
    check('monthly_plans_month_range', sql`${t.month} between 1 and 12`),
    check('monthly_plans_nonneg', sql`${t.cumulativeYuan} >= 0`),
  ],
);
