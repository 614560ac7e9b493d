/**
 * Helpers for the problem, meeting and job tests: a clock tests move by hand, units by name,
 * and short-hands for raising and stepping problems through the API.
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { organisations } from '../src/db/schema.ts';
import type { TestApp } from './harness.ts';

/** A clock set to a Beijing date and time; `set` moves it. */
export function fakeClock(beijing: string) {
  let now = new Date(`${beijing}+08:00`);
  return {
    now: () => now,
    set(next: string) {
      now = new Date(`${next}+08:00`);
    },
  };
}

export async function orgId(t: TestApp, name: string): Promise<string> {
  const [o] = await t.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  if (!o) throw new Error(`no organisation ${name}`);
  return o.id;
}

/** The first project the caller can see (for owners: one of their own). */
export async function someProject(t: TestApp, cookie: string, query = ''): Promise<{ id: string; name: string; regionCode: string }> {
  const res = await t.call('GET', `/api/projects?pageSize=200&${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0];
}

export async function raise(t: TestApp, cookie: string, body: Record<string, unknown>) {
  const res = await t.call('POST', '/api/problems', { cookie, body: { type: 'land', title: '用地报批卡在省厅', description: '项目二期用地尚未取得批复，影响开工。', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Calls a step with the version the caller last read; returns the response. */
export async function stepAs(t: TestApp, cookie: string, id: string, path: string, body: Record<string, unknown> = {}) {
  const current = await t.call('GET', `/api/problems/${id}`, { cookie });
  const version = current.statusCode === 200 ? current.json().version : 1;
  return t.call('POST', `/api/problems/${id}/${path}`, { cookie, body: { version, ...body } });
}

export async function ok(t: TestApp, cookie: string, id: string, path: string, body: Record<string, unknown> = {}) {
  const res = await stepAs(t, cookie, id, path, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

// A real 2×1 PNG.
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnwEIGAEAFAMBAO6mr6IAAAAASUVORK5CYII=', 'base64');

export async function uploadPhoto(t: TestApp, cookie: string, problemId: string, bytes = PNG) {
  const boundary = '----pacerTestBoundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.png"\r\nContent-Type: image/png\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({ method: 'POST', url: `/api/problems/${problemId}/photos`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } });
}
