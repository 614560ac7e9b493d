/**
 * Changes to a project's 作战图: saving replaces the year's twelve months, resetting returns the
 * project to the curve-spread plan. Both are allowed to whoever may edit the project (data scope
 * included) and are written to the project's audit trail with the plan before and after.
 */
import { MONTHS } from '@pacer/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Exec } from '../../db/exec.ts';
import { auditLog, projectMonthlyPlans, projects } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { writeScope } from '../projects/scope.ts';
import { monthlyPlanView, projectInScope } from './queries.ts';

async function savedMonths(tx: Exec, projectId: string, year: number): Promise<number[] | null> {
  const rows = await tx
    .select({ cumulativeYuan: projectMonthlyPlans.cumulativeYuan })
    .from(projectMonthlyPlans)
    .where(and(eq(projectMonthlyPlans.projectId, projectId), eq(projectMonthlyPlans.year, year)))
    .orderBy(asc(projectMonthlyPlans.month));
  return rows.length ? rows.map((r) => r.cumulativeYuan) : null;
}

/** Locks the project row so two saves of its plan run one after the other; refuses out of scope. */
async function lockWritable(tx: Exec, user: UserContext, projectId: string) {
  if (!(await projectInScope(tx, user, projectId, writeScope(user)))) throw notFound('项目');
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
}

export async function saveMonthlyPlan(db: Db, user: UserContext, projectId: string, year: number, cumulativeYuan: number[]) {
  await db.transaction(async (tx) => {
    await lockWritable(tx, user, projectId);
    const before = await savedMonths(tx, projectId, year);
    await tx.delete(projectMonthlyPlans).where(and(eq(projectMonthlyPlans.projectId, projectId), eq(projectMonthlyPlans.year, year)));
    const now = new Date();
    await tx.insert(projectMonthlyPlans).values(MONTHS.map((month) => ({ projectId, year, month, cumulativeYuan: cumulativeYuan[month - 1]!, updatedAt: now, updatedBy: user.id })));
    await audit(tx, user, 'monthly_plan.save', projectId, { year, before, after: cumulativeYuan });
  });
  return monthlyPlanView(db, projectId, year);
}

export async function resetMonthlyPlan(db: Db, user: UserContext, projectId: string, year: number) {
  await db.transaction(async (tx) => {
    await lockWritable(tx, user, projectId);
    const before = await savedMonths(tx, projectId, year);
    if (!before) return; // already on the curve: nothing changed, nothing to record
    await tx.delete(projectMonthlyPlans).where(and(eq(projectMonthlyPlans.projectId, projectId), eq(projectMonthlyPlans.year, year)));
    await audit(tx, user, 'monthly_plan.reset', projectId, { year, before, after: null });
  });
  return monthlyPlanView(db, projectId, year);
}

async function audit(tx: Exec, user: UserContext, action: string, projectId: string, data: Record<string, unknown>) {
  await tx.insert(auditLog).values({ userId: user.id, action, entity: 'project', entityId: projectId, data });
}
