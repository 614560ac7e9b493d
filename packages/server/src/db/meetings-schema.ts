/**
 * Who attends a meeting (参会单位): the units a meeting concerns beyond its agenda, so that a
 * department or region invited to a 调度会 can read it even with none of its projects on the agenda.
 */
import { index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { meetings } from './problems-schema.ts';
import { organisations } from './schema.ts';

export const meetingAttendeeOrgs = pgTable(
  'meeting_attendee_orgs',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.orgId] }), index('meeting_attendee_orgs_org_idx').on(t.orgId)],
);
