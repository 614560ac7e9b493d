import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock, ok, orgId, raise } from '../../../test/problems.ts';

const clock = fakeClock('2027-02-03T09:00');
let t: TestApp;
let admin: string, owner: string;

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: new Date('2026-11-23T01:00:00Z') });
  admin = await t.login('admin');
  owner = await t.login('owner');
});
afterAll(async () => t?.close());

describe('工作日历 configured per year', () => {
  it('ships the State Council\'s 2026 notice', async () => {
    const y = (await t.call('GET', '/api/calendar/2026', { cookie: owner })).json();
    expect(y).toMatchObject({ year: 2026, configured: false, builtIn: true });
    expect(y.holidays).toContain('2026-10-01');
    expect(y.workdays).toContain('2026-10-10');
  });

  it('counts working days over the National Day week', async () => {
    const r = (await t.call('GET', '/api/calendar/working-days?from=2026-09-29&days=5&to=2026-10-12', { cookie: owner })).json();
    expect(r).toEqual({ from: '2026-09-29', date: '2026-10-12', workingDays: 5, fromIsWorkingDay: true });
  });

  it('knows only weekends for a year nobody configured, until the office enters its notice', async () => {
    // Spring Festival 2027: 6–12 February off (assumed notice), Saturday 13 February worked.
    const before = (await t.call('GET', '/api/calendar/working-days?from=2027-02-05&days=1', { cookie: admin })).json();
    expect(before.date).toBe('2027-02-08');
    expect((await t.call('PUT', '/api/calendar/2027', { cookie: owner, body: { holidays: [], workdays: [] } })).statusCode).toBe(403);
    const bad = await t.call('PUT', '/api/calendar/2027', { cookie: admin, body: { holidays: ['2027-02-13'], workdays: ['2027-02-13'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('不能既是放假日又是调休上班日');
    const holidays = ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];
    const res = await t.call('PUT', '/api/calendar/2027', { cookie: admin, body: { holidays, workdays: ['2027-02-13'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ configured: true, builtIn: false, holidays });
    const after = (await t.call('GET', '/api/calendar/working-days?from=2027-02-05&days=1', { cookie: admin })).json();
    expect(after.date).toBe('2027-02-13');
  });

  it('gives assignments deadlines on the configured calendar', async () => {
    const project = (await t.call('GET', '/api/projects?pageSize=1', { cookie: owner })).json().items[0];
    const p = await raise(t, owner, { projectId: project.id, severity: 'urgent' });
    // Wednesday 3 Feb + 3 working days: 4, 5, then Saturday 13 (worked) — 8–12 are off.
    const assigned = await ok(t, admin, p.id, 'assign', { leadOrgId: await orgId(t, '市自然资源和规划局') });
    expect(assigned.deadline).toBe('2027-02-13');
  });
});
