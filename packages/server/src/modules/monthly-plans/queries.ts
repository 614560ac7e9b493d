/**
 * Reads of a project's 作战图: the saved monthly plan or, when none is saved, the annual plan
 * spread along the campaign's time curve; the milestones each month should reach; and the
 * three-colour record against it.
 */
import {
  colourRecord,
  curveMonthlyPlan,
  MILESTONE_KINDS,
  milestonesPlannedIn,
  monthlyPlanWarnings,
  MONTHS,
  type ColourMonth,
  type MilestoneKind,
} from '@pacer/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Exec } from '../../db/exec.ts';
import { progressReports, projectAnnualPlans, projectMilestones, projectMonthlyPlans, projects, users } from '../../db/schema.ts';
import type { UserContext } from '../auth/sessions.ts';
import { campaignOfYear } from '../campaigns/queries.ts';
import { readScope } from '../projects/scope.ts';
import { COUNTING_STATUSES } from '../reports/context.ts';

export type PlanSource = 'plan' | 'curve';

export interface PlanMilestone {
  kind: MilestoneKind;
  label: string;
  plannedDate: string;
  actualDate: string | null;
}

export interface MonthlyPlanView {
  projectId: string;
  year: number;
  /** 'plan': the project's own saved 作战图; 'curve': the annual plan along the time curve. */
  source: PlanSource;
  annualPlanYuan: number | null;
  months: { month: number; cumulativeYuan: number; curveYuan: number; milestones: PlanMilestone[] }[];
  warnings: string[];
  updatedAt: string | null;
  updatedBy: string | null;
}

interface PlanBasis {
  annualPlanYuan: number | null;
  curve: number[];
  saved: number[] | null;
  updatedAt: Date | null;
  updatedBy: string | null;
  milestones: { kind: string; plannedDate: string | null; actualDate: string | null }[];
}

/** True when the project is live and within the user's scope (`scope` defaults to reading). */
export async function projectInScope(db: Exec, user: UserContext, projectId: string, scope = readScope(user)): Promise<boolean> {
  const [row] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.id, projectId), isNull(projects.deletedAt), scope));
  return !!row;
}

async function planBasis(db: Db, projectId: string, year: number): Promise<PlanBasis> {
  const [campaign, [annual], saved, milestones] = await Promise.all([
    campaignOfYear(db, year),
    db.select({ amountYuan: projectAnnualPlans.amountYuan }).from(projectAnnualPlans).where(and(eq(projectAnnualPlans.projectId, projectId), eq(projectAnnualPlans.year, year))),
    db
      .select({ month: projectMonthlyPlans.month, cumulativeYuan: projectMonthlyPlans.cumulativeYuan, updatedAt: projectMonthlyPlans.updatedAt, updatedBy: users.displayName })
      .from(projectMonthlyPlans)
      .leftJoin(users, eq(users.id, projectMonthlyPlans.updatedBy))
      .where(and(eq(projectMonthlyPlans.projectId, projectId), eq(projectMonthlyPlans.year, year)))
      .orderBy(asc(projectMonthlyPlans.month)),
    db.select({ kind: projectMilestones.kind, plannedDate: projectMilestones.plannedDate, actualDate: projectMilestones.actualDate }).from(projectMilestones).where(eq(projectMilestones.projectId, projectId)),
  ]);
  const annualPlanYuan = annual?.amountYuan ?? null;
  return {
    annualPlanYuan,
    curve: curveMonthlyPlan(annualPlanYuan ?? 0, year, campaign.timeCurve),
    // Saved plans are written whole (twelve rows in one transaction); anything else is not a plan.
    saved: saved.length === 12 ? saved.map((s) => s.cumulativeYuan) : null,
    updatedAt: saved[0]?.updatedAt ?? null,
    updatedBy: saved[0]?.updatedBy ?? null,
    milestones,
  };
}

const MILESTONE_ORDER = new Map<string, number>(MILESTONE_KINDS.keys.map((k, i) => [k, i]));

/** The 作战图 of a project for a year as the detail page shows it. */
export async function monthlyPlanView(db: Db, projectId: string, year: number): Promise<MonthlyPlanView> {
  const basis = await planBasis(db, projectId, year);
  const plan = basis.saved ?? basis.curve;
  return {
    projectId,
    year,
    source: basis.saved ? 'plan' : 'curve',
    annualPlanYuan: basis.annualPlanYuan,
    months: MONTHS.map((month) => ({
      month,
      cumulativeYuan: plan[month - 1]!,
      curveYuan: basis.curve[month - 1]!,
      milestones: milestonesPlannedIn(basis.milestones, year, month)
        .sort((a, b) => a.plannedDate!.localeCompare(b.plannedDate!) || (MILESTONE_ORDER.get(a.kind) ?? 99) - (MILESTONE_ORDER.get(b.kind) ?? 99))
        .map((m) => ({ kind: m.kind as MilestoneKind, label: MILESTONE_KINDS.label(m.kind), plannedDate: m.plannedDate!, actualDate: m.actualDate })),
    })),
    warnings: basis.saved ? monthlyPlanWarnings(basis.saved, basis.annualPlanYuan, year) : [],
    updatedAt: basis.updatedAt?.toISOString() ?? null,
    updatedBy: basis.updatedBy,
  };
}

export interface ColourRecordView {
  projectId: string;
  year: number;
  source: PlanSource;
  /** The date the record runs to: months ended by then have a position. */
  asOf: string;
  months: ColourMonth[];
}

/**
 * 三色预警 record of a project's year: each ended month's plan, the 本年累计 of its month
 * report (submitted or approved), the milestones missed by its end, and its colour.
 */
export async function colourRecordView(db: Db, projectId: string, year: number, asOf: string): Promise<ColourRecordView> {
  const [basis, reports] = await Promise.all([
    planBasis(db, projectId, year),
    db
      .select({ periodStart: progressReports.periodStart, ytdYuan: progressReports.ytdYuan })
      .from(progressReports)
      .where(and(eq(progressReports.projectId, projectId), eq(progressReports.periodKind, 'month'), eq(progressReports.year, year), inArray(progressReports.status, COUNTING_STATUSES))),
  ]);
  const actual = new Map(reports.map((r) => [Number(r.periodStart.slice(5, 7)), r.ytdYuan]));
  const months = colourRecord(year, basis.saved ?? basis.curve, actual, basis.milestones, asOf);
  // Without an annual plan or a 作战图 there is nothing to be behind: no colour, as on the board.
  const planned = basis.saved !== null || !!basis.annualPlanYuan;
  return { projectId, year, source: basis.saved ? 'plan' : 'curve', asOf, months: planned ? months : months.map((m) => ({ ...m, colour: null })) };
}
