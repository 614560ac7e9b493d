/**
 * Outbound channels (外发通道): the office connects its SMS or 政务微信/钉钉 gateway by URL.
 * The secret is shown once, at creation; deliveries and their attempts can be inspected.
 * A URL must pass the operator's allow-list (webhook-policy.ts) when saved and at each delivery.
 */
import { randomBytes } from 'node:crypto';
import { apiError, NOTIFICATION_KINDS } from '@pacer/domain';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { organisations, webhookDeliveries, webhooks } from '../../db/schema.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { checkWebhookUrl, WebhookAddressRefused } from './webhook-policy.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };
const idParams = z.object({ id: z.uuid({ error: '通道编号不正确' }) });
const url = z
  .string({ error: '请填写网关地址' })
  .trim()
  .url({ error: '网关地址应为完整的 http(s):// 地址' })
  .refine((u) => /^https?:\/\//i.test(u), { error: '网关地址只能是 http 或 https' });
const input = z.object({
  name: z.string().trim().min(1, { error: '请填写通道名称' }).max(100),
  url,
  orgId: z.uuid().nullable().default(null),
  kinds: z.array(z.enum(NOTIFICATION_KINDS)).default([]),
  enabled: z.boolean().default(true),
});
const hookDto = z.object({ id: z.string(), name: z.string(), url: z.string(), orgId: z.string().nullable(), kinds: z.array(z.string()), enabled: z.boolean(), secretHint: z.string(), createdAt: z.string() });

const present = (h: typeof webhooks.$inferSelect) => ({
  id: h.id,
  name: h.name,
  url: h.url,
  orgId: h.orgId,
  kinds: h.kinds,
  enabled: h.enabled,
  secretHint: `${h.secret.slice(0, 4)}…`,
  createdAt: h.createdAt.toISOString(),
});

export async function webhookRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const config = { permission: 'dispatch:settings' as const };

  /** Refuses, as a field error on url, an address the allow-list does not admit. */
  async function checkUrl(url: string) {
    try {
      await checkWebhookUrl(ctx.webhookPolicy, url);
    } catch (err) {
      if (err instanceof WebhookAddressRefused) throw fieldError(['url'], err.message);
      throw err;
    }
  }

  async function checkOrg(orgId: string | null) {
    if (orgId === null) return;
    const [org] = await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId));
    if (!org) throw fieldError(['orgId'], '单位不存在');
  }

  r.get('/api/webhooks', { config, schema: { tags, summary: '外发通道 Webhooks', response: { 200: z.array(hookDto), ...errors } } }, async () =>
    (await ctx.db.select().from(webhooks).orderBy(webhooks.createdAt)).map(present),
  );

  r.post(
    '/api/webhooks',
    {
      config,
      schema: {
        tags,
        summary: '新建外发通道 Add a webhook',
        description:
          '返回的 secret 只显示这一次：网关用它校验 X-Pacer-Signature（HMAC-SHA256，内容为 "时间戳.请求体"）。网关地址须在 PACER_WEBHOOK_ALLOW_HOSTS 允许的范围内，且不能指向内网或本机地址（除非已明确列出）。',
        body: input,
        response: { 201: hookDto.extend({ secret: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      await checkOrg(req.body.orgId);
      await checkUrl(req.body.url);
      const secret = randomBytes(24).toString('base64url');
      const [row] = await ctx.db.insert(webhooks).values({ ...req.body, secret, createdBy: req.user!.id, createdAt: ctx.now() }).returning();
      return reply.status(201).send({ ...present(row!), secret });
    },
  );

  r.put('/api/webhooks/:id', { config, schema: { tags, summary: '修改外发通道 Update a webhook', params: idParams, body: input, response: { 200: hookDto, ...errors } } }, async (req) => {
    await checkOrg(req.body.orgId);
    await checkUrl(req.body.url);
    const [row] = await ctx.db.update(webhooks).set(req.body).where(eq(webhooks.id, req.params.id)).returning();
    if (!row) throw notFound('外发通道');
    return present(row);
  });

  r.delete('/api/webhooks/:id', { config, schema: { tags, summary: '删除外发通道 Delete a webhook', params: idParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const gone = await ctx.db.delete(webhooks).where(eq(webhooks.id, req.params.id)).returning({ id: webhooks.id });
    if (!gone.length) throw notFound('外发通道');
    return reply.status(204).send(null);
  });

  r.post(
    '/api/webhooks/:id/test',
    { config, schema: { tags, summary: '发送测试消息 Queue a test message', params: idParams, response: { 202: z.object({ deliveryId: z.string() }), ...errors } } },
    async (req, reply) => {
      const [hook] = await ctx.db.select().from(webhooks).where(eq(webhooks.id, req.params.id));
      if (!hook) throw notFound('外发通道');
      await checkUrl(hook.url);
      const now = ctx.now();
      const payload = { id: null, kind: 'test', title: '领跑平台测试消息', body: '收到此消息说明通道已接通。', entity: null, entityId: null, createdAt: now.toISOString(), recipient: null };
      const [row] = await ctx.db.insert(webhookDeliveries).values({ webhookId: hook.id, payload, nextAttemptAt: now, createdAt: now }).returning({ id: webhookDeliveries.id });
      return reply.status(202).send({ deliveryId: row!.id });
    },
  );

  r.get(
    '/api/webhooks/:id/deliveries',
    {
      config,
      schema: {
        tags,
        summary: '投递记录 Deliveries with every attempt',
        params: idParams,
        response: {
          200: z.array(z.object({ id: z.string(), status: z.string(), attempts: z.number(), kind: z.string(), nextAttemptAt: z.string(), deliveredAt: z.string().nullable(), createdAt: z.string(), log: z.array(z.object({ at: z.string(), attempt: z.number(), status: z.number().nullable(), error: z.string().nullable() })) })),
          ...errors,
        },
      },
    },
    async (req) => {
      const rows = await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, req.params.id)).orderBy(desc(webhookDeliveries.createdAt)).limit(100);
      return rows.map((d) => ({
        id: d.id,
        status: d.status,
        attempts: d.attempts,
        kind: (d.payload as { kind?: string }).kind ?? '',
        nextAttemptAt: d.nextAttemptAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        createdAt: d.createdAt.toISOString(),
        log: d.log as { at: string; attempt: number; status: number | null; error: string | null }[],
      }));
    },
  );
}
