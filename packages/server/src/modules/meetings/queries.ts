/** Reads, within the user's scope: the meeting list and one meeting with its agenda, decisions, attendees and tour visits. */
import type { MeetingDetail, MeetingKind } from '@pacer/domain';
import { and, asc, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Exec } from '../../db/exec.ts';
import { meetingAgendaItems, meetingAttendeeOrgs, meetingDecisions, meetings, meetingScores, meetingVisits, organisations, people, problems, projects, regions } from '../../db/schema.ts';
import type { UserContext } from '../auth/sessions.ts';
import { meetingReadScope, visibleMeeting } from './scope.ts';
import { projectScores } from './tours.ts';

export async function listMeetings(db: Exec, user: UserContext, q: { kind?: MeetingKind; year?: number }) {
  const where: (SQL | undefined)[] = [meetingReadScope(user), q.kind ? eq(meetings.kind, q.kind) : undefined];
  if (q.year) where.push(gte(meetings.heldOn, `${q.year}-01-01`), lte(meetings.heldOn, `${q.year}-12-31`));
  const rows = await db
    .select({ m: meetings, chairName: people.name })
    .from(meetings)
    .leftJoin(people, eq(people.id, meetings.chairPersonId))
    .where(and(...where))
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
    .limit(500);
  const agenda = await db.select({ id: meetingAgendaItems.meetingId, n: count() }).from(meetingAgendaItems).groupBy(meetingAgendaItems.meetingId);
  const decisions = await db.select({ id: meetingDecisions.meetingId, n: count() }).from(meetingDecisions).groupBy(meetingDecisions.meetingId);
  const countOf = (list: { id: string; n: number }[], id: string) => Number(list.find((x) => x.id === id)?.n ?? 0);
  return rows.map(({ m, chairName }) => summary(m, chairName, countOf(agenda, m.id), countOf(decisions, m.id)));
}

function summary(m: typeof meetings.$inferSelect, chairName: string | null, agendaItems: number, decisions: number) {
  return {
    id: m.id,
    kind: m.kind as MeetingKind,
    title: m.title,
    heldOn: m.heldOn,
    location: m.location,
    chair: m.chairPersonId && chairName ? { id: m.chairPersonId, name: chairName } : null,
    status: m.status as MeetingDetail['status'],
    agendaItems,
    decisions,
    version: m.version,
  };
}

export async function getMeeting(db: Exec, user: UserContext, id: string): Promise<MeetingDetail> {
  const row = await visibleMeeting(db, user, id);
  const agenda = await db
    .select({ a: meetingAgendaItems, projectName: projects.name })
    .from(meetingAgendaItems)
    .leftJoin(projects, eq(projects.id, meetingAgendaItems.projectId))
    .where(eq(meetingAgendaItems.meetingId, id))
    .orderBy(asc(meetingAgendaItems.sort));
  const decisions = await db
    .select({ d: meetingDecisions, number: problems.number, kind: problems.kind, state: problems.state, deadline: problems.deadline, lead: organisations.name })
    .from(meetingDecisions)
    .innerJoin(problems, eq(problems.id, meetingDecisions.problemId))
    .leftJoin(organisations, eq(organisations.id, problems.leadOrgId))
    .where(eq(meetingDecisions.meetingId, id))
    .orderBy(asc(meetingDecisions.sort));
  const visits = await db
    .select({ v: meetingVisits, projectName: projects.name, regionName: regions.name })
    .from(meetingVisits)
    .innerJoin(projects, eq(projects.id, meetingVisits.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(eq(meetingVisits.meetingId, id))
    .orderBy(asc(meetingVisits.sort));
  const scores = await projectScores(db, [id]);
  const attendeeUnits = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(meetingAttendeeOrgs)
    .innerJoin(organisations, eq(organisations.id, meetingAttendeeOrgs.orgId))
    .where(eq(meetingAttendeeOrgs.meetingId, id))
    .orderBy(asc(organisations.name));
  return {
    ...summary(row.m, row.chairName, agenda.length, decisions.length),
    attendees: row.m.attendees,
    attendeeUnits,
    minutes: row.m.minutes,
    gapThreshold: row.m.gapThreshold,
    agenda: agenda.map(({ a, projectName }) => ({ id: a.id, section: a.section as never, projectId: a.projectId, problemId: a.problemId, title: a.title, note: a.note, projectName })),
    decisionList: decisions.map(({ d, ...p }) => ({ id: d.id, text: d.text, problemId: d.problemId, problemNumber: p.number, kind: p.kind as never, state: p.state as never, lead: p.lead, deadline: p.deadline })),
    visits: visits.map(({ v, projectName, regionName }) => {
      const ranked = scores.find((s) => s.key === v.projectId);
      return { projectId: v.projectId, projectName, regionName, note: v.note, scores: ranked?.scores ?? 0, average: ranked?.average ?? null };
    }),
    scoreSheets: await scoreSheets(db, user, id),
  };
}

/** The office keeps every observer's score sheet; an observer sees what it entered. */
async function scoreSheets(db: Exec, user: UserContext, id: string) {
  const rows = await db
    .select()
    .from(meetingScores)
    .where(and(eq(meetingScores.meetingId, id), user.role === 'office' ? undefined : eq(meetingScores.enteredBy, user.id)))
    .orderBy(asc(meetingScores.observer));
  return rows.map((s) => ({ projectId: s.projectId, observer: s.observer, score: s.score, comment: s.comment, mine: s.enteredBy === user.id && s.observer === user.displayName }));
}
