/** What goes over the wire about a problem: rows joined with names, never the table's shape. */
import { workingDaysBetween, isOverdue, type HolidayCalendar, type ProblemSummary } from '@pacer/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Exec } from '../../db/exec.ts';
import { organisations, problemHandlers, problems, projects, regions, users } from '../../db/schema.ts';

const leadOrg = alias(organisations, 'lead_org');
const raiserOrg = alias(organisations, 'raiser_org');
const raiser = alias(users, 'raiser');

/** problems with the names a summary shows; add where/order/limit. */
export function selectProblems(db: Exec) {
  return db
    .select({ p: problems, projectName: projects.name, regionName: regions.name, leadName: leadOrg.name, raisedByName: raiser.displayName, raiserOrgName: raiserOrg.name })
    .from(problems)
    .leftJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(leadOrg, eq(leadOrg.id, problems.leadOrgId))
    .leftJoin(raiser, eq(raiser.id, problems.raisedBy))
    .leftJoin(raiserOrg, eq(raiserOrg.id, problems.raiserOrgId));
}

/** The same joins for counting. */
export function countProblems(db: Exec) {
  return db.select({ id: problems.id }).from(problems).leftJoin(projects, eq(projects.id, problems.projectId));
}

export interface ProblemRow {
  p: typeof problems.$inferSelect;
  projectName: string | null;
  regionName: string | null;
  leadName: string | null;
  raisedByName: string | null;
  raiserOrgName: string | null;
}

export async function coHandlersOf(db: Exec, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string }[]>();
  const rows = await db
    .select({ problemId: problemHandlers.problemId, id: organisations.id, name: organisations.name })
    .from(problemHandlers)
    .innerJoin(organisations, eq(organisations.id, problemHandlers.orgId))
    .where(inArray(problemHandlers.problemId, ids))
    .orderBy(asc(organisations.name));
  const map = new Map<string, { id: string; name: string }[]>();
  for (const r of rows.filter((x) => x.id)) map.set(r.problemId, [...(map.get(r.problemId) ?? []), { id: r.id, name: r.name }]);
  return map;
}

export function presentSummary(row: ProblemRow, coHandlers: { id: string; name: string }[], today: string, calendar: HolidayCalendar): ProblemSummary {
  const p = row.p;
  const open = p.state !== 'closed';
  return {
    id: p.id,
    number: p.number,
    kind: p.kind as ProblemSummary['kind'],
    projectId: p.projectId,
    projectName: row.projectName,
    regionName: row.regionName,
    type: p.type as ProblemSummary['type'],
    severity: p.severity as ProblemSummary['severity'],
    source: p.source as ProblemSummary['source'],
    title: p.title,
    state: p.state as ProblemSummary['state'],
    level: p.level,
    lead: p.leadOrgId && row.leadName ? { id: p.leadOrgId, name: row.leadName } : null,
    coHandlers: coHandlers.filter((c) => c.id !== p.leadOrgId),
    deadline: p.deadline,
    workingDaysLeft: open && p.deadline ? workingDaysBetween(today, p.deadline, calendar) : null,
    overdue: isOverdue({ state: p.state as ProblemSummary['state'], deadline: p.deadline }, today),
    raisedOn: p.raisedOn,
    raisedBy: row.raisedByName,
    raiserOrgName: row.raiserOrgName,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}
