/**
 * The allow-list through the API and the delivery job: a gateway outside it is refused when
 * saved, with the reason on the url field; one whose DNS turns internal after saving is refused
 * at delivery, never contacted, and the delivery fails with the reason in its log.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock } from '../../../test/problems.ts';
import { startReceiver } from '../../../test/receiver.ts';
import { deliverDue } from './deliver.ts';
import { webhookPolicy, type ResolvedAddress } from './webhook-policy.ts';

const clock = fakeClock('2026-11-23T09:00');
// The names this test's gateway goes by; the test gateway itself listens on 127.0.0.1.
const answers: Record<string, string[]> = { 'gw.xt.gov.cn': ['127.0.0.1'], 'sms.example.cn': ['93.184.216.34'], 'meta.example.cn': ['169.254.169.254'] };
const fakeDns = async (host: string): Promise<ResolvedAddress[]> => {
  const list = answers[host];
  if (!list) throw new Error(`ENOTFOUND ${host}`);
  return list.map((address) => ({ address, family: 4 }));
};
const policy = webhookPolicy('gw.xt.gov.cn,*.example.cn,127.0.0.1', fakeDns);
let t: TestApp;
let admin: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let hookId: string;

const addHook = (url: string) => t.call('POST', '/api/webhooks', { cookie: admin, body: { name: '市政务短信网关', url } });

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now(), webhookPolicy: policy });
  admin = await t.login('admin');
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('webhook URLs against the allow-list', () => {
  it('refuses a host not listed and an internal address, saying why on the url field', async () => {
    const unlisted = await addHook('https://hooks.other.cn/pacer');
    expect(unlisted.statusCode).toBe(400);
    expect(unlisted.json()).toMatchObject({ issues: [{ path: ['url'] }] });
    expect(unlisted.json().message).toContain('网关主机 hooks.other.cn 不在允许的范围内');
    const metadata = await addHook('http://meta.example.cn/latest/meta-data');
    expect(metadata.statusCode).toBe(400);
    expect(metadata.json().message).toContain('链路本地地址 169.254.169.254');
    expect((await addHook('http://127.0.0.2:8080/hook')).statusCode).toBe(400);
    expect((await t.call('GET', '/api/webhooks', { cookie: admin })).json()).toEqual([]);
  });

  it('saves a listed gateway, and refuses to change it to an unlisted one', async () => {
    const port = new URL(receiver.url).port;
    const res = await addHook(`http://gw.xt.gov.cn:${port}/hook`);
    expect(res.statusCode, res.body).toBe(201);
    hookId = res.json().id;
    const moved = await t.call('PUT', `/api/webhooks/${hookId}`, { cookie: admin, body: { name: '市政务短信网关', url: 'http://localhost:8080/hook' } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().message).toContain('不在允许的范围内');
  });

  it('delivers to the gateway while its name resolves to an allowed address', async () => {
    expect((await t.call('POST', `/api/webhooks/${hookId}/test`, { cookie: admin })).statusCode).toBe(202);
    expect(await deliverDue(t.database.db, clock.now(), policy)).toMatchObject({ delivered: 1 });
    expect(receiver.received.map((r) => JSON.parse(r.body).kind)).toEqual(['test']);
  });

  it('checks again at delivery: a name turned internal is not contacted and the delivery fails with the reason', async () => {
    const queued = await t.call('POST', `/api/webhooks/${hookId}/test`, { cookie: admin });
    answers['gw.xt.gov.cn'] = ['10.0.0.8'];
    expect(await deliverDue(t.database.db, clock.now(), policy)).toMatchObject({ delivered: 0, failed: 1 });
    expect(receiver.received).toHaveLength(1);
    const [row] = await t.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, queued.json().deliveryId));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect((row!.log as { error: string }[])[0]!.error).toContain('内网（私有）地址 10.0.0.8');
    // Sending a test message now is refused up front.
    const again = await t.call('POST', `/api/webhooks/${hookId}/test`, { cookie: admin });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('10.0.0.8');
  });
});
