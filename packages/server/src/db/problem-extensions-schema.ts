/**
 * 申请延期: a lead unit's request for a later deadline and the office's decision. The
 * problem's own deadline moves only on approval; every request stays here and in the events.
 */
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { problems } from './problems-schema.ts';
import { organisations, users } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const problemExtensions = pgTable(
  'problem_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    previousDeadline: day('previous_deadline').notNull(),
    requestedDeadline: day('requested_deadline').notNull(),
    reason: text('reason').notNull(),
    /** pending → approved | refused, or lapsed when the problem closed before a decision. */
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedOrgId: uuid('requested_org_id').references(() => organisations.id),
    requestedAt: at('requested_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
    decisionNote: text('decision_note').notNull().default(''),
  },
  (t) => [
    index('problem_extensions_problem_idx').on(t.problemId),
    // At most one request waits per problem, even if two arrive at once.
    uniqueIndex('problem_extensions_one_pending_uq')
      .on(t.problemId)
      .where(sql`${t.status} = 'pending'`),
  ],
);
