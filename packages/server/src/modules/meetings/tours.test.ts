import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock } from '../../../test/problems.ts';

const clock = fakeClock('2026-11-23T09:00');
let t: TestApp;
let admin: string, leader: string;
let tour: { id: string; version: number };
let visited: { id: string; name: string; regionName: string }[];
let demoYear: { tours: number; rows: { key: string; scores: number }[] };

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now() });
  admin = await t.login('admin');
  leader = await t.login('leader');
  const list = (await t.call('GET', '/api/projects?pageSize=200&sort=name&order=asc', { cookie: admin })).json().items as { id: string; name: string }[];
  visited = [list[0]!, list[1]!, list[2]!].map((p) => ({ id: p.id, name: p.name, regionName: '' }));
  // The demo city's own tour this year, to tell this file's tour apart in the yearly ranking.
  demoYear = (await t.call('GET', '/api/meetings/tour-ranking?year=2026', { cookie: admin })).json();
  const res = await t.call('POST', '/api/meetings', { cookie: admin, body: { kind: 'tour', heldOn: '2026-11-23', title: '四季度重点项目现场观摩', proposeAgenda: false } });
  expect(res.statusCode, res.body).toBe(201);
  tour = res.json();
});
afterAll(async () => t?.close());

const score = (cookie: string, projectId: string, value: number, observer?: string) => t.call('PUT', `/api/meetings/${tour.id}/scores`, { cookie, body: { projectId, score: value, observer } });

describe('现场观摩 visits, scores and ranking', () => {
  it('records the projects visited', async () => {
    const res = await t.call('PUT', `/api/meetings/${tour.id}/visits`, { cookie: admin, body: { version: tour.version, visits: visited.map((v) => ({ projectId: v.id, note: '' })) } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().visits.map((v: { projectId: string }) => v.projectId)).toEqual(visited.map((v) => v.id));
    for (const v of res.json().visits) visited.find((x) => x.id === v.projectId)!.regionName = v.regionName;
  });

  it('takes scores: the office for named observers, a leader as itself only', async () => {
    const [a, b, c] = visited.map((v) => v.id) as [string, string, string];
    for (const [i, s] of [95, 90, 88, 86, 60].entries()) expect((await score(admin, a, s, `评委${i + 1}`)).statusCode).toBe(204);
    expect((await score(admin, b, 87, '评委1')).statusCode).toBe(204);
    expect((await score(leader, b, 85)).statusCode).toBe(204);
    expect((await score(leader, b, 83)).statusCode).toBe(204); // scoring again replaces
    expect((await score(leader, c, 70, '评委1')).statusCode).toBe(403);
    expect((await score(admin, c, 101, '评委1')).statusCode).toBe(400);
  });

  it('refuses a score for a project that was not visited', async () => {
    const others = (await t.call('GET', '/api/projects?pageSize=200&sort=name&order=desc', { cookie: admin })).json().items;
    expect((await score(admin, others[0].id, 80, '评委1')).statusCode).toBe(400);
  });

  it('ranks projects by trimmed average and regions by the average of their projects', async () => {
    const [a, b] = visited;
    const res = (await t.call('GET', `/api/meetings/${tour.id}/ranking?groupBy=project`, { cookie: leader })).json();
    // a: drop 95 and 60 → (90 + 88 + 86) / 3 = 88; b: (87 + 83) / 2 = 85.
    expect(res.rows.map((r: { key: string; average: number; rank: number; scores: number }) => [r.key, r.average, r.rank, r.scores])).toEqual([
      [a!.id, 88, 1, 5],
      [b!.id, 85, 2, 2],
    ]);
    const byRegion = (await t.call('GET', `/api/meetings/${tour.id}/ranking?groupBy=region`, { cookie: admin })).json().rows;
    const expected = new Map<string, number[]>();
    expected.set(a!.regionName, [88]);
    expected.set(b!.regionName, [...(expected.get(b!.regionName) ?? []), 85]);
    for (const [region, list] of expected) expect(byRegion.find((r: { name: string }) => r.name === region).average).toBe(list.reduce((x, y) => x + y, 0) / list.length);
    const year = (await t.call('GET', '/api/meetings/tour-ranking?year=2026', { cookie: admin })).json();
    expect(year).toMatchObject({ year: 2026, tours: demoYear.tours + 1 });
    // The year counts this tour's five sheets for a on top of whatever the demo tour gave it.
    const scoresOf = (ranking: { rows: { key: string; scores: number }[] }, id: string) => ranking.rows.find((r) => r.key === id)?.scores ?? 0;
    expect(scoresOf(year, a!.id)).toBe(scoresOf(demoYear, a!.id) + 5);
  });

  it('drops the scores of a project taken off the visits', async () => {
    const current = (await t.call('GET', `/api/meetings/${tour.id}`, { cookie: admin })).json();
    const res = await t.call('PUT', `/api/meetings/${tour.id}/visits`, { cookie: admin, body: { version: current.version, visits: [{ projectId: visited[1]!.id, note: '' }] } });
    expect(res.statusCode).toBe(200);
    const rows = (await t.call('GET', `/api/meetings/${tour.id}/ranking`, { cookie: admin })).json().rows;
    expect(rows.map((r: { key: string }) => r.key)).toEqual([visited[1]!.id]);
  });

  it('keeps visits and scores to tours', async () => {
    const weekly = (await t.call('POST', '/api/meetings', { cookie: admin, body: { kind: 'weekly', heldOn: '2026-11-23', proposeAgenda: false } })).json();
    expect((await t.call('PUT', `/api/meetings/${weekly.id}/visits`, { cookie: admin, body: { version: weekly.version, visits: [] } })).statusCode).toBe(409);
  });
});
