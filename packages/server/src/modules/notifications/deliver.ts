/**
 * Sends queued notices to the gateways: POST JSON signed with HMAC-SHA256 over
 * "<timestamp>.<body>", retried with growing pauses, every attempt recorded. Rows are
 * claimed with SKIP LOCKED, so several instances never send the same delivery together.
 * Every attempt checks the gateway's address against the allow-list again (webhook-policy.ts);
 * a refused address fails the delivery at once, with the reason in its log.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { webhookDeliveries, webhooks } from '../../db/schema.ts';
import { guardedTarget, WebhookAddressRefused, type WebhookPolicy } from './webhook-policy.ts';

/** Pauses before attempts 2, 3, …; after the last the delivery is marked failed. */
export const RETRY_PAUSES_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_PAUSES_MS.length + 1;
/** A claim older than this is taken to be from an instance that died mid-send. */
const STALE_CLAIM_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;

export const SIGNATURE_HEADER = 'x-pacer-signature';
export const TIMESTAMP_HEADER = 'x-pacer-timestamp';

/** The signature a gateway recomputes to know the message is from us and unaltered. */
export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

interface Claimed {
  id: string;
  webhook_id: string;
  payload: unknown;
  attempts: number;
}

/** Delivers what is due; returns counts. */
export async function deliverDue(db: Db, now: Date, policy: WebhookPolicy, limit = 50) {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const claimed = await queryRows<Claimed>(
    db,
    sql`update webhook_deliveries set status = 'sending', claimed_at = ${now.toISOString()}::timestamptz, attempts = attempts + 1
        where id in (
          select id from webhook_deliveries
          where (status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz)
             or (status = 'sending' and claimed_at < ${stale.toISOString()}::timestamptz)
          order by next_attempt_at
          limit ${limit}
          for update skip locked)
        returning id, webhook_id, payload, attempts`,
  );
  const counts = { delivered: 0, retrying: 0, failed: 0 };
  for (const d of claimed) {
    const [hook] = await db.select().from(webhooks).where(eq(webhooks.id, d.webhook_id));
    const outcome = hook ? await post(hook, d, now, policy) : { ok: false, status: null, error: '通道已删除', final: true };
    const entry = { at: now.toISOString(), attempt: d.attempts, status: outcome.status, error: outcome.error };
    const attempts = Number(d.attempts);
    const state = outcome.ok ? 'delivered' : attempts >= MAX_ATTEMPTS || outcome.final ? 'failed' : 'pending';
    counts[state === 'delivered' ? 'delivered' : state === 'failed' ? 'failed' : 'retrying']++;
    await db
      .update(webhookDeliveries)
      .set({
        status: state,
        claimedAt: null,
        deliveredAt: outcome.ok ? now : null,
        nextAttemptAt: new Date(now.getTime() + (RETRY_PAUSES_MS[attempts - 1] ?? 0)),
        log: sql`${webhookDeliveries.log} || ${JSON.stringify([entry])}::jsonb`,
      })
      .where(eq(webhookDeliveries.id, d.id));
  }
  return counts;
}

interface Outcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  /** No point retrying: the gateway is gone or its address is refused. */
  final?: boolean;
}

async function post(hook: typeof webhooks.$inferSelect, d: Claimed, now: Date, policy: WebhookPolicy): Promise<Outcome> {
  const body = JSON.stringify(d.payload);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const kind = (d.payload as { kind?: string }).kind ?? 'unknown';
  const headers = { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(hook.secret, timestamp, body), 'x-pacer-delivery': d.id, 'x-pacer-event': kind };
  try {
    const status = await send(hook.url, headers, body, await guardedTarget(policy, hook.url));
    const ok = status >= 200 && status < 300;
    return ok ? { ok, status, error: null } : { ok, status, error: `网关返回 HTTP ${status}` };
  } catch (err) {
    if (err instanceof WebhookAddressRefused) return { ok: false, status: null, error: err.message, final: true };
    return { ok: false, status: null, error: `无法送达：${(err as Error).message}` };
  }
}

/**
 * One POST through node:http, not fetch: only it lets the connection use our checked lookup.
 * A fresh connection each time (agent: false), so a kept-alive socket never skips the check.
 * Redirects are not followed (a redirect could point anywhere); a 3xx is a failed attempt.
 */
function send(url: string, headers: Record<string, string>, body: string, lookup: LookupFunction): Promise<number> {
  const transport = new URL(url).protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent: false, lookup, signal: AbortSignal.timeout(TIMEOUT_MS) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
