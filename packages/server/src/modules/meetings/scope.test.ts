/**
 * Who reads which meeting, checked against what each user may see elsewhere: a unit reads a
 * meeting whose agenda, decisions or tour concern its projects or problems, or that it attends;
 * anything else is a 404, exports and rankings included. Only the office runs meetings.
 */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingAgendaItems, meetingAttendeeOrgs, meetingDecisions, meetings, meetingScores, meetingVisits, organisations, projects, users } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock, orgId } from '../../../test/problems.ts';

const clock = fakeClock('2026-11-23T09:00');
let t: TestApp;
const cookies: Record<string, string> = {};
const USERS = ['admin', 'yuhu', 'gaoxin', 'hq', 'ziyuan', 'huanbao', 'owner', 'owner2', 'leader'];
const named: Record<string, string> = {};
let ziyuanOrg: string, huanbaoOrg: string;

/** A project of this owner or HQ that neither department is responsible for, so neither may see it. */
async function projectOf(column: 'ownerOrgId' | 'hqOrgId', org: string): Promise<string> {
  const rows = await t.database.db.select().from(projects).where(eq(projects[column], org)).orderBy(projects.name);
  const id = rows.find((p) => p.responsibleOrgId !== ziyuanOrg && p.responsibleOrgId !== huanbaoOrg)?.id;
  if (!id) throw new Error(`no project for ${column} ${org} outside both departments`);
  return id;
}

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

async function visibleMeetings(username: string): Promise<string[]> {
  const res = await t.call('GET', '/api/meetings', { cookie: cookies[username] });
  expect(res.statusCode, res.body).toBe(200);
  return ids(res.json());
}

/**
 * The expected set, written out again from the tables and from what the user's own project and
 * problem lists show, independently of the SQL that decides it.
 */
async function expectedMeetings(username: string): Promise<string[]> {
  const db = t.database.db;
  const all = await db.select({ id: meetings.id }).from(meetings);
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (u!.role === 'office' || u!.role === 'leader') return ids(all);
  const projects = new Set(ids((await t.call('GET', '/api/projects?pageSize=200', { cookie: cookies[username] })).json().items));
  const problems = new Set(ids((await t.call('GET', '/api/problems?pageSize=200', { cookie: cookies[username] })).json().items));
  const agenda = await db.select().from(meetingAgendaItems);
  const decisions = await db.select().from(meetingDecisions);
  const visits = await db.select().from(meetingVisits);
  const scores = await db.select().from(meetingScores);
  const attendees = await db.select({ meetingId: meetingAttendeeOrgs.meetingId, orgId: organisations.id, kind: organisations.kind, regionCode: organisations.regionCode }).from(meetingAttendeeOrgs).innerJoin(organisations, eq(organisations.id, meetingAttendeeOrgs.orgId));
  const concerns = (id: string) =>
    agenda.some((a) => a.meetingId === id && ((a.projectId !== null && projects.has(a.projectId)) || (a.problemId !== null && problems.has(a.problemId)))) ||
    decisions.some((d) => d.meetingId === id && problems.has(d.problemId)) ||
    visits.some((v) => v.meetingId === id && projects.has(v.projectId)) ||
    attendees.some((a) => a.meetingId === id && (a.orgId === u!.orgId || (u!.role === 'coordinator' && a.kind === 'government' && a.regionCode === u!.regionCode))) ||
    scores.some((s) => s.meetingId === id && s.enteredBy === u!.id);
  return all
    .map((m) => m.id)
    .filter(concerns)
    .sort();
}

