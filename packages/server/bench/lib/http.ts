/** A small keep-alive HTTP client for 127.0.0.1 (no proxies, no retries: every failure counts). */
import http from 'node:http';

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  ms: number;
  bytes: number;
}

export class Client {
  readonly agent: http.Agent;
  constructor(
    readonly port: number,
    sockets = 256,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  request(method: string, path: string, opts: { cookie?: string; body?: unknown } = {}): Promise<Reply> {
    const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
    const headers: http.OutgoingHttpHeaders = {};
    if (opts.cookie) headers.cookie = opts.cookie;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, body: buf.toString('utf8'), headers: res.headers, ms: performance.now() - started, bytes: buf.length });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  async json<T>(method: string, path: string, opts: { cookie?: string; body?: unknown } = {}): Promise<T> {
    const r = await this.request(method, path, opts);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.body.slice(0, 300)}`);
    return JSON.parse(r.body) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Signs in through the real login route and returns the cookie header value. */
export async function login(client: Client, username: string, password: string): Promise<string> {
  const r = await client.request('POST', '/api/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.body}`);
  const cookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith('pacer_session='));
  return cookie!.split(';')[0]!;
}
