/**
 * The webhook allow-list: hosts as the operator lists them, and never an internal address
 * unless it is listed. DNS is faked, so each case says what the name resolves to.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { checkWebhookUrl, guardedTarget, webhookPolicy, type ResolvedAddress } from './webhook-policy.ts';

const dns = (answers: Record<string, string[]>) => async (host: string): Promise<ResolvedAddress[]> => {
  const list = answers[host];
  if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const NAMES = {
  localhost: ['127.0.0.1', '::1'],
  'gateway.public.cn': ['93.184.216.34'],
  'mixed.public.cn': ['93.184.216.34', '10.1.1.1'],
  'sms.example.cn': ['93.184.216.35'],
  'inner.example.cn': ['192.168.1.20'],
  'gw.internal': ['10.20.1.5'],
};

const refusal = async (allow: string, url: string) =>
  checkWebhookUrl(webhookPolicy(allow, dns(NAMES)), url).then(
    () => null,
    (err: Error) => err.message,
  );

describe('webhook allow-list with nothing configured', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', '本机回环'],
    ['http://[::1]/hook', '本机回环'],
    ['http://0x7f.1/hook', '本机回环'],
    ['http://localhost:3000/hook', '本机回环'],
    ['http://10.0.0.5/hook', '内网'],
    ['http://172.16.3.4/hook', '内网'],
    ['http://192.168.1.1/hook', '内网'],
    ['http://[fd00::1]/hook', '内网'],
    ['http://[::ffff:10.0.0.1]/hook', '内网'],
    ['http://169.254.169.254/latest/meta-data', '链路本地'],
    ['http://[fe80::1]/hook', '链路本地'],
    ['http://100.64.0.1/hook', '运营商内网'],
    ['http://0.0.0.0/hook', '未指定'],
    ['https://mixed.public.cn/hook', '10.1.1.1'],
  ])('refuses %s', async (url, reason) => {
    const message = await refusal('', url);
    expect(message).toContain(reason);
    expect(message).toContain('PACER_WEBHOOK_ALLOW_HOSTS');
  });

  it.each(['https://gateway.public.cn/hook', 'http://93.184.216.34/hook', 'http://[2606:4700:4700::1111]/hook'])('allows the public address %s', async (url) => {
    expect(await refusal('', url)).toBeNull();
  });

  it('refuses what is not http(s) and a name that does not resolve', async () => {
    expect(await refusal('', 'ftp://gateway.public.cn/')).toBe('网关地址只能是 http 或 https');
    expect(await refusal('', 'https://nowhere.public.cn/')).toContain('无法解析网关主机名 nowhere.public.cn');
  });
});

describe('webhook allow-list with hosts and ranges', () => {
  const allow = 'gateway.public.cn, *.example.cn, gw.internal, 10.20.0.0/16';

  it('admits only the listed hosts', async () => {
    expect(await refusal(allow, 'https://gateway.public.cn/hook')).toBeNull();
    expect(await refusal(allow, 'https://SMS.example.cn./hook')).toBeNull();
    expect(await refusal(allow, 'http://10.20.3.4:8080/hook')).toBeNull();
    expect(await refusal(allow, 'https://other.public.cn/hook')).toContain('网关主机 other.public.cn 不在允许的范围内');
    expect(await refusal(allow, 'https://example.cn/hook')).toContain('不在允许的范围内');
    expect(await refusal(allow, 'http://10.30.0.1/hook')).toContain('不在允许的范围内');
  });

  it('admits an internal gateway by its listed range, and no other internal address under a listed name', async () => {
    expect(await refusal(allow, 'http://gw.internal/hook')).toBeNull();
    expect(await refusal(allow, 'https://inner.example.cn/hook')).toContain('192.168.1.20');
    expect(await refusal('*', 'http://localhost/hook')).toContain('本机回环');
    expect(await refusal('*,127.0.0.0/8,::1', 'http://localhost/hook')).toBeNull();
  });

  it('checks again at connection time, on the addresses then resolved', async () => {
    const answers: Record<string, string[]> = { 'gw.internal': ['10.20.1.5'] };
    const policy = webhookPolicy(allow, dns(answers));
    const lookup = await guardedTarget(policy, 'http://gw.internal/hook');
    const resolve = () =>
      new Promise<string>((done) => {
        lookup('gw.internal', { all: false }, (err, address) => done(err ? err.message : (address as string)));
      });
    expect(await resolve()).toBe('10.20.1.5');
    answers['gw.internal'] = ['169.254.169.254'];
    expect(await resolve()).toContain('链路本地');
    await expect(guardedTarget(policy, 'http://10.9.0.1/hook')).rejects.toThrow('不在允许的范围内');
  });
});

describe('PACER_WEBHOOK_ALLOW_HOSTS', () => {
  it('is checked at start and names the bad entry', () => {
    expect(() => loadConfig({ PACER_WEBHOOK_ALLOW_HOSTS: 'gateway.cn, not a host' })).toThrow(/PACER_WEBHOOK_ALLOW_HOSTS.*not a host/);
    expect(() => loadConfig({ PACER_WEBHOOK_ALLOW_HOSTS: '10.0.0.0/33' })).toThrow(/地址段/);
    expect(loadConfig({ PACER_WEBHOOK_ALLOW_HOSTS: '*.gov.cn,10.20.0.0/16' }).PACER_WEBHOOK_ALLOW_HOSTS).toBe('*.gov.cn,10.20.0.0/16');
    expect(loadConfig({}).PACER_WEBHOOK_ALLOW_HOSTS).toBe('');
  });
});
