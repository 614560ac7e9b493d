import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardEntries, boards, problems, projects, users } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock, ok, orgId, raise } from '../../../test/problems.ts';

const clock = fakeClock('2026-11-16T09:00');
let t: TestApp;
let admin: string, leader: string, hq: string;
let linked: string[];

beforeAll(async () => {
  t = await testApp({ boards: 2, now: clock.now, seedToday: clock.now() });
  admin = await t.login('admin');
  leader = await t.login('leader');
  hq = await t.login('hq');
  const [me] = await t.database.db.select({ personId: users.personId }).from(users).where(eq(users.username, 'leader'));
  linked = (await t.database.db.select({ id: projects.id }).from(projects).where(eq(projects.leaderPersonId, me!.personId!))).map((p) => p.id);
  const p = await raise(t, admin, { projectId: linked[0], title: '配套道路未贯通' });
  await ok(t, admin, p.id, 'assign', { leadOrgId: await orgId(t, '市交通运输局'), deadline: '2026-11-17' });
  clock.set('2026-11-19T09:00');
});
afterAll(async () => t?.close());

describe('我的项目 for leaders and HQs', () => {
  it('gives a leader its linked projects, furthest behind first, with grade and open problems', async () => {
    const res = (await t.call('GET', '/api/my/projects?asOf=2026-11-19', { cookie: leader })).json();
    const stats = (await t.call('GET', '/api/dashboard?year=2026&asOf=2026-11-19', { cookie: admin })).json();
    expect(res.timeProgress).toBe(stats.timeProgress);
    const inCampaign = res.projects.map((p: { id: string }) => p.id);
    expect(inCampaign.every((id: string) => linked.includes(id))).toBe(true);
    expect(inCampaign.length).toBeGreaterThan(0);
    const gaps = res.projects.map((p: { gapPoints: number | null }) => p.gapPoints).filter((g: number | null) => g !== null);
    expect([...gaps].sort((a, b) => a - b)).toEqual(gaps);
    expect(res.projects.some((p: { grade: string | null }) => p.grade !== null)).toBe(true);
    // Open and overdue problems per project, from the rows (the demo's included).
    const rows = await t.database.db.select().from(problems);
    for (const p of res.projects) {
      const open = rows.filter((r) => r.projectId === p.id && r.state !== 'closed');
      const overdue = open.filter((r) => ['assigned', 'signed'].includes(r.state) && r.deadline! < '2026-11-19');
      expect([p.openProblems, p.overdueProblems], p.name).toEqual([open.length, overdue.length]);
    }
    expect(res.projects.find((p: { id: string }) => p.id === linked[0]).overdueProblems).toBeGreaterThanOrEqual(1);
    expect(res.openProblems).toBe(res.projects.reduce((s: number, p: { openProblems: number }) => s + p.openProblems, 0));
  });

  it('carries the grade and the three-colour code of the latest published board', async () => {
    const res = (await t.call('GET', '/api/my/projects?asOf=2026-11-19', { cookie: leader })).json();
    const [board] = await t.database.db.select({ id: boards.id }).from(boards).orderBy(desc(boards.weekStart), desc(boards.version)).limit(1);
    const entries = await t.database.db.select().from(boardEntries).where(eq(boardEntries.boardId, board!.id));
    for (const p of res.projects) {
      const e = entries.find((x) => x.projectId === p.id);
      expect([p.gradeKey, p.colour], p.name).toEqual([e?.grade ?? null, e?.colour ?? null]);
    }
    expect(res.projects.some((p: { colour: string | null }) => p.colour !== null)).toBe(true);
  });

  it('gives an HQ the projects it follows', async () => {
    const res = (await t.call('GET', '/api/my/projects?asOf=2026-11-19', { cookie: hq })).json();
    const list = (await t.call('GET', '/api/projects?pageSize=200', { cookie: hq })).json().items.map((p: { id: string }) => p.id);
    expect(res.projects.length).toBeGreaterThan(0);
    for (const p of res.projects) expect(list).toContain(p.id);
  });
});