async function create(body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await t.call('POST', '/api/meetings', { cookie: cookies.admin, body: { heldOn: '2026-11-23', proposeAgenda: false, ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await testApp({ reports: false, now: clock.now, seedToday: clock.now() });
  cookies.admin = await t.login('admin');
  // A second department, so that one department's meetings can be shown to stay its own.
  const made = await t.call('POST', '/api/users', { cookie: cookies.admin, body: { username: 'huanbao', password: 'Huanbao-2026!', displayName: '市生态环境局', role: 'department', orgId: await orgId(t, '市生态环境局') } });
  expect(made.statusCode, made.body).toBe(201);
  for (const u of USERS) if (!cookies[u]) cookies[u] = await t.login(u, u === 'huanbao' ? 'Huanbao-2026!' : undefined);
  ziyuanOrg = await orgId(t, '市自然资源和规划局');
  huanbaoOrg = await orgId(t, '市生态环境局');
  const userOrg = async (username: string) => (await t.database.db.select({ orgId: users.orgId }).from(users).where(eq(users.username, username)))[0]!.orgId!;

  // Proposed from the data, as the office would hold it.
  named.proposed = (await create({ kind: 'weekly', proposeAgenda: true, title: '第47周周调度' })).id;
  // Its only business is a task decided for 自然资源局.
  const decided = await create({ kind: 'monthly', title: '11月月调度' });
  named.decided = decided.id;
  const decision = await t.call('POST', `/api/meetings/${decided.id}/decisions`, { cookie: cookies.admin, body: { text: '自然资源局牵头完成片区用地组卷报批', leadOrgId: ziyuanOrg, deadline: '2026-11-30' } });
  expect(decision.statusCode, decision.body).toBe(201);
  // One project of the owner's on the agenda, nothing else.
  // Outside both departments' responsibility, so only the owner's side may see this meeting.
  const ownerProject = { id: await projectOf('ownerOrgId', await userOrg('owner')) };
  const onAgenda = await create({ kind: 'daily', title: '业主项目专题会商' });
  named.ownerAgenda = onAgenda.id;
  const edited = await t.call('PUT', `/api/meetings/${onAgenda.id}`, {
    cookie: cookies.admin,
    body: { version: onAgenda.version, title: '业主项目专题会商', heldOn: '2026-11-23', location: null, chairPersonId: null, attendees: '', status: 'planned', minutes: '', agenda: [{ section: 'other', projectId: ownerProject.id, title: '研究项目二期用地', note: '' }] },
  });
  expect(edited.statusCode, edited.body).toBe(200);
  // Attended by 自然资源局 and 雨湖区人民政府, with no agenda.
  named.attended = (await create({ kind: 'quarterly', title: '三季度通报会', attendeeOrgIds: [ziyuanOrg, await orgId(t, '雨湖区人民政府')] })).id;
  // A tour visiting one of the HQ's projects.
  const hqProject = { id: await projectOf('hqOrgId', await userOrg('hq')) };
  const tour = await create({ kind: 'tour', title: '指挥部项目现场观摩' });
  named.tour = tour.id;
  expect((await t.call('PUT', `/api/meetings/${tour.id}/visits`, { cookie: cookies.admin, body: { version: tour.version, visits: [{ projectId: hqProject.id }] } })).statusCode).toBe(200);
  named.hqProject = hqProject.id;
  // Concerns nobody but those who read everything.
  named.empty = (await create({ kind: 'daily', title: '竞赛办内部会商' })).id;
});
afterAll(async () => t?.close());

describe('meeting data scope', () => {
  it('shows each user exactly the meetings that concern it; the office and leaders all', async () => {
    for (const u of USERS) expect(await visibleMeetings(u), u).toEqual(await expectedMeetings(u));
    expect(await visibleMeetings('leader')).toHaveLength((await t.database.db.select({ id: meetings.id }).from(meetings)).length);
  });

  it('lets a department read what was decided for it or what it attends, and nothing of another department', async () => {
    const ziyuan = await visibleMeetings('ziyuan');
    expect(ziyuan).toEqual(expect.arrayContaining([named.decided, named.attended]));
    expect(ziyuan).not.toContain(named.empty);
    expect(ziyuan).not.toContain(named.ownerAgenda);
    const huanbao = await visibleMeetings('huanbao');
    for (const m of [named.decided, named.attended, named.empty, named.ownerAgenda]) expect(huanbao).not.toContain(m);
    expect((await t.call('GET', `/api/meetings/${named.decided}`, { cookie: cookies.ziyuan })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/meetings/${named.decided}`, { cookie: cookies.huanbao })).statusCode).toBe(404);
  });

  it('lets an owner read a meeting that took up its project, and another owner not', async () => {
    expect((await t.call('GET', `/api/meetings/${named.ownerAgenda}`, { cookie: cookies.owner })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/meetings/${named.ownerAgenda}`, { cookie: cookies.owner2 })).statusCode).toBe(404);
    expect(await visibleMeetings('owner2')).not.toContain(named.ownerAgenda);
  });

  it('counts a region as attending when its government was invited', async () => {
    expect(await visibleMeetings('yuhu')).toContain(named.attended);
    expect(await visibleMeetings('gaoxin')).not.toContain(named.attended);
    const detail = (await t.call('GET', `/api/meetings/${named.attended}`, { cookie: cookies.yuhu })).json();
    expect(detail.attendeeUnits.map((u: { name: string }) => u.name).sort()).toEqual(['市自然资源和规划局', '雨湖区人民政府'].sort());
  });

  it('keeps the Word papers to the same readers', async () => {
    for (const paper of ['brief', 'minutes']) {
      const mine = await t.call('GET', `/api/meetings/${named.decided}/${paper}.docx`, { cookie: cookies.ziyuan });
      expect(mine.statusCode).toBe(200);
      const xml = await (await JSZip.loadAsync(mine.rawPayload)).file('word/document.xml')!.async('string');
      expect(xml).toContain('11月月调度');
      expect((await t.call('GET', `/api/meetings/${named.decided}/${paper}.docx`, { cookie: cookies.huanbao })).statusCode).toBe(404);
      expect((await t.call('GET', `/api/meetings/${named.empty}/${paper}.docx`, { cookie: cookies.ziyuan })).statusCode).toBe(404);
    }
    const attended = await t.call('GET', `/api/meetings/${named.attended}/minutes.docx`, { cookie: cookies.ziyuan });
    const xml = await (await JSZip.loadAsync(attended.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('参会单位：');
  });

  it('lets an HQ score and rank the tour of its projects only', async () => {
    expect(await visibleMeetings('hq')).toContain(named.tour);
    const yearly = async (user: string) => (await t.call('GET', '/api/meetings/tour-ranking?year=2026', { cookie: cookies[user] })).json();
    // The demo city has a tour of its own; what matters is that this one stays hidden from 生态环境局.
    const before = await yearly('huanbao');
    const score = (cookie: string) => t.call('PUT', `/api/meetings/${named.tour}/scores`, { cookie, body: { projectId: named.hqProject, score: 92 } });
    expect((await score(cookies.hq!)).statusCode).toBe(204);
    expect((await t.call('GET', `/api/meetings/${named.tour}/ranking`, { cookie: cookies.hq })).json().rows[0]).toMatchObject({ key: named.hqProject, average: 92 });
    expect((await t.call('GET', `/api/meetings/${named.tour}/ranking`, { cookie: cookies.huanbao })).statusCode).toBe(404);
    expect(await yearly('huanbao')).toEqual(before);
    expect((await yearly('admin')).tours).toBe(before.tours + 1);
    // The HQ sees its own score sheet; the office sees every sheet.
    const mine = (await t.call('GET', `/api/meetings/${named.tour}`, { cookie: cookies.hq })).json().scoreSheets;
    expect(mine).toEqual([expect.objectContaining({ projectId: named.hqProject, score: 92, mine: true })]);
  });

  it('lets only the office create and edit meetings', async () => {
    const current = (await t.call('GET', `/api/meetings/${named.decided}`, { cookie: cookies.admin })).json();
    const edit = { version: current.version, title: current.title, heldOn: current.heldOn, location: null, chairPersonId: null, attendees: '', status: 'held', minutes: '改', agenda: [] };
    for (const u of USERS.filter((x) => x !== 'admin')) {
      expect((await t.call('POST', '/api/meetings', { cookie: cookies[u], body: { kind: 'daily', heldOn: '2026-11-23' } })).statusCode, u).toBe(403);
      expect((await t.call('PUT', `/api/meetings/${named.decided}`, { cookie: cookies[u], body: edit })).statusCode, u).toBe(403);
      expect((await t.call('POST', `/api/meetings/${named.decided}/decisions`, { cookie: cookies[u], body: { text: '越权的决定', leadOrgId: ziyuanOrg } })).statusCode, u).toBe(403);
    }
    expect((await t.call('PUT', `/api/meetings/${named.decided}`, { cookie: cookies.admin, body: edit })).statusCode).toBe(200);
  });

  it('refuses an attending unit that does not exist', async () => {
    const res = await t.call('POST', '/api/meetings', { cookie: cookies.admin, body: { kind: 'daily', heldOn: '2026-11-23', proposeAgenda: false, attendeeOrgIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('参会单位中有不存在的单位');
  });
});
