/**
 * In-app notifications (消息提醒). A notice lands once per user and dedupe key, so a job that
 * runs again, or two instances racing, never repeat it; each new notice is queued for the
 * outbound gateways (webhooks) that want it, in the same transaction.
 */
import type { NotificationKind } from '@pacer/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Exec } from '../../db/exec.ts';
import { notifications, organisations, users, webhookDeliveries, webhooks } from '../../db/schema.ts';

export interface Notice {
  kind: NotificationKind;
  title: string;
  body?: string;
  entity?: string;
  entityId?: string;
  /** Same key, same user: delivered once (e.g. 'overdue:<problem>:<deadline>'). */
  dedupeKey: string;
}

/** Notifies each user once; returns how many notices were new. */
export async function notify(db: Exec, userIds: readonly string[], notice: Notice, now: Date): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  const created = await db
    .insert(notifications)
    .values(ids.map((userId) => ({ userId, kind: notice.kind, title: notice.title, body: notice.body ?? '', entity: notice.entity ?? null, entityId: notice.entityId ?? null, dedupeKey: notice.dedupeKey, createdAt: now })))
    .onConflictDoNothing()
    .returning();
  if (created.length) await enqueueDeliveries(db, created, now);
  return created.length;
}

type NotificationRow = typeof notifications.$inferSelect;

/** The JSON a gateway receives; it maps the recipient to a phone or a 政务微信/钉钉 account. */
export function webhookPayload(n: NotificationRow, recipient: { id: string; username: string; displayName: string; orgId: string | null; orgName: string | null }) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    entity: n.entity,
    entityId: n.entityId,
    createdAt: n.createdAt.toISOString(),
    recipient: { userId: recipient.id, username: recipient.username, displayName: recipient.displayName, orgId: recipient.orgId, orgName: recipient.orgName },
  };
}

async function enqueueDeliveries(db: Exec, created: NotificationRow[], now: Date) {
  const hooks = await db.select().from(webhooks).where(eq(webhooks.enabled, true));
  if (!hooks.length) return;
  const people = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, orgId: users.orgId, orgName: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(inArray(users.id, [...new Set(created.map((c) => c.userId))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows: (typeof webhookDeliveries.$inferInsert)[] = [];
  for (const n of created) {
    const recipient = byId.get(n.userId);
    if (!recipient) continue;
    for (const h of hooks) {
      // The office's gateway (no unit) carries everything; a unit's carries its own people's.
      if (h.orgId !== null && h.orgId !== recipient.orgId) continue;
      if (h.kinds.length && !h.kinds.includes(n.kind)) continue;
      rows.push({ webhookId: h.id, notificationId: n.id, payload: webhookPayload(n, recipient), nextAttemptAt: now, createdAt: now });
    }
  }
  if (rows.length) await db.insert(webhookDeliveries).values(rows).onConflictDoNothing();
}
