import { beijingLocal, periodOf, previousPeriod } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { boardInputs } from './inputs.ts';

let t: TestApp;
let admin: string;
// Last week: its reports are in (or missing) in the demo data.
const week = previousPeriod(periodOf('week', beijingLocal(new Date()).slice(0, 10))).start;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

interface Line {
  item: { projectId: string; reportMissing: boolean };
  suggestedGrade: string | null;
  grade: string | null;
  gradeReason: string;
  rank: number | null;
}

describe('周晒榜 weekly board', () => {
  let boardId: string;
  let target: Line;

  it('proposes a grade per project from the rules', async () => {
    const res = await t.call('GET', `/api/boards/draft?week=${week}`, { cookie: admin });
    expect(res.statusCode).toBe(200);
    const lines = res.json().lines as Line[];
    expect(lines.length).toBeGreaterThan(50);
    for (const l of lines.filter((x) => x.item.reportMissing)) expect(l.suggestedGrade).toBe('poor');
    target = lines.find((l) => l.suggestedGrade === 'good' || l.suggestedGrade === 'fair')!;
    expect(target).toBeDefined();
  });

  it('counts no report as missing before the week\'s deadline', async () => {
    const w = periodOf('week', week);
    const before = await boardInputs(t.database.db, w, new Date(`${w.start}T09:00:00+08:00`));
    expect(before.projects.filter((p) => p.reportMissing)).toHaveLength(0);
    const after = await boardInputs(t.database.db, w, new Date(`${w.end}T09:00:00+08:00`));
    const draft = (await t.call('GET', `/api/boards/draft?week=${week}`, { cookie: admin })).json().lines as Line[];
    expect(after.projects.filter((p) => p.reportMissing).length).toBe(draft.filter((l) => l.item.reportMissing).length);
  });

  it('is for the office only', async () => {
    const owner = await t.login('owner');
    expect((await t.call('GET', `/api/boards/draft?week=${week}`, { cookie: owner })).statusCode).toBe(403);
  });

  it('takes an adjustment only with a written reason', async () => {
    const bare = await t.call('PUT', '/api/boards/adjustments', { cookie: admin, body: { week, projectId: target.item.projectId, grade: 'excellent', reason: '' } });
    expect(bare.statusCode).toBe(400);
    const ok = await t.call('PUT', '/api/boards/adjustments', { cookie: admin, body: { week, projectId: target.item.projectId, grade: 'excellent', reason: '现场观摩得分第一' } });
    expect(ok.statusCode).toBe(204);
    const lines = (await t.call('GET', `/api/boards/draft?week=${week}`, { cookie: admin })).json().lines as Line[];
    const line = lines.find((l) => l.item.projectId === target.item.projectId)!;
    expect(line.grade).toBe('excellent');
    expect(line.gradeReason).toBe('调整：现场观摩得分第一');
  });

  it('publishes an immutable version readable without signing in', async () => {
    const res = await t.call('POST', '/api/boards/publish', { cookie: admin, body: { week } });
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toBe(1);
    boardId = res.json().id;
    const pub = await t.call('GET', `/api/public/boards/${boardId}`);
    expect(pub.statusCode).toBe(200);
    const entry = pub.json().entries.find((e: { projectId: string }) => e.projectId === target.item.projectId);
    expect(entry.grade).toBe('excellent');
    expect((await t.call('GET', '/api/public/boards')).json()[0].id).toBe(boardId);
  });

  it('publishes a correction only with a note, saying what changed', async () => {
    await t.call('PUT', '/api/boards/adjustments', { cookie: admin, body: { week, projectId: target.item.projectId, grade: null } });
    const noNote = await t.call('POST', '/api/boards/publish', { cookie: admin, body: { week } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().message).toContain('更正说明');
    const v2 = await t.call('POST', '/api/boards/publish', { cookie: admin, body: { week, note: '撤销误调等次' } });
    expect(v2.json().version).toBe(2);
    const board = (await t.call('GET', `/api/public/boards/${v2.json().id}`)).json();
    expect(board.board.changeNote).toBe('撤销误调等次');
    expect(board.board.changes[0].what).toMatch(/^等次 优秀 → /);
    expect(board.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    // Version 1 is unchanged.
    const v1 = (await t.call('GET', `/api/public/boards/${boardId}`)).json();
    expect(v1.entries.find((e: { projectId: string }) => e.projectId === target.item.projectId).grade).toBe('excellent');
    // Version 1 was served (and kept) before the correction: it now lists the correction too.
    expect(v1.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('refuses a correction that changes nothing', async () => {
    const res = await t.call('POST', '/api/boards/publish', { cookie: admin, body: { week, note: '再发一次' } });
    expect(res.statusCode).toBe(409);
  });

  it('ranks regions with a red flag for the top and a warning for the bottom', async () => {
    const res = (await t.call('GET', `/api/public/boards/${boardId}/groups?groupBy=region`)).json();
    const rows = res.rows as { rank: number; redFlag: boolean; warning: boolean; projects: number }[];
    expect(rows.filter((r) => r.redFlag)).toHaveLength(1);
    expect(rows.find((r) => r.redFlag)!.rank).toBe(1);
    expect(rows.filter((r) => r.warning).length).toBeGreaterThanOrEqual(1);
  });
});
