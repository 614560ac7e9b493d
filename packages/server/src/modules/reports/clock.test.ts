/**
 * Reports follow the app's clock, as the reminder jobs do: which period is "this week", which
 * reports are overdue, what may not be filled in ahead of time, and when a report was submitted.
 */
import { periodOf } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock, someProject } from '../../../test/problems.ts';

// A Thursday in spring: this week's Friday deadline has not passed, last week's has.
const clock = fakeClock('2026-04-16T10:00');
let t: TestApp;
let owner: string;

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now() });
  owner = await t.login('owner');
});
afterAll(async () => t?.close());

describe('reports on the app clock', () => {
  it('lists the week the clock is in, none of it overdue before its deadline', async () => {
    const res = (await t.call('GET', '/api/reports/period?periodKind=week', { cookie: owner })).json();
    expect(res.period).toEqual({ kind: 'week', ...pick(periodOf('week', '2026-04-16')) });
    expect(res.rows.length).toBeGreaterThan(0);
    expect(res.rows.every((r: { overdue: boolean }) => !r.overdue)).toBe(true);
    clock.set('2026-04-17T18:00');
    const after = (await t.call('GET', '/api/reports/period?periodKind=week', { cookie: owner })).json();
    expect(after.rows.some((r: { overdue: boolean; state: string }) => r.state === 'missing' && r.overdue)).toBe(true);
  });

  it('refuses next week until the clock gets there, and stamps the submission with the clock', async () => {
    clock.set('2026-04-16T10:00');
    const { id: projectId } = await someProject(t, owner);
    const body = { projectId, periodKind: 'week', periodYuan: 0, ytdYuan: 0, sinceStartYuan: 50_000_000, physicalProgress: '基础施工' };
    const early = await t.call('PUT', '/api/reports', { cookie: owner, body: { ...body, periodDate: '2026-04-20' } });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('还没到这个周期');

    const saved = await t.call('PUT', '/api/reports', { cookie: owner, body: { ...body, periodDate: '2026-04-16' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const report = saved.json();
    const submitted = await t.call('POST', `/api/reports/${report.id}/submit`, { cookie: owner, body: { version: report.version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(new Date(submitted.json().submittedAt).toISOString()).toBe(clock.now().toISOString());
  });
});

const pick = (p: { start: string; end: string }) => ({ start: p.start, end: p.end });
