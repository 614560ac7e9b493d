/**
 * The daily digest (每日提醒): one notice per user with what waits for them, so a person who
 * does not open the platform every day still learns it (and, through a gateway, by SMS).
 */
import type { EscalationRules, HolidayCalendar, Role } from '@pacer/domain';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Exec } from '../db/exec.ts';
import { notifications, organisations, users } from '../db/schema.ts';
import { notify } from '../modules/notifications/service.ts';
import { queueCounts } from '../modules/problems/queries.ts';

export async function sendDigests(tx: Exec, today: string, now: Date, calendar: HolidayCalendar, rules: EscalationRules) {
  const people = await tx
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, orgId: users.orgId, orgName: organisations.name, regionCode: users.regionCode, personId: users.personId })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(isNull(users.disabledAt));
  let sent = 0;
  for (const u of people) {
    const user = { ...u, role: u.role as Role };
    const q = await queueCounts(tx, user, { today, calendar, principal: !!u.personId && rules.principalPersonIds.includes(u.personId) });
    const [unread] = await tx.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, u.id), isNull(notifications.readAt)));
    const waiting = { mine: q.mine, overdue: u.role === 'owner' ? 0 : q.overdue, dueThisWeek: u.role === 'owner' ? 0 : q.dueThisWeek, unread: Number(unread?.n ?? 0) };
    if (!waiting.mine && !waiting.overdue && !waiting.dueThisWeek && !waiting.unread) continue;
    const body = `待我处理 ${waiting.mine} 件，逾期 ${waiting.overdue} 件，本周到期 ${waiting.dueThisWeek} 件；未读消息 ${waiting.unread} 条。`;
    sent += await notify(tx, [u.id], { kind: 'digest', title: `每日提醒（${today}）`, body, dedupeKey: `digest:${today}` }, now);
  }
  return { users: people.length, sent };
}
