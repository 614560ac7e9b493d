/**
 * Where a webhook may post (外发通道地址范围). The office types the gateway URL; unchecked, that
 * URL could make the server call into its own network (SSRF): the database, an admin console on
 * 127.0.0.1, cloud metadata at 169.254.169.254. The operator lists allowed hosts in
 * PACER_WEBHOOK_ALLOW_HOSTS (comma-separated):
 *   gateway.example.cn   exactly this host
 *   *.example.cn         any host under example.cn
 *   *                    any host
 *   10.20.0.0/16, 10.1.2.3, fd00::/8   an address range or address
 * Empty: any host. Whatever the list, a host must resolve only to public addresses, unless each
 * of its addresses lies in a listed range: an internal gateway is allowed by naming its address.
 * The URL is checked when saved and again at every delivery, on the very addresses connected to,
 * because a name's DNS answer can change after it was saved (DNS rebinding).
 */
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Pattern = { kind: 'any' } | { kind: 'name'; name: string } | { kind: 'suffix'; suffix: string } | { kind: 'range'; range: [Address, number] };

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface WebhookPolicy {
  readonly patterns: readonly Pattern[];
  /** The list as configured, for messages. */
  readonly source: string;
  /** Resolves a host name to all its addresses; tests put a fake DNS here. */
  readonly resolve: (host: string) => Promise<ResolvedAddress[]>;
}

/** A URL the policy refuses; the message says why, in Chinese, for the office. */
export class WebhookAddressRefused extends Error {}

export const ALLOW_HOSTS_VARIABLE = 'PACER_WEBHOOK_ALLOW_HOSTS';
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

const RANGE_LABELS: Record<string, string> = {
  loopback: '本机回环',
  private: '内网（私有）',
  uniqueLocal: '内网（私有）',
  linkLocal: '链路本地',
  carrierGradeNat: '运营商内网',
  unspecified: '未指定',
  broadcast: '广播',
  multicast: '组播',
  ipv4Mapped: '内网',
};

function parsePattern(raw: string): Pattern {
  const text = raw.trim().toLowerCase().replace(/\.$/, '');
  if (text === '*') return { kind: 'any' };
  if (text.startsWith('*.') && HOST_NAME.test(text.slice(2))) return { kind: 'suffix', suffix: text.slice(1) };
  const bare = text.replace(/^\[(.*)\]$/, '$1');
  if (bare.includes('/')) {
    try {
      return { kind: 'range', range: ipaddr.parseCIDR(bare) };
    } catch {
      throw new Error(`“${raw.trim()}”不是有效的地址段（例如 10.20.0.0/16）`);
    }
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare)) {
    const address = ipaddr.process(bare);
    return { kind: 'range', range: [address, address.kind() === 'ipv4' ? 32 : 128] };
  }
  if (HOST_NAME.test(text)) return { kind: 'name', name: text };
  throw new Error(`“${raw.trim()}”不是主机名、*.域名、IP 地址或地址段`);
}

async function systemResolve(host: string): Promise<ResolvedAddress[]> {
  return dns.promises.lookup(host, { all: true, verbatim: true });
}

/** The policy for a configured list; throws with the first bad entry. */
export function webhookPolicy(allowHosts: string, resolve: WebhookPolicy['resolve'] = systemResolve): WebhookPolicy {
  const entries = allowHosts
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  return { patterns: entries.map(parsePattern), source: entries.join(','), resolve };
}

const inRange = (address: Address, [base, bits]: [Address, number]) => address.kind() === base.kind() && address.match(base, bits);
const inListedRange = (policy: WebhookPolicy, address: Address) => policy.patterns.some((p) => p.kind === 'range' && inRange(address, p.range));

function hostListed(policy: WebhookPolicy, host: string, literal: Address | null): boolean {
  if (!policy.patterns.length) return true;
  return policy.patterns.some((p) => {
    if (p.kind === 'any') return true;
    if (literal) return p.kind === 'range' && inRange(literal, p.range);
    return (p.kind === 'name' && p.name === host) || (p.kind === 'suffix' && host.endsWith(p.suffix));
  });
}

/** Why connecting to this address is refused, or null when it is allowed. */
function addressRefusal(policy: WebhookPolicy, host: string, raw: string): string | null {
  const address = ipaddr.process(raw);
  const range = address.range();
  if (range === 'unicast' || inListedRange(policy, address)) return null;
  const label = RANGE_LABELS[range] ?? '非公网（保留）';
  return `网关地址 ${host} 指向${label}地址 ${address.toString()}，不能向内网或本机发送。如确需使用内网网关，请由系统管理员在环境变量 ${ALLOW_HOSTS_VARIABLE} 中列出该地址或地址段。`;
}

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

/** The URL's host and, when the host is an IP address, that address. Refuses a host not on the list. */
function listedHost(policy: WebhookPolicy, url: string): { host: string; literal: Address | null } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookAddressRefused('网关地址应为完整的 http(s):// 地址');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new WebhookAddressRefused('网关地址只能是 http 或 https');
  const host = hostOf(parsed);
  // The URL parser has already turned 0x7f.1 and the like into dotted form.
  const literal = ipaddr.isValid(host) ? ipaddr.process(host) : null;
  if (!hostListed(policy, host, literal)) {
    throw new WebhookAddressRefused(`网关主机 ${host} 不在允许的范围内（环境变量 ${ALLOW_HOSTS_VARIABLE}：${policy.source}），请联系系统管理员。`);
  }
  return { host, literal };
}

/** Checks a gateway URL now: the host is listed and every address it resolves to is allowed. */
export async function checkWebhookUrl(policy: WebhookPolicy, url: string): Promise<void> {
  const { host, literal } = listedHost(policy, url);
  let addresses: string[];
  if (literal) {
    addresses = [literal.toString()];
  } else {
    try {
      addresses = (await policy.resolve(host)).map((a) => a.address);
    } catch {
      throw new WebhookAddressRefused(`无法解析网关主机名 ${host}，请检查地址是否正确。`);
    }
  }
  for (const address of addresses) {
    const refusal = addressRefusal(policy, host, address);
    if (refusal) throw new WebhookAddressRefused(refusal);
  }
}

/**
 * Checks the URL before connecting and gives the lookup the connection must use: the addresses
 * are checked as they are resolved for the socket, so a DNS answer that changed since the first
 * check cannot slip an internal address in. (An IP-literal host is not looked up; it is checked here.)
 */
export async function guardedTarget(policy: WebhookPolicy, url: string): Promise<LookupFunction> {
  const { host, literal } = listedHost(policy, url);
  if (literal) {
    const refusal = addressRefusal(policy, host, literal.toString());
    if (refusal) throw new WebhookAddressRefused(refusal);
  }
  return (hostname, options, callback) => {
    policy.resolve(hostname).then(
      (addresses) => {
        const refusal = addresses.map((a) => addressRefusal(policy, host, a.address)).find((r) => r !== null);
        if (refusal) return callback(new WebhookAddressRefused(refusal), '', 0);
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const usable = addresses.filter((a) => !family || a.family === family);
        if (!usable.length) return callback(Object.assign(new Error(`无法解析网关主机名 ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) return (callback as unknown as (err: null, all: ResolvedAddress[]) => void)(null, usable);
        return callback(null, usable[0]!.address, usable[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
