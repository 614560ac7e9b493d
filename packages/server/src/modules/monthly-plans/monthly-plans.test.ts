/**
 * 作战图 through the API: a project's own monthly plan replaces the curve for its three-colour
 * code on the board and in its record; a reset returns to the curve; only those who may edit
 * the project may change it; a bad plan is refused in Chinese naming the month.
 */
import { beijingLocal, type ColourRecordDto, type MonthlyPlanDto } from '@pacer/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignProjects, campaigns, progressReports } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { create, me, newProject } from '../../../test/projects.ts';

const WAN = 10_000;
// Last year: every month has ended, so the record does not depend on today's date.
const year = Number(beijingLocal(new Date()).slice(0, 4)) - 1;
const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (m: number) => new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
/** Behind in March (320 of 500), caught up in April (600 of 600); December 50 万元 short of the annual 1200. */
const FRONT_LOADED = [100, 200, 500, 600, 700, 800, 900, 950, 1000, 1050, 1100, 1150].map((w) => w * WAN);

let t: TestApp;
let admin: string;
let projectId: string;
const path = () => `/api/projects/${projectId}/monthly-plans/${year}`;

async function plan(cookie = admin): Promise<MonthlyPlanDto> {
  const res = await t.call('GET', path(), { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function colours(): Promise<(string | null)[]> {
  const res = await t.call('GET', `/api/projects/${projectId}/three-colour/${year}`, { cookie: admin });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as ColourRecordDto).months.map((m) => m.colour);
}

/** The project's three-colour code on the draft board of the week containing `date`. */
async function boardColour(date: string): Promise<string | null> {
  const res = await t.call('GET', `/api/boards/draft?week=${date}`, { cookie: admin });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().lines as { item: { projectId: string; colour: string | null } }[]).find((l) => l.item.projectId === projectId)!.item.colour;
}

beforeAll(async () => {
  t = await testApp({ reports: false });
  admin = await t.login('admin');
  const owner = await me(t, await t.login('owner'));
  const project = await create(
    t,
    admin,
    newProject(owner.orgId!, {
      annualPlans: [{ year, amountYuan: 1200 * WAN }],
      plannedStart: `${year}-03-15`,
      milestones: [
        { kind: 'start', plannedDate: `${year}-03-15`, actualDate: `${year}-03-10` },
        { kind: 'main_structure', plannedDate: `${year}-11-20` },
      ],
    }),
  );
  projectId = project.id;
  const db = t.database.db;
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.year, year));
  await db.insert(campaignProjects).values({ campaignId: campaign!.id, projectId });
  // Month reports January–April: on the linear curve all along, behind a front-loaded plan in March.
  const ytd = [100, 200, 320, 600].map((w) => w * WAN);
  await db.insert(progressReports).values(
    ytd.map((ytdYuan, i) => ({
      projectId,
      periodKind: 'month',
      periodStart: `${year}-${pad(i + 1)}-01`,
      periodEnd: monthEnd(i + 1),
      year,
      status: 'approved',
      periodYuan: ytdYuan - (ytd[i - 1] ?? 0),
      ytdYuan,
      sinceStartYuan: ytdYuan,
    })),
  );
});
afterAll(async () => t?.close());

