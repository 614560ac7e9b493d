/** The signed-in user's notifications: list, unread count, mark read. */
import { apiError, NOTIFICATION_KINDS } from '@pacer/domain';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { notifications } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';

const errors = { 400: apiError, 401: apiError, 404: apiError };
const notificationDto = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export async function notificationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const config = { permission: 'signedIn' as const };

  r.get(
    '/api/notifications',
    {
      config,
      schema: {
        tags,
        summary: '我的消息 My notifications',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ items: z.array(notificationDto), total: z.number(), unread: z.number() }), ...errors },
      },
    },
    async (req) => {
      const mine = eq(notifications.userId, req.user!.id);
      const where = req.query.unread === 'true' ? and(mine, isNull(notifications.readAt)) : mine;
      const rows = await ctx.db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(req.query.pageSize)
        .offset((req.query.page - 1) * req.query.pageSize);
      const [total] = await ctx.db.select({ n: count() }).from(notifications).where(where);
      const [unread] = await ctx.db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)));
      return {
        items: rows.map((n) => ({ ...n, kind: n.kind as (typeof NOTIFICATION_KINDS)[number], createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
        total: Number(total?.n ?? 0),
        unread: Number(unread?.n ?? 0),
      };
    },
  );

  r.post(
    '/api/notifications/:id/read',
    { config, schema: { tags, summary: '标为已读 Mark read', params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const done = await ctx.db
        .update(notifications)
        .set({ readAt: ctx.now() })
        .where(and(eq(notifications.id, req.params.id), eq(notifications.userId, req.user!.id)))
        .returning({ id: notifications.id });
      if (!done.length) throw notFound('消息');
      return reply.status(204).send(null);
    },
  );

  r.post('/api/notifications/read-all', { config, schema: { tags, summary: '全部标为已读 Mark all read', response: { 200: z.object({ marked: z.number() }), ...errors } } }, async (req) => {
    const done = await ctx.db
      .update(notifications)
      .set({ readAt: ctx.now() })
      .where(and(eq(notifications.userId, req.user!.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { marked: done.length };
  });
}
