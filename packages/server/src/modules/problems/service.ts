/**
 * The problem workflow: raise, then the steps of the state machine in the domain. Each step is
 * one transaction that locks the problem, checks the version the caller read, checks the
 * caller's part in it (office, lead, co-handler, raiser), keeps an event and tells the next party.
 */
import { addWorkingDays, PROBLEM_STATE_LABELS, TRANSITIONS, type ProblemState, type EscalationRules, type HolidayCalendar, type ProblemAction, type ProblemKind, type ProblemSource, type problemInput, type StepBody } from '@pacer/domain';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Exec } from '../../db/exec.ts';
import { organisations, problemEvents, problemHandlers, problemPhotos, problems, progressReports } from '../../db/schema.ts';
import { conflict, fieldError, forbidden, notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { projectInScope } from '../reports/service.ts';
import { lapsePendingExtension } from './extensions.ts';
import { noticeForRaise, noticeForStep } from './notices.ts';
import { handlerUnits } from './queries.ts';
import { actorsOf, problemReadScope } from './scope.ts';

export interface ActContext {
  now: Date;
  /** Business date in Beijing. */
  today: string;
  calendar: HolidayCalendar;
  rules: EscalationRules;
}

type RaiseData = z.output<typeof problemInput>;

/** Units that can be assigned a problem: departments, local governments, HQs, service teams. */
const HANDLER_KINDS = ['department', 'government', 'hq', 'service_team'];

const SOURCE_OF_ROLE: Partial<Record<UserContext['role'], ProblemSource>> = { owner: 'owner', coordinator: 'region', hq: 'hq', office: 'office' };

/** Records a new problem (待交办); returns its id. */
export async function raiseProblem(tx: Exec, user: UserContext, input: RaiseData, ac: ActContext, from: { meetingId?: string; kind?: ProblemKind } = {}): Promise<string> {
  let projectId = input.projectId;
  if (input.reportId) {
    const [report] = await tx.select({ projectId: progressReports.projectId }).from(progressReports).where(eq(progressReports.id, input.reportId));
    if (!report || (projectId && report.projectId !== projectId)) throw fieldError(['reportId'], '报表不存在或不属于所选项目');
    projectId = report.projectId;
  }
  if (projectId) await projectInScope(tx, user, projectId, 'read');
  else if (user.role === 'owner' || user.role === 'coordinator') throw fieldError(['projectId'], '请选择问题所属的项目');
  if (input.serviceTeamOrgId) {
    if (user.role !== 'office' && user.role !== 'hq') throw forbidden('只有竞赛办或指挥部可以代服务专班提出问题');
    const [team] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, input.serviceTeamOrgId));
    if (team?.kind !== 'service_team') throw fieldError(['serviceTeamOrgId'], '所选单位不是调度服务专班');
  }
  const source: ProblemSource = from.meetingId ? 'meeting' : input.reportId ? 'report' : input.serviceTeamOrgId ? 'service_team' : (SOURCE_OF_ROLE[user.role] ?? 'office');
  const [row] = await tx
    .insert(problems)
    .values({
      kind: from.kind ?? 'problem',
      projectId,
      reportId: input.reportId,
      meetingId: from.meetingId ?? null,
      source,
      type: input.type,
      severity: input.severity,
      title: input.title,
      description: input.description,
      state: 'raised',
      raisedOn: ac.today,
      lastActivityOn: ac.today,
      raisedBy: user.id,
      raiserOrgId: user.orgId,
      raiserRegionCode: user.regionCode,
      raiserRole: user.role,
      serviceTeamOrgId: input.serviceTeamOrgId,
      createdAt: ac.now,
      updatedAt: ac.now,
    })
    .returning();
  await tx.insert(problemEvents).values({ problemId: row!.id, action: 'raise', toState: 'raised', level: 1, note: input.description, data: { source, meetingId: from.meetingId ?? null }, userId: user.id, orgId: user.orgId, at: ac.now, on: ac.today });
  if (!from.meetingId) await noticeForRaise(tx, row!, ac.now);
  return row!.id;
}

/** Runs one step in its own transaction. */
export async function act(db: Db, user: UserContext, id: string, action: ProblemAction, body: StepBody, ac: ActContext): Promise<void> {
  await db.transaction((tx) => step(tx, user, id, action, body, ac));
}