describe('作战图 monthly plan', () => {
  it('without a saved plan spreads the annual plan along the curve and lists each month’s planned milestones', async () => {
    const p = await plan();
    expect(p.source).toBe('curve');
    expect(p.months.map((m) => m.cumulativeYuan)).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) * 100 * WAN));
    expect(p.months[2]!.milestones).toEqual([{ kind: 'start', label: '开工', plannedDate: `${year}-03-15`, actualDate: `${year}-03-10` }]);
    expect(p.months[10]!.milestones.map((m) => m.label)).toEqual(['主体完工']);
    expect(p.months.filter((m) => m.milestones.length).map((m) => m.month)).toEqual([3, 11]);
    expect(await colours()).toEqual(['green', 'green', 'green', 'green', null, null, null, null, null, null, null, null]);
    expect(await boardColour(`${year}-04-08`)).toBe('green');
  });

  it('saves the project’s own plan, warning how far December is from the annual plan, and audits it', async () => {
    const res = await t.call('PUT', path(), { cookie: admin, body: { cumulativeYuan: FRONT_LOADED } });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as MonthlyPlanDto;
    expect(saved.source).toBe('plan');
    expect(saved.warnings).toEqual([`12 月末累计计划 1150 万元与 ${year} 年度计划投资 1200 万元不一致，少 50 万元`]);
    expect(saved.updatedBy).toBe('竞赛办管理员');
    const read = await plan();
    expect(read.months.map((m) => m.cumulativeYuan)).toEqual(FRONT_LOADED);
    expect(read.months[2]!.curveYuan).toBe(300 * WAN);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, projectId), eq(auditLog.action, 'monthly_plan.save')));
    expect(entry!.data).toMatchObject({ year, before: null, after: FRONT_LOADED });
  });

  it('colours against it: behind in March (red on that week’s board), caught up in April, so March turns yellow', async () => {
    expect(await boardColour(`${year}-04-08`)).toBe('red');
    // Caught up after falling behind: the board carries yellow (曾落后、已追上), not green.
    expect(await boardColour(`${year}-05-06`)).toBe('yellow');
    const record = (await t.call('GET', `/api/projects/${projectId}/three-colour/${year}`, { cookie: admin })).json() as ColourRecordDto;
    expect(record.source).toBe('plan');
    expect(record.months.slice(0, 4)).toEqual([
      { month: 1, plannedYuan: 100 * WAN, actualYuan: 100 * WAN, missedMilestones: 0, colour: 'green' },
      { month: 2, plannedYuan: 200 * WAN, actualYuan: 200 * WAN, missedMilestones: 0, colour: 'green' },
      { month: 3, plannedYuan: 500 * WAN, actualYuan: 320 * WAN, missedMilestones: 0, colour: 'yellow' },
      { month: 4, plannedYuan: 600 * WAN, actualYuan: 600 * WAN, missedMilestones: 0, colour: 'green' },
    ]);
    expect(record.months[11]).toMatchObject({ actualYuan: null, missedMilestones: 1, colour: null });
  });

  it('refuses a falling or negative month in Chinese, naming the month, and changes nothing', async () => {
    const falling = [...FRONT_LOADED];
    falling[3] = 400 * WAN;
    const res = await t.call('PUT', path(), { cookie: admin, body: { cumulativeYuan: falling } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('4 月末累计计划投资（400 万元）不能少于 3 月末（500 万元）');
    const negative = [...FRONT_LOADED];
    negative[0] = -1;
    const neg = await t.call('PUT', path(), { cookie: admin, body: { cumulativeYuan: negative } });
    expect(neg.json().message).toContain('1 月末累计计划投资不能为负数');
    const short = await t.call('PUT', path(), { cookie: admin, body: { cumulativeYuan: FRONT_LOADED.slice(0, 11) } });
    expect(short.json().message).toContain('1–12 月共 12 个月');
    const text = await t.call('PUT', path(), { cookie: admin, body: { cumulativeYuan: FRONT_LOADED.map((v, i) => (i === 6 ? '七百万' : v)) } });
    expect(text.json().message).toContain('7 月末累计计划投资请填写金额');
    expect((await plan()).months.map((m) => m.cumulativeYuan)).toEqual(FRONT_LOADED);
    expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, projectId), eq(auditLog.action, 'monthly_plan.save')))).toHaveLength(1);
  });

  it('may be changed only by those who may edit the project, within their data scope', async () => {
    const other = [...FRONT_LOADED].map((v) => v + WAN);
    for (const user of ['leader', 'hq', 'ziyuan']) {
      const res = await t.call('PUT', path(), { cookie: await t.login(user), body: { cumulativeYuan: other } });
      expect(res.statusCode, user).toBe(403);
    }
    for (const user of ['owner2', 'gaoxin']) {
      const cookie = await t.login(user);
      const res = await t.call('PUT', path(), { cookie, body: { cumulativeYuan: other } });
      expect(res.statusCode, user).toBe(404);
      expect((await t.call('DELETE', path(), { cookie })).statusCode, user).toBe(404);
    }
    expect((await t.call('GET', path(), { cookie: await t.login('owner2') })).statusCode).toBe(404);
    expect((await plan()).months.map((m) => m.cumulativeYuan)).toEqual(FRONT_LOADED);
    // The owner and the district's office may: the project is theirs.
    for (const user of ['owner', 'yuhu']) {
      const res = await t.call('PUT', path(), { cookie: await t.login(user), body: { cumulativeYuan: FRONT_LOADED } });
      expect(res.statusCode, user).toBe(200);
    }
  });

  it('returns to the curve on reset, and the record follows', async () => {
    const res = await t.call('DELETE', path(), { cookie: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as MonthlyPlanDto).source).toBe('curve');
    expect((await plan()).source).toBe('curve');
    expect((await colours()).slice(0, 4)).toEqual(['green', 'green', 'green', 'green']);
    expect(await boardColour(`${year}-04-08`)).toBe('green');
    const resets = () => t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, projectId), eq(auditLog.action, 'monthly_plan.reset')));
    expect(await resets()).toHaveLength(1);
    // Already on the curve: nothing to undo, nothing recorded.
    expect((await t.call('DELETE', path(), { cookie: admin })).statusCode).toBe(200);
    expect(await resets()).toHaveLength(1);
  });

  it('answers for a missing project or a bad year in Chinese', async () => {
    expect((await t.call('GET', `/api/projects/${crypto.randomUUID()}/monthly-plans/${year}`, { cookie: admin })).statusCode).toBe(404);
    const bad = await t.call('GET', `/api/projects/${projectId}/monthly-plans/1999`, { cookie: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('年份应在 2000–2100 之间');
  });
});
