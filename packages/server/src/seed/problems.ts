/**
 * Demo problems and one dispatch meeting, so the problem and meeting pages show something on
 * first start: one problem in each state, dated over the last weeks, walked through the real
 * workflow (so their history and notices are what the app itself would have written).
 */
import { beijingLocal, CHINA_HOLIDAYS, periodOf, DEFAULT_ESCALATION, isWorkingDay, type ProblemAction, type Role, type StepBody } from '@pacer/domain';
import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations, problems, projects } from '../db/schema.ts';
import type { UserContext } from '../modules/auth/sessions.ts';
import { addDecision, createMeeting } from '../modules/meetings/service.ts';
import { setScore, setVisits } from '../modules/meetings/tours.ts';
import { raiseProblem, step, type ActContext } from '../modules/problems/service.ts';

export interface SeedAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  regionCode: string | null;
  personId: string | null;
}

/** The date `n` working days before `date`. */
function workingDaysBefore(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

export async function seedProblems(db: Db, accounts: SeedAccount[], today: Date): Promise<number> {
  const todayText = beijingLocal(today).slice(0, 10);
  const as = (username: string): UserContext => ({ ...accounts.find((a) => a.username === username)!, orgName: null });
  const on = (daysAgo: number): ActContext => {
    const day = workingDaysBefore(todayText, daysAgo);
    // The same time of day as the seed's "now", so nothing is dated after it.
    const timeOfDay = today.getTime() - Date.parse(`${todayText}T00:00:00+08:00`);
    return { now: new Date(Date.parse(`${day}T00:00:00+08:00`) + timeOfDay), today: day, calendar: CHINA_HOLIDAYS, rules: DEFAULT_ESCALATION };
  };
  const org = async (name: string) => (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)))[0]!.id;
  const projectOf = async (where: SQL) => (await db.select({ id: projects.id }).from(projects).where(where).limit(1))[0]!.id;
  const owner = as('owner');
  const owner2 = as('owner2');
  const ownerProject = await projectOf(eq(projects.ownerOrgId, owner.orgId!));
  const owner2Project = await projectOf(eq(projects.ownerOrgId, owner2.orgId!));
  const yuhuProject = await projectOf(eq(projects.regionCode, '430302'));
  const ziyuan = await org('市自然资源和规划局');
  const power = await org('市供电公司');
  const housing = await org('市住房和城乡建设局');

  const walk = async (id: string, steps: [string, ProblemAction, number, Omit<StepBody, 'version'>?][]) => {
    for (const [who, action, daysAgo, body] of steps) {
      const version = await currentVersion(db, id);
      await db.transaction((tx) => step(tx, as(who), id, action, { version, ...body }, on(daysAgo)));
    }
  };
  const raise = (who: string, daysAgo: number, input: { projectId: string | null; type: string; severity?: string; title: string; description: string }) =>
    db.transaction((tx) => raiseProblem(tx, as(who), { reportId: null, serviceTeamOrgId: null, severity: 'normal', ...input } as never, on(daysAgo)));

  // Past its deadline while being handled: the scheduler escalates it.
  const land = await raise('owner', 14, { projectId: ownerProject, type: 'land', severity: 'major', title: '二期用地报批未获省厅批复', description: '二期 86 亩用地组卷已上报省厅，尚未批复，影响主体开工。' });
  await walk(land, [
    ['admin', 'assign', 13, { leadOrgId: ziyuan, note: '请加快与省厅对接' }],
    ['ziyuan', 'sign', 12],
    ['ziyuan', 'progress', 8, { note: '已赴省厅汇报，待补充耕地占补平衡材料' }],
  ]);
  // Assigned two days ago and still unsigned: chased.
  const power2 = await raise('owner2', 3, { projectId: owner2Project, type: 'utilities', severity: 'urgent', title: '施工临时用电容量不足', description: '现有 630kVA 变压器不能满足塔吊和搅拌站同时用电。' });
  await walk(power2, [['admin', 'assign', 2, { leadOrgId: power, coHandlerOrgIds: [housing] }]]);
  // Answered; waiting for the office's re-check.
  const deed = await raise('owner2', 9, { projectId: owner2Project, type: 'approval', title: '不动产权证办理缓慢', description: '土地出让金已缴清，不动产权证仍未办出，影响施工许可办理。' });
  await walk(deed, [
    ['admin', 'assign', 8, { leadOrgId: ziyuan }],
    ['ziyuan', 'sign', 7],
    ['ziyuan', 'reply', 1, { note: '不动产权证已于今日办结，请项目单位领取' }],
  ]);
  // Just raised by a region: waiting to be assigned.
  await raise('yuhu', 0, { projectId: yuhuProject, type: 'demolition', title: '红线内 3 户房屋征收未完成', description: '项目红线内仍有 3 户未签订征收协议，需区、街道联合攻坚。' });
  // Solved on the spot (立行立改).
  const spot = await raise('owner', 6, { projectId: ownerProject, type: 'approval', title: '施工许可办理材料不清', description: '对施工许可所需材料清单存在疑问。' });
  await walk(spot, [['admin', 'solveOnSpot', 6, { note: '行政审批服务局现场指导，当日受理' }]]);
  // The whole way round: assigned, signed, answered, re-checked, confirmed by the owner.
  const done = await raise('owner', 20, { projectId: ownerProject, type: 'land', title: '临时用地审批', description: '钢筋加工场需临时用地 12 亩。' });
  await walk(done, [
    ['admin', 'assign', 19, { leadOrgId: ziyuan }],
    ['ziyuan', 'sign', 18],
    ['ziyuan', 'reply', 12, { note: '临时用地已批复' }],
    ['admin', 'recheck', 11],
    ['owner', 'confirm', 10, { note: '已解决' }],
  ]);
  // Re-checked; waiting for the HQ that raised it to confirm.
  const hqProject = await projectOf(eq(projects.hqOrgId, as('hq').orgId!));
  const review = await raise('hq', 10, { projectId: hqProject, type: 'land', title: '园区道路用地未移交', description: '配套道路用地尚未移交施工单位。' });
  await walk(review, [
    ['admin', 'assign', 9, { leadOrgId: ziyuan }],
    ['ziyuan', 'sign', 9],
    ['ziyuan', 'reply', 4, { note: '用地已移交' }],
    ['admin', 'recheck', 3],
  ]);

  // This week's dispatch meeting, chaired by the demo leader, with one decision.
  const admin = as('admin');
  const chair = as('leader').personId;
  const heldOn = periodOf('week', todayText).start;
  const meeting = await createMeeting(db, admin, { kind: 'weekly', heldOn, chairPersonId: chair, location: '市政府第一会议室', attendees: '市直相关部门、各县市区分管负责人', gapThreshold: 10, proposeAgenda: true }, on(0).now);
  await addDecision(db, admin, meeting, { text: '市住房和城乡建设局牵头，两周内协调解决重点项目技术工人缺口', kind: 'task', projectId: null, type: 'labour', severity: 'normal', leadOrgId: housing, coHandlerOrgIds: [], deadline: null }, on(0));
  await seedTour(db, admin, as('leader'), [ownerProject, owner2Project, yuhuProject, hqProject], on(15).now);
  return 8;
}

