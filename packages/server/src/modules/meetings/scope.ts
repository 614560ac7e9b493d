/**
 * Who reads which meeting. The office and leaders read all (they run and chair them). Any other
 * unit reads a meeting that concerns it: its projects on the agenda or visited on a tour, a
 * problem it may see on the agenda or decided at the meeting (a department: those assigned to
 * it), a unit of its among those attending, or a tour it scored. Everything else is a 404, as
 * for problems: a unit does not learn that a meeting it was not part of exists.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Exec } from '../../db/exec.ts';
import { meetings, people } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { problemReadScope } from '../problems/scope.ts';
import { readScope } from '../projects/scope.ts';

function visibleProjects(user: UserContext): SQL {
  return sql`(select projects.id from projects where ${readScope(user) ?? sql`true`})`;
}

function visibleProblems(user: UserContext): SQL {
  return sql`(select problems.id from problems where ${problemReadScope(user) ?? sql`true`})`;
}

/** Units of the user's: its own, and for a region's coordinators its local government. */
function unitsOf(user: UserContext): SQL {
  const org = user.orgId ? sql`o.id = ${user.orgId}` : sql`false`;
  const region = user.role === 'coordinator' && user.regionCode ? sql`or (o.kind = 'government' and o.region_code = ${user.regionCode})` : sql``;
  return sql`(select o.id from organisations o where ${org} ${region})`;
}

/**
 * Meetings the user may read; undefined means all. One uncorrelated set of meeting ids: each
 * scope subquery runs once, not once per meeting or agenda line.
 */
export function meetingReadScope(user: UserContext): SQL | undefined {
  if (user.role === 'office' || user.role === 'leader') return undefined;
  const projectIds = visibleProjects(user);
  const problemIds = visibleProblems(user);
  return sql`${meetings.id} in (
    select a.meeting_id from meeting_agenda_items a where a.project_id in ${projectIds}
    union select a.meeting_id from meeting_agenda_items a where a.problem_id in ${problemIds}
    union select d.meeting_id from meeting_decisions d where d.problem_id in ${problemIds}
    union select v.meeting_id from meeting_visits v where v.project_id in ${projectIds}
    union select ao.meeting_id from meeting_attendee_orgs ao where ao.org_id in ${unitsOf(user)}
    union select s.meeting_id from meeting_scores s where s.entered_by = ${user.id}
  )`;
}

/** The meeting if the user may read it; 404 when it does not exist or lies outside the user's scope. */
export async function visibleMeeting(db: Exec, user: UserContext, id: string) {
  const [row] = await db.select({ m: meetings, chairName: people.name }).from(meetings).leftJoin(people, eq(people.id, meetings.chairPersonId)).where(and(eq(meetings.id, id), meetingReadScope(user)));
  if (!row) throw notFound('会议');
  return row;
}
