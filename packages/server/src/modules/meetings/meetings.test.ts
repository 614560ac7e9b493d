import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock, ok, orgId, raise } from '../../../test/problems.ts';

const clock = fakeClock('2026-11-18T09:00');
let t: TestApp;
let admin: string, ziyuan: string, owner: string, leader: string;
let chairPersonId: string;
let overdueId: string;
let meeting: { id: string; title: string; version: number; agenda: { section: string; projectId: string | null; problemId: string | null; title: string; note: string }[] };

const ids = (list: { projectId: string | null }[]) => list.map((a) => a.projectId).sort();

beforeAll(async () => {
  t = await testApp({ now: clock.now, seedToday: clock.now() });
  admin = await t.login('admin');
  ziyuan = await t.login('ziyuan');
  owner = await t.login('owner');
  leader = await t.login('leader');
  const [me] = await t.database.db.select({ personId: users.personId }).from(users).where(eq(users.username, 'leader'));
  chairPersonId = me!.personId!;
  overdueId = (await raise(t, admin, { title: '供水管网迁改未完成', type: 'utilities' })).id;
  await ok(t, admin, overdueId, 'assign', { leadOrgId: await orgId(t, '市住房和城乡建设局'), deadline: '2026-11-19' });
  clock.set('2026-11-23T09:00');
});
afterAll(async () => t?.close());

describe('调度会 with an agenda from the data', () => {
  it('proposes lagging projects as the dashboard lists them, overdue problems, last week\'s missing reports and the chair\'s projects', async () => {
    const res = await t.call('POST', '/api/meetings', { cookie: admin, body: { kind: 'weekly', heldOn: '2026-11-23', chairPersonId, location: '市政府第一会议室' } });
    expect(res.statusCode, res.body).toBe(201);
    meeting = res.json();
    expect(meeting).toMatchObject({ title: '11月23日周调度', status: 'planned', chair: { id: chairPersonId } });
    const section = (s: string) => meeting.agenda.filter((a) => a.section === s);

    const dashboard = (await t.call('GET', '/api/dashboard?year=2026&asOf=2026-11-23', { cookie: admin })).json();
    expect(ids(section('lagging'))).toEqual(dashboard.lagging.map((l: { id: string }) => l.id).sort());
    expect(section('lagging').length).toBeGreaterThan(0);

    const overdue = (await t.call('GET', '/api/problems?queue=overdue&pageSize=200', { cookie: admin })).json().items.map((p: { id: string }) => p.id);
    expect(section('overdue_problem').map((a) => a.problemId).sort()).toEqual(overdue.sort());
    expect(section('overdue_problem').find((a) => a.problemId === overdueId)!.note).toContain('办理期限2026-11-19');

    const period = (await t.call('GET', '/api/reports/period?periodKind=week&date=2026-11-16', { cookie: admin })).json();
    const missing = period.rows.filter((r: { state: string }) => r.state !== 'submitted' && r.state !== 'approved');
    expect(ids(section('missing_report'))).toEqual(missing.map((r: { projectId: string }) => r.projectId).sort());

    const mine = (await t.call('GET', '/api/my/projects?asOf=2026-11-23', { cookie: leader })).json();
    const lagging = new Set(ids(section('lagging')));
    expect(ids(section('chair_project'))).toEqual(mine.projects.map((p: { id: string }) => p.id).filter((id: string) => !lagging.has(id)).sort());
  });

  it('takes the office\'s edits to the agenda and minutes, and refuses a stale edit', async () => {
    const agenda = [...meeting.agenda.slice(0, 2), { section: 'other', projectId: null, problemId: null, title: '研究四季度冲刺安排', note: '' }];
    const body = { version: meeting.version, title: meeting.title + '（第47周）', heldOn: '2026-11-23', location: '市政府第一会议室', chairPersonId, attendees: '市直相关部门负责人', status: 'held', minutes: '会议听取了进度汇报。\n会议要求各责任单位限期解决问题。', agenda };
    const res = await t.call('PUT', `/api/meetings/${meeting.id}`, { cookie: admin, body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'held', version: meeting.version + 1, agendaItems: 3 });
    expect(res.json().agenda.at(-1).title).toBe('研究四季度冲刺安排');
    expect((await t.call('PUT', `/api/meetings/${meeting.id}`, { cookie: admin, body })).statusCode).toBe(409);
    meeting = res.json();
  });

  it('turns a decision into a task assigned to its unit, which the unit then sees', async () => {
    const lead = await orgId(t, '市自然资源和规划局');
    const res = await t.call('POST', `/api/meetings/${meeting.id}/decisions`, { cookie: admin, body: { text: '市自然资源和规划局牵头，11月底前完成片区用地组卷报批', leadOrgId: lead, deadline: '2026-11-30' } });
    expect(res.statusCode, res.body).toBe(201);
    const decision = res.json().decisionList[0];
    expect(decision).toMatchObject({ kind: 'task', state: 'assigned', lead: '市自然资源和规划局', deadline: '2026-11-30' });
    const problem = (await t.call('GET', `/api/problems/${decision.problemId}`, { cookie: ziyuan })).json();
    expect(problem).toMatchObject({ source: 'meeting', meetingId: meeting.id, allowedActions: ['sign'] });
    const queue = (await t.call('GET', '/api/problems?queue=mine', { cookie: ziyuan })).json();
    expect(queue.items.map((p: { id: string }) => p.id)).toContain(decision.problemId);
    const byMeeting = (await t.call('GET', `/api/problems?meetingId=${meeting.id}`, { cookie: admin })).json();
    expect(byMeeting.total).toBe(1);
  });

  it('exports the brief and the minutes as Word documents', async () => {
    const brief = await t.call('GET', `/api/meetings/${meeting.id}/brief.docx`, { cookie: admin });
    expect(brief.statusCode).toBe(200);
    expect(brief.headers['content-type']).toContain('wordprocessingml');
    const briefXml = await (await JSZip.loadAsync(brief.rawPayload)).file('word/document.xml')!.async('string');
    expect(briefXml).toContain('会议材料');
    expect(briefXml).toContain('研究四季度冲刺安排');
    const minutes = await t.call('GET', `/api/meetings/${meeting.id}/minutes.docx`, { cookie: ziyuan });
    const xml = await (await JSZip.loadAsync(minutes.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('纪要');
    expect(xml).toContain('会议要求各责任单位限期解决问题');
    expect(xml).toContain('11月底前完成片区用地组卷报批');
    expect(xml).toContain('2026-11-30');
  });

  it('lets departments and owners read the meetings that concern them but only the office run them', async () => {
    expect((await t.call('GET', '/api/meetings', { cookie: ziyuan })).json().map((m: { id: string }) => m.id)).toContain(meeting.id);
    expect((await t.call('POST', '/api/meetings', { cookie: ziyuan, body: { kind: 'daily', heldOn: '2026-11-23' } })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/meetings', { cookie: owner })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/meetings', { cookie: owner, body: { kind: 'daily', heldOn: '2026-11-23' } })).statusCode).toBe(403);
  });

  it('proposes only problems for a daily consultation', async () => {
    const items = (await t.call('GET', '/api/meetings/agenda-proposal?kind=daily&heldOn=2026-11-23', { cookie: admin })).json();
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i: { section: string }) => i.section))).toEqual(new Set(['overdue_problem']));
  });
});