/**
 * Last month's 现场观摩: four projects visited, paper score sheets entered by the office for
 * two observers and the leader's own, so the tour ranking shows a real spread.
 */
async function seedTour(db: Db, office: UserContext, leader: UserContext, visited: string[], now: Date): Promise<void> {
  const heldOn = beijingLocal(now).slice(0, 10);
  const tour = await createMeeting(db, office, { kind: 'tour', heldOn, chairPersonId: leader.personId, location: '各观摩点', attendees: '市四大家领导、各县市区党政主要负责人', gapThreshold: 10, proposeAgenda: false }, now);
  const projectIds = [...new Set(visited)];
  await setVisits(db, office, tour, { version: 1, visits: projectIds.map((projectId) => ({ projectId, note: '' })) }, now);
  const sheets: [UserContext, string | undefined, number[]][] = [
    [office, '评委甲', [92, 85, 78, 88]],
    [office, '评委乙', [90, 82, 80, 91]],
    [leader, undefined, [95, 84, 76, 89]],
  ];
  for (const [user, observer, scores] of sheets) {
    for (const [i, projectId] of projectIds.entries()) await setScore(db, user, tour, { projectId, score: scores[i]!, comment: '', observer }, now);
  }
}

async function currentVersion(db: Db, id: string): Promise<number> {
  const [p] = await db.select({ version: problems.version }).from(problems).where(eq(problems.id, id));
  return p!.version;
}
