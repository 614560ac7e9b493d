/**
 * 调度会 workflow: a meeting is created with an agenda proposed from the data, edited by the
 * office (versioned: a stale edit is refused), minuted, and its decisions become problems or
 * tasks assigned at once to their lead units, tracked through the problem lifecycle.
 */
import { MEETING_KIND_LABELS, type decisionInput, type meetingInput, type meetingUpdate } from '@pacer/domain';
import { count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Exec } from '../../db/exec.ts';
import { auditLog, meetingAgendaItems, meetingAttendeeOrgs, meetingDecisions, meetings, organisations, people, problems, projects } from '../../db/schema.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { raiseProblem, step, type ActContext } from '../problems/service.ts';
import { proposedAgenda } from './agenda.ts';

type Meeting = typeof meetings.$inferSelect;

type NewMeeting = Omit<z.output<typeof meetingInput>, 'attendeeOrgIds'> & { attendeeOrgIds?: string[] };

export async function createMeeting(db: Db, user: UserContext, input: NewMeeting, now: Date): Promise<string> {
  await checkPerson(db, input.chairPersonId);
  const attendeeOrgIds = input.attendeeOrgIds ?? [];
  await checkUnits(db, attendeeOrgIds);
  const [, m, d] = input.heldOn.split('-').map(Number);
  const title = input.title ?? `${m}月${d}日${MEETING_KIND_LABELS[input.kind]}`;
  const agenda = input.proposeAgenda ? await proposedAgenda(db, input.kind, input.heldOn, input.chairPersonId, input.gapThreshold) : [];
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({ kind: input.kind, title, heldOn: input.heldOn, location: input.location, chairPersonId: input.chairPersonId, attendees: input.attendees, gapThreshold: input.gapThreshold, createdBy: user.id, createdAt: now, updatedAt: now })
      .returning();
    if (agenda.length) await tx.insert(meetingAgendaItems).values(agenda.map((a, i) => ({ ...a, meetingId: row!.id, sort: i + 1 })));
    await setAttendees(tx, row!.id, attendeeOrgIds);
    await audit(tx, user, 'create', row!.id, { title, agendaItems: agenda.length }, now);
    return row!.id;
  });
}

export async function updateMeeting(db: Db, user: UserContext, id: string, body: z.output<typeof meetingUpdate>, now: Date): Promise<void> {
  await checkPerson(db, body.chairPersonId);
  if (body.attendeeOrgIds) await checkUnits(db, body.attendeeOrgIds);
  const projectIds = body.agenda.map((a) => a.projectId).filter((p): p is string => !!p);
  if (projectIds.length && (await db.select({ id: projects.id }).from(projects).where(inArray(projects.id, projectIds))).length !== new Set(projectIds).size) {
    throw fieldError(['agenda'], '议程中有不存在的项目');
  }
  const problemIds = body.agenda.map((a) => a.problemId).filter((p): p is string => !!p);
  if (problemIds.length && (await db.select({ id: problems.id }).from(problems).where(inArray(problems.id, problemIds))).length !== new Set(problemIds).size) {
    throw fieldError(['agenda'], '议程中有不存在的问题');
  }
  await db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, id, body.version);
    const { agenda, attendeeOrgIds, version: _v, ...fields } = body;
    await tx
      .update(meetings)
      .set({ ...fields, version: meeting.version + 1, updatedAt: now })
      .where(eq(meetings.id, id));
    await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, id));
    if (agenda.length) await tx.insert(meetingAgendaItems).values(agenda.map((a, i) => ({ ...a, meetingId: id, sort: i + 1 })));
    if (attendeeOrgIds) await setAttendees(tx, id, attendeeOrgIds);
    await audit(tx, user, 'update', id, { version: meeting.version + 1, status: body.status, agendaItems: agenda.length }, now);
  });
}

/** Records a decision and assigns it as a problem or task raised by the meeting. */
export async function addDecision(db: Db, user: UserContext, meetingId: string, input: z.output<typeof decisionInput>, ac: ActContext): Promise<string> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
    if (!meeting) throw notFound('会议');
    const title = input.text.split('\n')[0]!.slice(0, 100);
    const problemId = await raiseProblem(
      tx,
      user,
      { projectId: input.projectId, reportId: null, type: input.type, severity: input.severity, title: title.length >= 2 ? title : input.text.slice(0, 100), description: input.text, serviceTeamOrgId: null },
      ac,
      { meetingId, kind: input.kind },
    );
    await step(tx, user, problemId, 'assign', { version: 1, leadOrgId: input.leadOrgId, coHandlerOrgIds: input.coHandlerOrgIds, deadline: input.deadline, note: `${meeting.title}议定` }, ac);
    const [{ n }] = (await tx.select({ n: count() }).from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId))) as [{ n: number }];
    const [row] = await tx.insert(meetingDecisions).values({ meetingId, sort: Number(n) + 1, text: input.text, problemId, createdBy: user.id, createdAt: ac.now }).returning({ id: meetingDecisions.id });
    await tx.update(meetings).set({ version: meeting.version + 1, updatedAt: ac.now }).where(eq(meetings.id, meetingId));
    await audit(tx, user, 'decide', meetingId, { decisionId: row!.id, problemId }, ac.now);
    return row!.id;
  });
}

/** The meeting, locked, if the caller read its current version; 409 otherwise. */
export async function lockMeeting(tx: Exec, id: string, version: number): Promise<Meeting> {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
  if (!meeting) throw notFound('会议');
  if (meeting.version !== version) throw conflict(`会议已被修改（您读取的是第 ${version} 版，当前是第 ${meeting.version} 版），请刷新后再编辑。`, { current: { version: meeting.version } });
  return meeting;
}

async function setAttendees(tx: Exec, meetingId: string, orgIds: readonly string[]) {
  await tx.delete(meetingAttendeeOrgs).where(eq(meetingAttendeeOrgs.meetingId, meetingId));
  if (orgIds.length) await tx.insert(meetingAttendeeOrgs).values(orgIds.map((orgId) => ({ meetingId, orgId })));
}

async function checkUnits(db: Exec, orgIds: readonly string[]) {
  if (!orgIds.length) return;
  const found = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, [...orgIds]));
  if (found.length !== orgIds.length) throw fieldError(['attendeeOrgIds'], '参会单位中有不存在的单位');
}

async function checkPerson(db: Exec, personId: string | null) {
  if (!personId) return;
  const [p] = await db.select({ id: people.id }).from(people).where(eq(people.id, personId));
  if (!p) throw fieldError(['chairPersonId'], '主持领导不存在');
}

export async function audit(tx: Exec, user: UserContext, action: string, meetingId: string, data: Record<string, unknown>, now: Date) {
  await tx.insert(auditLog).values({ at: now, userId: user.id, action, entity: 'meeting', entityId: meetingId, data });
}
