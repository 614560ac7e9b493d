/**
 * Daily reminders (到期提醒): problems due soon and overdue go to their handlers; projects
 * whose report for the period is not in go to their owners while the deadline is near.
 * Every notice has a dedupe key, so running again the same day repeats nothing.
 */
import { addWorkingDays, deadlineOf, HANDLER_STATES, isDueSoon, isOverdue, periodLabel, periodOf, type EscalationRules, type HolidayCalendar, type ProblemState } from '@pacer/domain';
import { and, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Exec } from '../db/exec.ts';
import { campaigns, problems, progressReports, projects } from '../db/schema.ts';
import { SYSTEM_USER } from '../modules/auth/system-user.ts';
import { campaignOfYear } from '../modules/campaigns/queries.ts';
import { officeUsers, usersOfOrgs } from '../modules/notifications/recipients.ts';
import { notify } from '../modules/notifications/service.ts';
import { handlerUsers } from '../modules/problems/notices.ts';
import { periodReports } from '../modules/reports/queries.ts';

export async function remindProblems(tx: Exec, today: string, now: Date, calendar: HolidayCalendar, rules: EscalationRules) {
  const open = await tx
    .select()
    .from(problems)
    .where(and(inArray(problems.state, [...HANDLER_STATES]), isNotNull(problems.deadline)));
  let dueSoon = 0;
  let overdue = 0;
  for (const p of open) {
    const fact = { state: p.state as ProblemState, deadline: p.deadline };
    const base = { entity: 'problem', entityId: p.id };
    if (isOverdue(fact, today)) {
      const to = [...(await handlerUsers(tx, p.id)), ...(await officeUsers(tx))];
      overdue += await notify(tx, to, { ...base, kind: 'overdue', title: `已逾期：${p.title}`, body: `办理期限${p.deadline}已过，请尽快办结并答复。`, dedupeKey: `overdue:${p.id}:${p.deadline}` }, now);
    } else if (isDueSoon(fact, today, rules.dueSoonWorkingDays, calendar)) {
      dueSoon += await notify(tx, await handlerUsers(tx, p.id), { ...base, kind: 'due_soon', title: `即将到期：${p.title}`, body: `办理期限${p.deadline}，请按期办结。`, dedupeKey: `due-soon:${p.id}:${p.deadline}` }, now);
    }
  }
  return { dueSoon, overdue };
}

/** Owners whose report is not in, when the period's deadline is today or the next working day. */
export async function remindMissingReports(tx: Exec, today: string, now: Date, calendar: HolidayCalendar) {
  const campaign = await campaignOfYear(tx as Db, Number(today.slice(0, 4)));
  const kinds = campaign.id ? ((await campaignCadence(tx, campaign.id)) ?? ['week']) : ['week'];
  let sent = 0;
  for (const kind of kinds as ('week' | 'month')[]) {
    const period = periodOf(kind, today);
    const deadline = deadlineOf(period, campaign.deadlines).slice(0, 10);
    if (deadline < today || deadline > addWorkingDays(today, 1, calendar)) continue;
    const { rows } = await periodReports(tx as Db, SYSTEM_USER, kind, today, now);
    const missing = rows.filter((r) => r.state === 'missing' || r.state === 'draft' || r.state === 'returned');
    if (!missing.length) continue;
    const owners = await tx.select({ id: projects.id, ownerOrgId: projects.ownerOrgId }).from(projects).where(inArray(projects.id, missing.map((m) => m.projectId)));
    for (const m of missing) {
      const owner = owners.find((o) => o.id === m.projectId)!;
      sent += await notify(
        tx,
        await usersOfOrgs(tx, [owner.ownerOrgId]),
        { kind: 'report_missing', title: `请按时填报：${m.projectName}`, body: `${periodLabel(period)}进度报表将于${deadlineOf(period, campaign.deadlines).replace('T', ' ')}截止，目前尚未提交。`, entity: 'project', entityId: m.projectId, dedupeKey: `report-missing:${m.projectId}:${kind}:${period.start}` },
        now,
      );
    }
  }
  return { sent };
}

async function campaignCadence(tx: Exec, campaignId: string): Promise<string[] | null> {
  const [c] = await tx.select({ cadence: campaigns.cadence }).from(campaigns).where(eq(campaigns.id, campaignId));
  return c?.cadence ?? null;
}

/** Reports returned in the last week: their owners hear of it at the next tick. */
export async function remindReturnedReports(tx: Exec, now: Date) {
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const returned = await tx
    .select({ id: progressReports.id, version: progressReports.version, reason: progressReports.returnReason, periodKind: progressReports.periodKind, periodStart: progressReports.periodStart, name: projects.name, ownerOrgId: projects.ownerOrgId })
    .from(progressReports)
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .where(and(eq(progressReports.status, 'returned'), gte(progressReports.updatedAt, since)));
  let sent = 0;
  for (const r of returned) {
    const period = periodLabel(periodOf(r.periodKind as 'week' | 'month', r.periodStart));
    sent += await notify(tx, await usersOfOrgs(tx, [r.ownerOrgId]), { kind: 'report_returned', title: `报表被退回：${r.name}`, body: `${period}：${r.reason ?? ''}`, entity: 'report', entityId: r.id, dedupeKey: `report-returned:${r.id}:${r.version}` }, now);
  }
  return { sent };
}
