/**
 * Daily escalation (升级调度) through the three dispatch levels, and chasing unsigned
 * assignments (催签). System steps are kept in the problem's history with no user; they do
 * not change the version, so a handler's step read before them still goes through.
 */
import { escalationDue, HANDLER_STATES, signOverdue, type EscalationRules, type HolidayCalendar, type ProblemState } from '@pacer/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Exec } from '../db/exec.ts';
import { problemEvents, problems } from '../db/schema.ts';
import { usersOfOrgs } from '../modules/notifications/recipients.ts';
import { notify } from '../modules/notifications/service.ts';
import { noticeForEscalation } from '../modules/problems/notices.ts';

export async function escalateProblems(tx: Exec, today: string, now: Date, calendar: HolidayCalendar, rules: EscalationRules) {
  const open = await tx
    .select()
    .from(problems)
    .where(inArray(problems.state, [...HANDLER_STATES]))
    .orderBy(asc(problems.number))
    .for('update');
  let escalated = 0;
  let chased = 0;
  for (const p of open) {
    const state = p.state as ProblemState;
    if (p.assignedOn && signOverdue(state, p.assignedOn, today, rules, calendar)) {
      const lead = await usersOfOrgs(tx, p.leadOrgId ? [p.leadOrgId] : []);
      await notify(tx, lead, { kind: 'chase', title: `请签收：${p.title}`, body: `该问题于${p.assignedOn}交办，至今未签收。`, entity: 'problem', entityId: p.id, dedupeKey: `chase:${p.id}:${today}` }, now);
      await tx.insert(problemEvents).values({ problemId: p.id, action: 'chase', fromState: state, toState: state, level: p.level, note: `交办后超过 ${rules.signWithinWorkingDays} 个工作日未签收`, at: now, on: today });
      chased++;
    }
    const due = escalationDue({ state, level: p.level as 1 | 2 | 3, deadline: p.deadline, lastActivity: p.lastActivityOn }, today, rules, calendar);
    if (!due.escalate) continue;
    const level = p.level + 1;
    await tx.update(problems).set({ level, lastActivityOn: today, updatedAt: now }).where(eq(problems.id, p.id));
    await tx.insert(problemEvents).values({ problemId: p.id, action: 'escalate', fromState: state, toState: state, level, note: due.reason ?? '', data: { from: p.level, to: level }, at: now, on: today });
    await noticeForEscalation(tx, p, level, due.reason ?? '', rules, now);
    escalated++;
  }
  return { checked: open.length, escalated, chased };
}
