/** Who hears about a problem's step, and what they are told. */
import { DISPATCH_LEVEL_LABELS, TRANSITIONS, type EscalationRules, type ProblemAction } from '@pacer/domain';
import { eq } from 'drizzle-orm';
import type { Exec } from '../../db/exec.ts';
import { problemHandlers, problems, projects } from '../../db/schema.ts';
import { leaderUsers, officeUsers, usersOfOrgs } from '../notifications/recipients.ts';
import { notify } from '../notifications/service.ts';

type Problem = typeof problems.$inferSelect;

export async function handlerUsers(db: Exec, problemId: string): Promise<string[]> {
  const orgs = await db.select({ orgId: problemHandlers.orgId }).from(problemHandlers).where(eq(problemHandlers.problemId, problemId));
  return usersOfOrgs(db, orgs.map((o) => o.orgId));
}

/** The raiser and the unit (or the office) it spoke for: they confirm the closing. */
export async function raiserUsers(db: Exec, p: Problem): Promise<string[]> {
  const ids = p.raisedBy ? [p.raisedBy] : [];
  if (p.raiserOrgId) ids.push(...(await usersOfOrgs(db, [p.raiserOrgId])));
  if (p.raiserRole === 'office') ids.push(...(await officeUsers(db)));
  return ids;
}

/** Tells the next party what a step means for them. */
export async function noticeForStep(db: Exec, p: Problem, action: ProblemAction, version: number, now: Date, extra: { deadline?: string | null; leadName?: string } = {}) {
  const base = { entity: 'problem', entityId: p.id, dedupeKey: `${action}:${p.id}:${version}` };
  const title = (what: string) => `${what}：${p.title}`;
  switch (action) {
    case 'assign':
      return notify(db, await handlerUsers(db, p.id), { ...base, kind: 'assigned', title: title('新交办'), body: `牵头单位${extra.leadName ?? ''}，请于${extra.deadline}前办结，并先行签收。` }, now);
    case 'reply':
      return notify(db, await officeUsers(db), { ...base, kind: 'step', title: title('待复核'), body: '承办单位已答复办理结果，请复核。' }, now);
    case 'recheck':
      return notify(db, await raiserUsers(db, p), { ...base, kind: 'step', title: title('请确认销号'), body: '竞赛办已复核通过，请确认问题是否解决：已解决请确认销号，未解决请退回重办。' }, now);
    case 'sendBack':
    case 'reopen':
      return notify(db, [...(await handlerUsers(db, p.id)), ...(action === 'reopen' ? await officeUsers(db) : [])], { ...base, kind: 'step', title: title(TRANSITIONS[action].label), body: '问题未解决，请继续办理。' }, now);
    case 'confirm':
      return notify(db, [...(await handlerUsers(db, p.id)), ...(await officeUsers(db))], { ...base, kind: 'step', title: title('已销号'), body: '提出单位已确认问题解决。' }, now);
    case 'solveOnSpot':
      return notify(db, await raiserUsers(db, p), { ...base, kind: 'step', title: title('立行立改'), body: '问题已当场解决并销号。' }, now);
    default:
      return 0;
  }
}

export async function noticeForRaise(db: Exec, p: Problem, now: Date) {
  return notify(db, await officeUsers(db), { kind: 'step', title: `新问题待交办：${p.title}`, entity: 'problem', entityId: p.id, dedupeKey: `raise:${p.id}` }, now);
}

/** Moving up a level reaches the linked leader (二级) or the principal leaders (三级), and the office. */
export async function noticeForEscalation(db: Exec, p: Problem, level: number, reason: string, rules: EscalationRules, now: Date) {
  const [project] = p.projectId ? await db.select({ leader: projects.leaderPersonId }).from(projects).where(eq(projects.id, p.projectId)) : [];
  const leaders = level === 2 ? await leaderUsers(db, [project?.leader ?? null]) : await leaderUsers(db, rules.principalPersonIds);
  const to = [...leaders, ...(await officeUsers(db)), ...(await handlerUsers(db, p.id))];
  return notify(db, to, { kind: 'escalated', title: `升级至${DISPATCH_LEVEL_LABELS[level as 2 | 3]}：${p.title}`, body: reason, entity: 'problem', entityId: p.id, dedupeKey: `escalated:${p.id}:${level}` }, now);
}
