/**
 * Who sees a problem and in what part they act. A department sees only what was assigned to
 * it (as lead or co-handler); owners, regions and HQs see their projects' problems and those
 * they raised; the office and leaders see all. Actors come from the problem, not the role.
 */
import type { ProblemActor } from '@pacer/domain';
import { sql, type SQL } from 'drizzle-orm';
import { problems } from '../../db/schema.ts';
import type { UserContext } from '../auth/sessions.ts';
import { readScope } from '../projects/scope.ts';

const NOTHING = sql`false`;

/** A unit of the user's among the problem's handlers (a coordinator stands for its local government). */
export function handledByUser(user: UserContext, role?: 'lead'): SQL {
  const roleCond = role ? sql`and h.role = ${role}` : sql``;
  const region = user.role === 'coordinator' && user.regionCode ? sql`or (o.kind = 'government' and o.region_code = ${user.regionCode})` : sql``;
  const org = user.orgId ? sql`h.org_id = ${user.orgId}` : sql`false`;
  return sql`exists (select 1 from problem_handlers h join organisations o on o.id = h.org_id where h.problem_id = ${problems.id} ${roleCond} and (${org} ${region}))`;
}

/** Raised by the user, the user's unit, the user's region, or (for the office) the office. */
export function raisedByUser(user: UserContext): SQL {
  const parts = [sql`${problems.raisedBy} = ${user.id}`];
  if (user.orgId) parts.push(sql`${problems.raiserOrgId} = ${user.orgId}`);
  if (user.role === 'office') parts.push(sql`${problems.raiserRole} = 'office'`);
  if (user.role === 'coordinator' && user.regionCode) parts.push(sql`(${problems.raiserRole} = 'coordinator' and ${problems.raiserRegionCode} = ${user.regionCode})`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

function onVisibleProject(user: UserContext): SQL {
  const scope = readScope(user);
  return sql`${problems.projectId} in (select projects.id from projects where ${scope ?? sql`true`})`;
}

/** Problems the user may read. */
export function problemReadScope(user: UserContext): SQL | undefined {
  switch (user.role) {
    case 'office':
    case 'leader':
      return undefined;
    case 'department':
      return user.orgId ? handledByUser(user) : NOTHING;
    case 'owner':
    case 'hq':
    case 'coordinator':
      return sql`(${onVisibleProject(user)} or ${raisedByUser(user)} or ${handledByUser(user)})`;
  }
}

export interface HandlerUnit {
  orgId: string;
  role: string;
  kind: string;
  regionCode: string | null;
}

export interface ProblemParties {
  raisedBy: string | null;
  raiserOrgId: string | null;
  raiserRole: string;
  raiserRegionCode: string | null;
}

const standsFor = (user: UserContext, h: HandlerUnit) => user.orgId === h.orgId || (user.role === 'coordinator' && h.kind === 'government' && h.regionCode !== null && h.regionCode === user.regionCode);

/** The parts the user plays in this problem. */
export function actorsOf(user: UserContext, p: ProblemParties, handlers: readonly HandlerUnit[]): ProblemActor[] {
  const actors: ProblemActor[] = [];
  if (user.role === 'office') actors.push('office');
  if (handlers.some((h) => h.role === 'lead' && standsFor(user, h))) actors.push('lead');
  if (handlers.some((h) => h.role === 'cohandler' && standsFor(user, h))) actors.push('cohandler');
  const raiser =
    p.raisedBy === user.id ||
    (p.raiserOrgId !== null && p.raiserOrgId === user.orgId) ||
    (p.raiserRole === 'office' && user.role === 'office') ||
    (p.raiserRole === 'coordinator' && user.role === 'coordinator' && p.raiserRegionCode === user.regionCode);
  if (raiser) actors.push('raiser');
  return actors;
}

/**
 * Waiting for the user (我的待办): the office assigns, re-checks and decides on extensions; handlers sign and reply;
 * raisers confirm; a leader watches problems escalated to it.
 */
export function waitingFor(user: UserContext, principal: boolean): SQL {
  const parts: SQL[] = [];
  if (user.role === 'office') {
    parts.push(sql`${problems.state} in ('raised', 'replied')`);
    parts.push(sql`exists (select 1 from problem_extensions x where x.problem_id = ${problems.id} and x.status = 'pending')`);
  }
  if (user.orgId || user.role === 'coordinator') {
    parts.push(sql`(${problems.state} = 'assigned' and ${handledByUser(user, 'lead')})`);
    parts.push(sql`(${problems.state} = 'signed' and ${handledByUser(user)})`);
  }
  parts.push(sql`(${problems.state} = 'reviewed' and ${raisedByUser(user)})`);
  if (user.role === 'leader') {
    const linked = user.personId ? sql`${problems.projectId} in (select id from projects where leader_person_id = ${user.personId})` : sql`false`;
    parts.push(sql`(${problems.state} in ('assigned', 'signed') and ((${problems.level} >= 2 and ${linked}) ${principal ? sql`or ${problems.level} = 3` : sql``}))`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}