/** One step of the lifecycle inside the caller's transaction. */
export async function step(tx: Exec, user: UserContext, id: string, action: ProblemAction, body: StepBody, ac: ActContext): Promise<void> {
  const [p] = await tx.select().from(problems).where(and(eq(problems.id, id), problemReadScope(user))).for('update');
  if (!p) throw notFound('问题');
  const t = TRANSITIONS[action];
  if (!t.from.includes(p.state as never)) throw conflict(`问题当前为"${stateLabel(p.state)}"，不能${t.label}，请刷新后查看最新进展。`, { current: { state: p.state, version: p.version } });
  if (body.version !== p.version) throw conflict(`该问题已有新的办理进展（您读取的是第 ${body.version} 版，当前是第 ${p.version} 版），请刷新后再操作。`, { current: { state: p.state, version: p.version } });
  const actors = actorsOf(user, p, await handlerUnits(tx, id));
  if (!t.by.some((b) => actors.includes(b))) throw forbidden(`您不能对此问题执行"${t.label}"`);

  const change: Partial<typeof problems.$inferInsert> = { state: t.to, version: p.version + 1, lastActivityOn: ac.today, updatedAt: ac.now };
  let note = body.note?.trim() ?? '';
  let data: Record<string, unknown> = {};
  const needNote = (what: string) => {
    if (!note) throw fieldError(['note'], `请填写${what}`);
  };
  switch (action) {
    case 'assign': {
      const assigned = await assignment(tx, p, body, ac);
      Object.assign(change, { leadOrgId: assigned.lead.id, deadline: assigned.deadline, assignedOn: ac.today });
      data = { lead: assigned.lead, coHandlers: assigned.coHandlers, deadline: assigned.deadline };
      break;
    }
    case 'sign':
      change.signedOn = ac.today;
      break;
    case 'progress':
      needNote('办理进展');
      break;
    case 'reply':
      needNote('办理结果');
      break;
    case 'recheck': {
      // On time is judged by when the handlers answered, not by when the office got to it.
      const [reply] = await tx.select({ on: problemEvents.on }).from(problemEvents).where(and(eq(problemEvents.problemId, id), eq(problemEvents.action, 'reply'))).orderBy(desc(problemEvents.at), desc(problemEvents.seq)).limit(1);
      change.resolvedOn = reply?.on ?? ac.today;
      break;
    }
    case 'sendBack':
    case 'reopen':
      note = body.reason?.trim() ?? '';
      if (!note) throw fieldError(['reason'], '请填写退回原因');
      change.resolvedOn = null;
      break;
    case 'confirm':
      change.closedOn = ac.today;
      break;
    case 'solveOnSpot':
      needNote('立行立改的处理情况');
      Object.assign(change, { solvedOnSpot: true, resolvedOn: ac.today, closedOn: ac.today });
      break;
  }
  const photoIds = [...new Set(body.photoIds ?? [])];
  if (photoIds.length) {
    const free = await tx.select({ id: problemPhotos.id }).from(problemPhotos).where(and(eq(problemPhotos.problemId, id), inArray(problemPhotos.id, photoIds), isNull(problemPhotos.eventId)));
    if (free.length !== photoIds.length) throw fieldError(['photoIds'], '照片不属于此问题或已用于其他答复，请重新上传');
  }
  const [updated] = await tx.update(problems).set(change).where(eq(problems.id, id)).returning();
  const [event] = await tx
    .insert(problemEvents)
    .values({ problemId: id, action, fromState: p.state, toState: t.to, level: p.level, note, data, userId: user.id, orgId: user.orgId, at: ac.now, on: ac.today })
    .returning({ id: problemEvents.id });
  if (photoIds.length) await tx.update(problemPhotos).set({ eventId: event!.id }).where(and(eq(problemPhotos.problemId, id), inArray(problemPhotos.id, photoIds)));
  if (t.to === 'closed') await lapsePendingExtension(tx, id, ac.now);
  await noticeForStep(tx, updated!, action, updated!.version, ac.now, { deadline: updated!.deadline, leadName: (data.lead as { name?: string } | undefined)?.name });
}

/** Checks the lead and co-handling units, stores them, and settles the deadline in working days. */
async function assignment(tx: Exec, p: typeof problems.$inferSelect, body: StepBody, ac: ActContext) {
  if (!body.leadOrgId) throw fieldError(['leadOrgId'], '请选择牵头单位');
  const coIds = [...new Set(body.coHandlerOrgIds ?? [])].filter((o) => o !== body.leadOrgId);
  const ids = [body.leadOrgId, ...coIds];
  const orgs = await tx.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).where(inArray(organisations.id, ids));
  for (const [i, orgId] of ids.entries()) {
    const org = orgs.find((o) => o.id === orgId);
    if (!org || !HANDLER_KINDS.includes(org.kind)) throw fieldError(i === 0 ? ['leadOrgId'] : ['coHandlerOrgIds', i - 1], '只能交办给职能部门、县市区/园区、指挥部或服务专班');
  }
  const deadline = body.deadline ?? addWorkingDays(ac.today, ac.rules.deadlineWorkingDays[p.severity as 'normal'] ?? 10, ac.calendar);
  if (deadline < ac.today) throw fieldError(['deadline'], '办理期限不能早于今天');
  await tx.delete(problemHandlers).where(eq(problemHandlers.problemId, p.id));
  await tx.insert(problemHandlers).values(ids.map((orgId, i) => ({ problemId: p.id, orgId, role: i === 0 ? 'lead' : 'cohandler' })));
  const named = (id: string) => ({ id, name: orgs.find((o) => o.id === id)!.name });
  return { lead: named(body.leadOrgId), coHandlers: coIds.map(named), deadline };
}

const stateLabel = (s: string) => PROBLEM_STATE_LABELS[s as ProblemState] ?? s;
