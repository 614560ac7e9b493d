/**
 * What the database already holds for a batch of ledger rows, fetched in a few queries per
 * batch (not per row): the projects by code or name, whether the importer may write them,
 * their plans and funding, and their reports around the reporting month.
 */
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { progressReports, projectAnnualPlans, projectFunding, projects } from '../../db/schema.ts';
import { readScope, writeScope } from '../projects/scope.ts';
import { COUNTING_STATUSES } from '../reports/context.ts';
import { scopeUser, type Actor } from './actor.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type ReportRow = typeof progressReports.$inferSelect;

export interface ExistingProject {
  row: ProjectRow;
  plans: (typeof projectAnnualPlans.$inferSelect)[];
  funding: { source: string; amountYuan: number }[];
  /** Inside the importer's read scope (else it is treated as unknown to them). */
  visible: boolean;
  writable: boolean;
}

export interface ExistingBatch {
  byCode: Map<string, ExistingProject>;
  /** name → projects of that name (in any region). */
  byName: Map<string, ExistingProject[]>;
}

/**
 * `column in (…)` for a batch's keys as one JSON parameter: a thousand values cost one bound
 * parameter instead of a thousand, on both engines.
 */
const among = (column: AnyPgColumn, values: string[]) => sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
const amongIds = (column: AnyPgColumn, ids: string[]) => sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;

/** Rows grouped by their project, in one pass. */
function byProject<T extends { projectId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.projectId);
    if (list) list.push(r);
    else out.set(r.projectId, [r]);
  }
  return out;
}

export async function existingProjects(db: Db, actor: Actor, codes: string[], names: string[]): Promise<ExistingBatch> {
  const byCode = new Map<string, ExistingProject>();
  const byName = new Map<string, ExistingProject[]>();
  if (!codes.length && !names.length) return { byCode, byName };
  const match = or(codes.length ? among(projects.code, codes) : undefined, names.length ? among(projects.name, names) : undefined);
  const rows = await db.select().from(projects).where(and(isNull(projects.deletedAt), match));
  if (!rows.length) return { byCode, byName };
  const ids = rows.map((r) => r.id);
  const user = scopeUser(actor);
  const [visible, writable, plans, funding] = await Promise.all([
    idsWhere(db, ids, readScope(user)),
    idsWhere(db, ids, writeScope(user)),
    db.select().from(projectAnnualPlans).where(amongIds(projectAnnualPlans.projectId, ids)).then(byProject),
    db.select().from(projectFunding).where(amongIds(projectFunding.projectId, ids)).then(byProject),
  ]);
  for (const row of rows) {
    const p: ExistingProject = {
      row,
      plans: plans.get(row.id) ?? [],
      funding: (funding.get(row.id) ?? []).map((f) => ({ source: f.source, amountYuan: f.amountYuan })),
      visible: visible.has(row.id),
      writable: writable.has(row.id),
    };
    if (row.code) byCode.set(row.code, p);
    byName.set(row.name, [...(byName.get(row.name) ?? []), p]);
  }
  return { byCode, byName };
}

async function idsWhere(db: Db, ids: string[], scope: ReturnType<typeof readScope>): Promise<Set<string>> {
  const rows = await db.select({ id: projects.id }).from(projects).where(and(amongIds(projects.id, ids), scope));
  return new Set(rows.map((r) => r.id));
}

export interface ReportSituation {
  /** The report of the reporting month itself, when there is one. */
  current: ReportRow | null;
  /** The last counting monthly report of the same year before it. */
  previous: ReportRow | null;
  /** 本年累计 of recent counting reports, newest first (the unchanged-figures check). */
  recentYtd: number[];
}

/** Reports of the month and before it, for projects that already exist. */
export async function reportSituations(db: Db, projectIds: string[], period: { start: string; year: number }): Promise<Map<string, ReportSituation>> {
  const out = new Map<string, ReportSituation>();
  if (!projectIds.length) return out;
  const current = await db
    .select()
    .from(progressReports)
    .where(and(amongIds(progressReports.projectId, projectIds), eq(progressReports.periodKind, 'month'), eq(progressReports.periodStart, period.start)));
  const earlier = await db
    .select()
    .from(progressReports)
    .where(
      and(
        amongIds(progressReports.projectId, projectIds),
        eq(progressReports.periodKind, 'month'),
        eq(progressReports.year, period.year),
        lt(progressReports.periodStart, period.start),
        inArray(progressReports.status, COUNTING_STATUSES),
      ),
    )
    .orderBy(desc(progressReports.periodStart));
  const currentOf = new Map(current.map((r) => [r.projectId, r]));
  const earlierOf = byProject(earlier);
  for (const id of projectIds) {
    const before = earlierOf.get(id) ?? [];
    out.set(id, { current: currentOf.get(id) ?? null, previous: before[0] ?? null, recentYtd: before.slice(0, 5).map((r) => r.ytdYuan) });
  }
  return out;
}

/** The last 自开工累计 known before the year (a ledger without that column continues from it). */
export async function sinceStartBefore(db: Db, projectIds: string[], year: number): Promise<Map<string, number>> {
  if (!projectIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([progressReports.projectId], { projectId: progressReports.projectId, sinceStart: progressReports.sinceStartYuan })
    .from(progressReports)
    .where(and(amongIds(progressReports.projectId, projectIds), lt(progressReports.year, year), inArray(progressReports.status, COUNTING_STATUSES)))
    .orderBy(progressReports.projectId, desc(progressReports.periodEnd), sql`${progressReports.updatedAt} desc`);
  return new Map(rows.map((r) => [r.projectId, r.sinceStart]));
}
