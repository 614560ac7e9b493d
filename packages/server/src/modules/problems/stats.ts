/**
 * 问题办理 figures by type, lead department, region or HQ, for the problems page, the
 * dashboard and the bulletin. Rows are loaded once; the figures come from the domain.
 */
import { PROBLEM_TYPE_LABELS, problemFigures, type ProblemFact, type ProblemFigures, type ProblemType } from '@pacer/domain';
import { and, eq, gte, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Exec } from '../../db/exec.ts';
import { organisations, problems, projects, regions } from '../../db/schema.ts';
import type { UserContext } from '../auth/sessions.ts';
import { problemReadScope } from './scope.ts';

export const PROBLEM_GROUPS = ['type', 'department', 'region', 'hq'] as const;
export type ProblemGroup = (typeof PROBLEM_GROUPS)[number];

const lead = alias(organisations, 'lead');
const hq = alias(organisations, 'hq');

interface Fact extends ProblemFact {
  type: string;
  leadName: string | null;
  regionName: string | null;
  hqName: string | null;
}

/** Problems raised between two dates (inclusive) that the user may see; null user = everything. */
export async function problemFacts(db: Exec, user: UserContext | null, from: string, to: string): Promise<Fact[]> {
  const rows = await db
    .select({ p: problems, leadName: lead.name, regionName: regions.name, hqName: hq.name })
    .from(problems)
    .leftJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(lead, eq(lead.id, problems.leadOrgId))
    .leftJoin(hq, eq(hq.id, projects.hqOrgId))
    .where(and(user ? problemReadScope(user) : undefined, gte(problems.raisedOn, from), lte(problems.raisedOn, to)));
  return rows.map(({ p, ...names }) => ({
    state: p.state as ProblemFact['state'],
    solvedOnSpot: p.solvedOnSpot,
    raisedOn: p.raisedOn,
    assignedOn: p.assignedOn,
    deadline: p.deadline,
    resolvedOn: p.resolvedOn,
    closedOn: p.closedOn,
    type: p.type,
    ...names,
  }));
}

const keyOf: Record<ProblemGroup, (f: Fact) => string> = {
  type: (f) => PROBLEM_TYPE_LABELS[f.type as ProblemType] ?? f.type,
  department: (f) => f.leadName ?? '（未交办）',
  region: (f) => f.regionName ?? '（未关联项目）',
  hq: (f) => f.hqName ?? '（未分指挥部）',
};

export interface ProblemStatsRow extends ProblemFigures {
  group: string;
}

/** Figures per group and in total, ordered by most raised. */
export function groupProblemFigures(facts: Fact[], groupBy: ProblemGroup, today: string): { total: ProblemFigures; rows: ProblemStatsRow[] } {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) groups.set(keyOf[groupBy](f), [...(groups.get(keyOf[groupBy](f)) ?? []), f]);
  const rows = [...groups].map(([group, list]) => ({ group, ...problemFigures(list, today) }));
  rows.sort((a, b) => b.raised - a.raised || a.group.localeCompare(b.group, 'zh-CN'));
  return { total: problemFigures(facts, today), rows };
}
