/**
 * 申请延期: the lead unit asks for a later deadline with a reason; the office approves (the
 * deadline moves) or refuses with a reason. Each is one transaction on the locked problem with
 * the version the caller read, kept in problem_events like every other step.
 */
import { EXTENSION_LABELS, extensionActions, extensionRefusal, type ExtensionAction } from '@pacer/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Exec } from '../../db/exec.ts';
import { organisations, problemEvents, problemExtensions, problems, users } from '../../db/schema.ts';
import { conflict, fieldError, forbidden, notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { officeUsers } from '../notifications/recipients.ts';
import { notify } from '../notifications/service.ts';
import { handlerUsers } from './notices.ts';
import { handlerUnits } from './queries.ts';
import { actorsOf, problemReadScope } from './scope.ts';
import type { ActContext } from './service.ts';

export interface ExtensionBody {
  version: number;
  deadline?: string;
  reason?: string;
  note?: string;
}

const pendingOf = (problemId: string) => and(eq(problemExtensions.problemId, problemId), eq(problemExtensions.status, 'pending'));

/** The request waiting for the office, with who asked, or null. */
export async function pendingExtension(db: Exec, problemId: string) {
  const [row] = await db
    .select({ e: problemExtensions, requestedBy: users.displayName, requestedOrgName: organisations.name })
    .from(problemExtensions)
    .leftJoin(users, eq(users.id, problemExtensions.requestedBy))
    .leftJoin(organisations, eq(organisations.id, problemExtensions.requestedOrgId))
    .where(pendingOf(problemId));
  if (!row) return null;
  const { e } = row;
  return { id: e.id, previousDeadline: e.previousDeadline, requestedDeadline: e.requestedDeadline, reason: e.reason, requestedBy: row.requestedBy, requestedOrgName: row.requestedOrgName, requestedAt: e.requestedAt.toISOString() };
}

/** Runs one extension step in its own transaction. */
export async function actOnExtension(db: Db, user: UserContext, id: string, action: ExtensionAction, body: ExtensionBody, ac: ActContext): Promise<void> {
  await db.transaction((tx) => extensionStep(tx, user, id, action, body, ac));
}

async function extensionStep(tx: Exec, user: UserContext, id: string, action: ExtensionAction, body: ExtensionBody, ac: ActContext): Promise<void> {
  const [p] = await tx.select().from(problems).where(and(eq(problems.id, id), problemReadScope(user))).for('update');
  if (!p) throw notFound('问题');
  const [pending] = await tx.select().from(problemExtensions).where(pendingOf(id));
  const actors = actorsOf(user, p, await handlerUnits(tx, id));
  const label = EXTENSION_LABELS[action];
  if (!extensionActions(p.state as never, actors, !!pending).includes(action)) {
    // Someone else's part is refused outright; one's own part at the wrong moment is a conflict.
    const mine = action === 'requestExtension' ? actors.includes('lead') : actors.includes('office');
    if (!mine) throw forbidden(`您不能对此问题执行"${label}"`);
    const why = action === 'requestExtension' ? (pending ? '已有一份延期申请等待竞赛办审批' : '问题当前不在办理中') : '没有等待审批的延期申请';
    throw conflict(`${why}，不能${label}，请刷新后查看最新进展。`, { current: { state: p.state, version: p.version } });
  }
  if (body.version !== p.version) throw conflict(`该问题已有新的办理进展（您读取的是第 ${body.version} 版，当前是第 ${p.version} 版），请刷新后再操作。`, { current: { state: p.state, version: p.version } });

  const change: Partial<typeof problems.$inferInsert> = { version: p.version + 1, lastActivityOn: ac.today, updatedAt: ac.now };
  let note = '';
  let data: Record<string, unknown> = {};
  switch (action) {
    case 'requestExtension': {
      const requested = body.deadline ?? '';
      const refusal = extensionRefusal(p.deadline, requested, ac.today);
      if (refusal) throw fieldError(['deadline'], refusal);
      note = required(body.reason, 'reason', '延期理由');
      await tx.insert(problemExtensions).values({ problemId: id, previousDeadline: p.deadline!, requestedDeadline: requested, reason: note, requestedBy: user.id, requestedOrgId: user.orgId, requestedAt: ac.now });
      data = { from: p.deadline, to: requested };
      break;
    }
    case 'approveExtension':
      note = body.note?.trim() ?? '';
      change.deadline = pending!.requestedDeadline;
      data = { from: p.deadline, to: pending!.requestedDeadline, requestId: pending!.id };
      break;
    case 'refuseExtension':
      note = required(body.reason, 'reason', '不同意延期的理由');
      data = { from: p.deadline, to: pending!.requestedDeadline, requestId: pending!.id };
      break;
  }
  if (pending) {
    await tx
      .update(problemExtensions)
      .set({ status: action === 'approveExtension' ? 'approved' : 'refused', decidedBy: user.id, decidedAt: ac.now, decisionNote: note })
      .where(eq(problemExtensions.id, pending.id));
  }
  await tx.update(problems).set(change).where(eq(problems.id, id));
  await tx.insert(problemEvents).values({ problemId: id, action, fromState: p.state, toState: p.state, level: p.level, note, data, userId: user.id, orgId: user.orgId, at: ac.now, on: ac.today });
  await noticeForExtension(tx, p, action, p.version + 1, data, note, ac.now);
}

function required(value: string | undefined, field: string, what: string): string {
  const text = value?.trim() ?? '';
  if (!text) throw fieldError([field], `请填写${what}`);
  return text;
}

/** The office hears of a request; the handlers of the decision. */
async function noticeForExtension(tx: Exec, p: typeof problems.$inferSelect, action: ExtensionAction, version: number, data: Record<string, unknown>, note: string, now: Date) {
  const base = { kind: 'step' as const, entity: 'problem', entityId: p.id, dedupeKey: `${action}:${p.id}:${version}` };
  if (action === 'requestExtension') {
    return notify(tx, await officeUsers(tx), { ...base, title: `申请延期：${p.title}`, body: `牵头单位申请将办理期限由${String(data.from)}延至${String(data.to)}：${note}` }, now);
  }
  const body = action === 'approveExtension' ? `竞赛办同意延期，新的办理期限为${String(data.to)}。` : `竞赛办不同意延期，办理期限仍为${String(data.from)}：${note}`;
  return notify(tx, await handlerUsers(tx, p.id), { ...base, title: `${EXTENSION_LABELS[action]}：${p.title}`, body }, now);
}

/** A request still waiting when the problem closes has nothing left to decide. */
export async function lapsePendingExtension(tx: Exec, problemId: string, now: Date): Promise<void> {
  await tx.update(problemExtensions).set({ status: 'lapsed', decidedAt: now }).where(pendingOf(problemId));
}
