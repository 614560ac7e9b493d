/**
 * Problems (问题交办): about one project in five has one, raised by its owner; part of them
 * assigned to a department with a deadline, part signed for, part closed. Each carries the
 * events the workflow would have written for its state.
 */
import { PROBLEM_TYPES, PROBLEM_SEVERITIES } from '@pacer/domain';
import { seededRandom } from '../../src/seed/random.ts';
import { json } from '../lib/csv.ts';
import { idFactory } from './ids.ts';
import type { World } from './world.ts';

const TITLES: Record<string, string> = {
  land: '项目用地报批进度滞后',
  funds: '专项债资金到位不及时',
  labour: '施工高峰期用工缺口较大',
  approval: '施工许可办理周期较长',
  utilities: '施工用电线路迁改未完成',
  demolition: '红线内征地拆迁尚未完成',
  environment: '环评批复等待时间较长',
  other: '周边道路交通组织需协调',
};

export interface GenProblems {
  problems: Record<string, unknown>[];
  handlers: Record<string, unknown>[];
  events: Record<string, unknown>[];
}

export function generateProblems(world: World, seed: number): GenProblems {
  const rnd = seededRandom(seed * 104_729 + 5);
  const problemId = idFactory(seed, 8);
  const eventId = idFactory(seed, 9);
  const depts = new Map<string, string[]>();
  for (const o of world.orgs) if (o.kind === 'department') depts.set(o.regionCode!, [...(depts.get(o.regionCode!) ?? []), o.id]);
  const out: GenProblems = { problems: [], handlers: [], events: [] };
  let number = 0;
  for (const p of world.projects) {
    if (p.status === 'reserve' || !rnd.chance(0.2)) continue;
    const id = problemId();
    const type = rnd.pick(PROBLEM_TYPES);
    const raisedOn = addDays(world.today, -rnd.int(3, 150));
    const roll = rnd.next();
    const state = roll < 0.15 ? 'raised' : roll < 0.45 ? 'assigned' : roll < 0.7 ? 'signed' : 'closed';
    const assignedOn = state === 'raised' ? null : addDays(raisedOn, 1);
    const lead = state === 'raised' ? null : rnd.pick(depts.get(p.prefecture)!);
    const deadline = assignedOn ? addDays(assignedOn, rnd.int(10, 40)) : null;
    const closedOn = state === 'closed' ? minDate(addDays(assignedOn!, rnd.int(5, 30)), addDays(world.today, -1)) : null;
    const last = closedOn ?? assignedOn ?? raisedOn;
    out.problems.push({
      id,
      number: ++number,
      kind: 'problem',
      projectId: p.id,
      source: 'owner',
      type,
      severity: rnd.pick(PROBLEM_SEVERITIES),
      title: TITLES[type],
      description: `${p.name}：${TITLES[type]}，请协调解决。`,
      state,
      level: 1,
      leadOrgId: lead,
      deadline,
      raisedOn,
      assignedOn: assignedOn,
      signedOn: state === 'signed' || state === 'closed' ? addDays(assignedOn!, 1) : null,
      resolvedOn: closedOn,
      closedOn,
      lastActivityOn: last,
      raiserOrgId: p.owner.id,
      raiserRole: 'owner',
      createdAt: new Date(`${raisedOn}T09:00:00+08:00`),
      updatedAt: new Date(`${last}T09:00:00+08:00`),
    });
    if (lead) out.handlers.push({ problemId: id, orgId: lead, role: 'lead' });
    const event = (action: string, from: string | null, to: string, on: string, orgId: string | null) =>
      out.events.push({ id: eventId(), problemId: id, action, fromState: from, toState: to, level: 1, note: '', data: json({}), orgId, at: new Date(`${on}T09:00:00+08:00`), on, seq: out.events.length + 1 });
    event('raise', null, 'raised', raisedOn, p.owner.id);
    if (assignedOn) event('assign', 'raised', 'assigned', assignedOn, null);
    if (state === 'signed' || state === 'closed') event('sign', 'assigned', 'signed', addDays(assignedOn!, 1), lead);
    if (closedOn) event('confirm', 'signed', 'closed', closedOn, p.owner.id);
  }
  return out;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
