import { beijingLocal, periodOf } from '@pacer/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressReports } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';

// Demo reports stop two weeks ago, so this week and last week are free to file.
let t: TestApp;
let owner: string;
let owner2: string;
let admin: string;
let projectId: string;
const today = beijingLocal(new Date()).slice(0, 10);
const week = periodOf('week', today);

beforeAll(async () => {
  t = await testApp({ seedToday: new Date(Date.now() - 14 * 86_400_000) });
  [owner, owner2, admin] = await Promise.all([t.login('owner'), t.login('owner2'), t.login('admin')]);
  const list = await t.call('GET', '/api/projects?status=continuing,new&pageSize=50', { cookie: owner });
  projectId = list.json().items[0].id;
});
afterAll(async () => t?.close());

async function form() {
  const res = await t.call('GET', `/api/reports/form?projectId=${projectId}&periodKind=week&date=${today}`, { cookie: owner });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('filing a weekly report', () => {
  let reportId: string;
  let version: number;
  let prevYtd: number;

  it('prefills from the last report so nothing is typed twice', async () => {
    const f = await form();
    expect(f.report).toBeNull();
    expect(f.period).toEqual({ kind: 'week', start: week.start, end: week.end });
    expect(f.prefill.ytdYuan).toBeGreaterThanOrEqual(0);
    prevYtd = f.prefill.ytdYuan;
  });

  it('saves a draft with findings explained in Chinese', async () => {
    const res = await t.call('PUT', '/api/reports', {
      cookie: owner,
      body: { projectId, periodKind: 'week', periodDate: today, ytdYuan: prevYtd + 1_000_000, sinceStartYuan: prevYtd + 1_000_000, periodYuan: 999, physicalProgress: '主体结构施工至第6层' },
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.status).toBe('draft');
    expect(r.findings.find((f: { code: string }) => f.code === 'period_mismatch').message).toContain('本期完成应等于本年累计的增加额');
    reportId = r.id;
    version = r.version;
  });

  it('refuses to submit while an error stands, naming the field', async () => {
    const res = await t.call('POST', `/api/reports/${reportId}/submit`, { cookie: owner, body: { version } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ path: ['periodYuan'], field: '本期完成投资' });
  });

  it('refuses a save on a stale version with 409 and the current report', async () => {
    const res = await t.call('PUT', '/api/reports', {
      cookie: owner,
      body: { projectId, periodKind: 'week', periodDate: today, ytdYuan: prevYtd, sinceStartYuan: prevYtd, periodYuan: 0, version: version + 5 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().current.version).toBe(version);
  });

  it('submits once even when submit is double-clicked', async () => {
    const fixed = await t.call('PUT', '/api/reports', {
      cookie: owner,
      body: { projectId, periodKind: 'week', periodDate: today, ytdYuan: prevYtd + 1_000_000, sinceStartYuan: prevYtd + 50_000_000, periodYuan: 1_000_000, version },
    });
    expect(fixed.statusCode).toBe(200);
    version = fixed.json().version;
    const [a, b] = await Promise.all([
      t.call('POST', `/api/reports/${reportId}/submit`, { cookie: owner, body: { version } }),
      t.call('POST', `/api/reports/${reportId}/submit`, { cookie: owner, body: { version } }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().version).toBe(b.json().version);
    const rows = await t.database.db.select().from(progressReports).where(eq(progressReports.projectId, projectId));
    expect(rows.filter((r) => r.periodStart === week.start && r.periodKind === 'week')).toHaveLength(1);
    version = a.json().version;
    expect(a.json().status).toBe('submitted');
  });

  it('keeps a submitted report closed to edits', async () => {
    const res = await t.call('PUT', '/api/reports', {
      cookie: owner,
      body: { projectId, periodKind: 'week', periodDate: today, ytdYuan: 1, sinceStartYuan: 1, periodYuan: 1, version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('已提交');
  });

  it('lets only a reviewer approve, and a return needs a reason', async () => {
    expect((await t.call('POST', `/api/reports/${reportId}/approve`, { cookie: owner, body: { version } })).statusCode).toBe(403);
    const noReason = await t.call('POST', `/api/reports/${reportId}/return`, { cookie: admin, body: { version, reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const returned = await t.call('POST', `/api/reports/${reportId}/return`, { cookie: admin, body: { version, reason: '请补充现场照片并核实本期投资' } });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请补充现场照片并核实本期投资' });
    version = returned.json().version;
  });

  it('is corrected, resubmitted and approved; every version is kept', async () => {
    const saved = await t.call('PUT', '/api/reports', {
      cookie: owner,
      body: { projectId, periodKind: 'week', periodDate: today, ytdYuan: prevYtd + 800_000, sinceStartYuan: prevYtd + 50_000_000, periodYuan: 800_000, version, milestones: [{ kind: 'main_structure', actualDate: today }] },
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await t.call('POST', `/api/reports/${reportId}/submit`, { cookie: owner, body: { version: saved.json().version } });
    const approved = await t.call('POST', `/api/reports/${reportId}/approve`, { cookie: admin, body: { version: submitted.json().version, note: '已核实' } });
    expect(approved.json().status).toBe('approved');
    const versions = await t.call('GET', `/api/reports/${reportId}/versions`, { cookie: owner });
    expect(versions.json().map((v: { action: string }) => v.action)).toEqual(['save', 'save', 'submit', 'return', 'save', 'submit', 'approve']);
    expect(versions.json()[0].data.periodYuan).toBe(999);
    // Saves and submits keep their version in SQL, reviews in JavaScript: the data reads the same.
    const data = versions.json().map((v: { data: Record<string, unknown> }) => v.data);
    const [submit, approve] = [data[5], data[6]];
    const stable = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => !['status', 'version', 'reviewedAt', 'reviewedBy', 'reviewNote', 'updatedAt'].includes(k)));
    expect(Object.keys(submit).sort()).toEqual(Object.keys(approve).sort());
    expect(stable(submit)).toEqual(stable(approve));
    expect(submit.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const project = (await t.call('GET', `/api/projects/${projectId}`, { cookie: owner })).json();
    expect(project.milestones.find((m: { kind: string }) => m.kind === 'main_structure').actualDate).toBe(today);
  });
});

describe('saving and submitting in one request (提交审核)', () => {
  const versionsOf = async (id: string) => ((await t.call('GET', `/api/reports/${id}/versions`, { cookie: admin })).json() as { action: string }[]).map((v) => v.action);
  // Projects no other test files a week report for: owner's second, owner2's second.
  let projects: { id: string; cookie: string }[];
  beforeAll(async () => {
    const second = async (cookie: string) => ({ id: (await t.call('GET', '/api/projects?status=continuing,new&pageSize=50', { cookie })).json().items[1].id as string, cookie });
    projects = [await second(owner), await second(owner2)];
  });
  const figures = async ({ id: project, cookie }: { id: string; cookie: string }) => {
    const f = (await t.call('GET', `/api/reports/form?projectId=${project}&periodKind=week&date=${today}`, { cookie })).json();
    const prefill = (f.prefill ?? { ytdYuan: 0, sinceStartYuan: 0 }) as { ytdYuan: number; sinceStartYuan: number };
    // This week's figures: 本期 added to both running totals, as a site would report.
    return (delta: number) => ({ projectId: project, periodKind: 'week', periodDate: today, ytdYuan: prefill.ytdYuan + delta, sinceStartYuan: prefill.sinceStartYuan + delta, periodYuan: delta });
  };

  it('keeps the report a draft, errors listed, while an error stands; submits once fixed', async () => {
    const week = await figures(projects[0]!);
    const bad = await t.call('PUT', '/api/reports', { cookie: owner, body: { ...week(500_000), periodYuan: 1, submit: true } });
    expect(bad.statusCode).toBe(200);
    expect(bad.json().status).toBe('draft');
    expect(bad.json().findings.some((f: { level: string; field: string }) => f.level === 'error' && f.field === 'periodYuan')).toBe(true);
    const good = await t.call('PUT', '/api/reports', { cookie: owner, body: { ...week(500_000), version: bad.json().version, submit: true } });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ status: 'submitted', version: bad.json().version + 1 });
    expect(good.json().submittedAt).not.toBeNull();
    expect(await versionsOf(good.json().id)).toEqual(['save', 'submit']);
  });

  it('answers a first submission sent twice at once with one report, submitted once', async () => {
    const { id: project, cookie } = projects[1]!;
    const body = { ...(await figures(projects[1]!))(300_000), submit: true };
    const [a, b] = await Promise.all([t.call('PUT', '/api/reports', { cookie, body }), t.call('PUT', '/api/reports', { cookie, body })]);
    expect([a.statusCode, b.statusCode], a.body).toEqual([200, 200]);
    expect(a.json()).toMatchObject({ id: b.json().id, version: b.json().version, status: 'submitted' });
    expect(await versionsOf(a.json().id)).toEqual(['submit']);
    // A retry after a lost answer is the same submission; other figures are a change, refused.
    const retry = await t.call('PUT', '/api/reports', { cookie, body });
    expect(retry.json()).toMatchObject({ id: a.json().id, version: a.json().version });
    const changed = await t.call('PUT', '/api/reports', { cookie, body: { ...body, physicalProgress: '另一份' } });
    expect(changed.statusCode).toBe(409);
    const rows = await t.database.db.select().from(progressReports).where(eq(progressReports.projectId, project));
    expect(rows.filter((r) => r.periodStart === week.start && r.periodKind === 'week')).toHaveLength(1);
  });
});

describe('scope and checks', () => {
  it('hides another owner\'s project from a reporter', async () => {
    const res = await t.call('PUT', '/api/reports', {
      cookie: owner2,
      body: { projectId, periodKind: 'week', periodDate: today, ytdYuan: 0, sinceStartYuan: 0, periodYuan: 0 },
    });
    expect(res.statusCode).toBe(404);
    expect((await t.call('GET', `/api/reports/form?projectId=${projectId}&periodKind=week&date=${today}`, { cookie: owner2 })).statusCode).toBe(404);
  });

  it('refuses a report for a future period', async () => {
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const res = await t.call('PUT', '/api/reports', { cookie: owner, body: { projectId, periodKind: 'month', periodDate: future, ytdYuan: 0, sinceStartYuan: 0, periodYuan: 0 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('不能提前填报');
  });

  it('needs a review note to accept warnings', async () => {
    const list = await t.call('GET', '/api/projects?status=continuing,new&pageSize=50', { cookie: owner2 });
    const other = list.json().items[0].id as string;
    const f = (await t.call('GET', `/api/reports/form?projectId=${other}&periodKind=week&date=${today}`, { cookie: owner2 })).json();
    const ytd = f.prefill.ytdYuan as number;
    const saved = await t.call('PUT', '/api/reports', {
      cookie: owner2,
      body: { projectId: other, periodKind: 'week', periodDate: today, ytdYuan: ytd + 10_000, sinceStartYuan: 1, periodYuan: 10_000 },
    });
    expect(saved.json().findings.map((x: { level: string }) => x.level)).toContain('warning');
    const submitted = await t.call('POST', `/api/reports/${saved.json().id}/submit`, { cookie: owner2, body: { version: saved.json().version } });
    expect(submitted.statusCode).toBe(200);
    const bare = await t.call('POST', `/api/reports/${saved.json().id}/approve`, { cookie: admin, body: { version: submitted.json().version } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().issues[0].field).toBe('审核意见');
  });

  it('queues submitted reports across periods for the reviewer, within scope', async () => {
    const queue = (await t.call('GET', '/api/reports?status=submitted', { cookie: admin })).json() as { projectId: string; status: string }[];
    expect(queue.length).toBeGreaterThan(0);
    for (const r of queue) expect(r.status).toBe('submitted');
    const mine = (await t.call('GET', '/api/reports?status=submitted', { cookie: owner })).json() as { projectId: string }[];
    const own = new Set(((await t.call('GET', '/api/projects?pageSize=200', { cookie: owner })).json().items as { id: string }[]).map((p) => p.id));
    for (const r of mine) expect(own.has(r.projectId)).toBe(true);
    expect(mine.length).toBeLessThan(queue.length);
  });

  it('always tells the form which report 本期 is measured against', async () => {
    const f = await form();
    expect(f.report).not.toBeNull();
    expect(f.previous).toEqual(expect.objectContaining({ ytdYuan: expect.any(Number) }));
  });

  it('lists missing reports of a period per unit', async () => {
    const period = await t.call('GET', `/api/reports/period?periodKind=week&date=${today}`, { cookie: admin });
    const rows = period.json().rows as { state: string }[];
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.state === 'missing').length).toBeGreaterThan(0);
    const byUnit = await t.call('GET', `/api/reports/compliance?periodKind=week&date=${today}&groupBy=region`, { cookie: admin });
    const units = byUnit.json() as { expected: number; submitted: number; missing: number }[];
    expect(units.reduce((s, u) => s + u.expected, 0)).toBe(rows.length);
    for (const u of units) expect(u.submitted + u.missing).toBe(u.expected);
  });
});
