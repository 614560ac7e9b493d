import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('sign-in', () => {
  it('signs in with the right password and sets an httpOnly session cookie', async () => {
    const res = await t.call('POST', '/api/auth/login', { body: { username: 'admin', password: 'pacer2026' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pacer_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().role).toBe('office');
    const me = await t.call('GET', '/api/auth/me', { cookie: `pacer_session=${cookie!.value}` });
    expect(me.json().username).toBe('admin');
  });

  it('refuses a wrong password with a Chinese message and no cookie', async () => {
    const res = await t.call('POST', '/api/auth/login', { body: { username: 'admin', password: 'wrong-password1' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('用户名或密码不正确');
    expect(res.cookies).toHaveLength(0);
  });

  it('stores passwords as argon2id hashes', async () => {
    const { users } = await import('../../db/schema.ts');
    const rows = await t.database.db.select({ h: users.passwordHash }).from(users);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.h).toMatch(/^\$argon2id\$/);
  });

  it('ends the session on sign-out', async () => {
    const cookie = await t.login('owner');
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    await t.call('POST', '/api/auth/logout', { cookie });
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
  });

  it('signs a disabled account out at once', async () => {
    const [cookie, admin] = await Promise.all([t.login('owner2'), t.login('admin')]);
    const me = (await t.call('GET', '/api/auth/me', { cookie })).json();
    const disabled = await t.call('PATCH', `/api/users/${me.id}`, { cookie: admin, body: { disabled: true } });
    expect(disabled.statusCode).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    await t.call('PATCH', `/api/users/${me.id}`, { cookie: admin, body: { disabled: false } });
  });

  it('answers from a recent lookup for at most the cache time, then asks the database', async () => {
    const { resolveSession } = await import('./sessions.ts');
    const { sessions } = await import('../../db/schema.ts');
    const cookie = await t.login('owner');
    const token = cookie.replace(/^pacer_session=/, '');
    const ttl = 3_600_000;
    expect((await resolveSession(t.database.db, token, ttl, 300))?.username).toBe('owner');
    // Signed out elsewhere (another instance, the CLI): this one may still answer for the moment…
    await t.database.db.delete(sessions);
    expect((await resolveSession(t.database.db, token, ttl, 300))?.username).toBe('owner');
    expect(await resolveSession(t.database.db, token, ttl, 0)).toBeNull();
    // …and no longer once the cache time has passed.
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await resolveSession(t.database.db, token, ttl, 300)).toBeNull();
  });

  it('refuses anonymous calls to protected routes', async () => {
    const res = await t.call('GET', '/api/projects');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('请先登录');
  });
});

describe('every route declares its permission', () => {
  it('has a permission on each registered route', () => {
    const missing = t.routes.filter((r) => !r.permission && r.method !== 'HEAD');
    expect(t.routes.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('serves the OpenAPI document to anyone', async () => {
    const res = await t.call('GET', '/api/docs/json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/projects/{id}');
  });

  it('keeps non-public API routes closed to anonymous callers', async () => {
    const open = t.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.permission !== 'public' && r.method !== 'HEAD');
    for (const r of open) {
      const url = r.url.replace(/:id/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.call(r.method, url, { body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});
