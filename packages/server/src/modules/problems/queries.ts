/** Reads: the problem list with its queues and filters, one problem in full, queue counts. */
import { allowedActions, extensionActions, HANDLER_STATES, periodOf, type HolidayCalendar, type ProblemListQuery } from '@pacer/domain';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Exec } from '../../db/exec.ts';
import { organisations, problemEvents, problemHandlers, problemPhotos, problems, projects, users } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { regionAndBelow } from '../projects/scope.ts';
import { coHandlersOf, countProblems, presentSummary, selectProblems } from './present.ts';
import { actorsOf, problemReadScope, waitingFor, type HandlerUnit } from './scope.ts';
import { presentPhoto } from './photo-present.ts';
import { ACTION_LABELS } from './labels.ts';
import { pendingExtension } from './extensions.ts';

export interface ReadContext {
  today: string;
  calendar: HolidayCalendar;
  /** Whether the user stands for a principal leader (三级调度 queue). */
  principal: boolean;
}

const handlerStates = sql.join(
  HANDLER_STATES.map((s) => sql`${s}`),
  sql`, `,
);

export function overdueCondition(today: string): SQL {
  return sql`(${problems.state} in (${handlerStates}) and ${problems.deadline} < ${today})`;
}

export function dueThisWeekCondition(today: string): SQL {
  return sql`(${problems.state} in (${handlerStates}) and ${problems.deadline} between ${today} and ${periodOf('week', today).end})`;
}

function filters(user: UserContext, q: ProblemListQuery, rc: ReadContext): SQL | undefined {
  const area = q.region ? regionAndBelow([q.region]) : null;
  return and(
    problemReadScope(user),
    q.queue === 'mine' ? waitingFor(user, rc.principal) : undefined,
    q.queue === 'overdue' ? overdueCondition(rc.today) : undefined,
    q.queue === 'dueThisWeek' ? dueThisWeekCondition(rc.today) : undefined,
    q.state.length ? inArray(problems.state, q.state) : undefined,
    q.type.length ? inArray(problems.type, q.type) : undefined,
    q.severity.length ? inArray(problems.severity, q.severity) : undefined,
    q.kind.length ? inArray(problems.kind, q.kind) : undefined,
    q.level.length ? inArray(problems.level, q.level.map(Number)) : undefined,
    q.projectId ? eq(problems.projectId, q.projectId) : undefined,
    q.reportId ? eq(problems.reportId, q.reportId) : undefined,
    q.meetingId ? eq(problems.meetingId, q.meetingId) : undefined,
    q.orgId ? sql`exists (select 1 from problem_handlers h where h.problem_id = ${problems.id} and h.org_id = ${q.orgId})` : undefined,
    area ? sql`(${projects.regionCode} in ${area} or ${projects.parkCode} in ${area})` : undefined,
    q.hq ? eq(projects.hqOrgId, q.hq) : undefined,
    q.q ? sql`(${problems.title} ilike ${`%${q.q}%`} or ${problems.description} ilike ${`%${q.q}%`} or ${problems.number}::text = ${q.q})` : undefined,
  );
}

export async function listProblems(db: Exec, user: UserContext, q: ProblemListQuery, rc: ReadContext) {
  const where = filters(user, q, rc);
  const rows = await selectProblems(db)
    .where(where)
    // Open before closed; the most pressing deadline first; then the newest.
    .orderBy(sql`(${problems.state} = 'closed')`, sql`${problems.deadline} asc nulls last`, desc(problems.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(countProblems(db).where(where).as('c'));
  const handlers = await coHandlersOf(db, rows.map((r) => r.p.id));
  return { items: rows.map((r) => presentSummary(r, handlers.get(r.p.id) ?? [], rc.today, rc.calendar)), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** Counts for the queue tabs and the three dispatch levels, within the user's scope. */
export async function queueCounts(db: Exec, user: UserContext, rc: ReadContext) {
  const scope = problemReadScope(user);
  const n = async (cond: SQL | undefined) => Number((await db.select({ n: count() }).from(problems).where(and(scope, cond)))[0]?.n ?? 0);
  const open = sql`${problems.state} <> 'closed'`;
  return {
    mine: await n(waitingFor(user, rc.principal)),
    overdue: await n(overdueCondition(rc.today)),
    dueThisWeek: await n(dueThisWeekCondition(rc.today)),
    open: await n(open),
    byLevel: { 1: await n(and(open, eq(problems.level, 1))), 2: await n(and(open, eq(problems.level, 2))), 3: await n(and(open, eq(problems.level, 3))) },
  };
}

export async function handlerUnits(db: Exec, problemId: string): Promise<HandlerUnit[]> {
  return db
    .select({ orgId: problemHandlers.orgId, role: problemHandlers.role, kind: organisations.kind, regionCode: organisations.regionCode })
    .from(problemHandlers)
    .innerJoin(organisations, eq(organisations.id, problemHandlers.orgId))
    .where(eq(problemHandlers.problemId, problemId));
}

/** One problem in full, or 404 when it does not exist or lies outside the user's scope. */
export async function getProblem(db: Exec, user: UserContext, id: string, rc: ReadContext) {
  const [row] = await selectProblems(db).where(and(eq(problems.id, id), problemReadScope(user)));
  if (!row) throw notFound('问题');
  const p = row.p;
  const handlers = await handlerUnits(db, id);
  const names = await coHandlersOf(db, [id]);
  const events = await db
    .select({ e: problemEvents, userName: users.displayName, orgName: organisations.name })
    .from(problemEvents)
    .leftJoin(users, eq(users.id, problemEvents.userId))
    .leftJoin(organisations, eq(organisations.id, problemEvents.orgId))
    .where(eq(problemEvents.problemId, id))
    .orderBy(asc(problemEvents.at), asc(problemEvents.seq));
  const photos = await db
    .select({ id: problemPhotos.id, eventId: problemPhotos.eventId, contentType: problemPhotos.contentType, width: problemPhotos.width, height: problemPhotos.height, takenAt: problemPhotos.takenAt, latitude: problemPhotos.latitude, longitude: problemPhotos.longitude, caption: problemPhotos.caption, uploadedAt: problemPhotos.uploadedAt })
    .from(problemPhotos)
    .where(eq(problemPhotos.problemId, id))
    .orderBy(asc(problemPhotos.uploadedAt));
  const [team] = p.serviceTeamOrgId ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, p.serviceTeamOrgId)) : [];
  const actors = actorsOf(user, p, handlers);
  const pending = await pendingExtension(db, id);
  return {
    ...presentSummary(row, names.get(id) ?? [], rc.today, rc.calendar),
    description: p.description,
    reportId: p.reportId,
    meetingId: p.meetingId,
    serviceTeam: team ?? null,
    assignedOn: p.assignedOn,
    signedOn: p.signedOn,
    closedOn: p.closedOn,
    solvedOnSpot: p.solvedOnSpot,
    events: events.map(({ e, userName, orgName }) => ({
      id: e.id,
      action: e.action,
      label: ACTION_LABELS[e.action] ?? e.action,
      fromState: e.fromState,
      toState: e.toState,
      level: e.level,
      note: e.note,
      userName: userName ?? (e.userId ? null : '系统'),
      orgName,
      at: e.at.toISOString(),
      on: e.on,
      data: e.data as Record<string, unknown>,
      photoIds: photos.filter((ph) => ph.eventId === e.id).map((ph) => ph.id),
    })),
    photos: photos.map(presentPhoto),
    allowedActions: allowedActions(p.state as never, actors),
    pendingExtension: pending,
    extensionActions: extensionActions(p.state as never, actors, pending !== null),
  };
}
