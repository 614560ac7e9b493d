/**
 * Rolling back a committed import (撤销导入), in one transaction: created reports and projects
 * are removed, updated ones restored from what the import kept (the audit entry's "before"
 * and the report's previous version). If anything the import wrote was changed since, the
 * rollback is refused with the names, rather than undo someone's later work.
 */
import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, importJobs, importRows, progressReports, projectAnnualPlans, projects, reportVersions } from '../../db/schema.ts';
import { conflict } from '../../http/errors.ts';
import type { Actor } from './actor.ts';
import type { ReportPayload } from './assemble-report.ts';
import type { Progress } from './jobs.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Staged = typeof importRows.$inferSelect;

export async function runRollback(db: Db, jobId: string, actor: Actor, progress: Progress): Promise<void> {
  const rows = await db
    .select()
    .from(importRows)
    .where(and(eq(importRows.jobId, jobId), or(inArray(importRows.action, ['create', 'update']), inArray(importRows.reportAction, ['create', 'update']))))
    .orderBy(asc(importRows.seq));
  await progress.stage('撤销导入', rows.length);
  await db.transaction(async (tx) => {
    await refuseIfChanged(tx, rows);
    const [job] = await tx.select().from(importJobs).where(eq(importJobs.id, jobId));
    await restoreReports(tx, rows, actor);
    await restoreProjects(tx, rows, jobId);
    const created = rows.filter((r) => r.action === 'create').map((r) => r.projectId!);
    for (let i = 0; i < created.length; i += 1000) await tx.delete(projects).where(inArray(projects.id, created.slice(i, i + 1000)));
    const orgs = (job?.createdOrgs as string[] | undefined) ?? [];
    if (orgs.length) {
      // Units the import created go too, unless something else now refers to them.
      await tx.execute(sql`delete from organisations o where o.id in (${sql.join(orgs.map((id) => sql`${id}::uuid`), sql`, `)})
        and not exists (select 1 from projects p where p.owner_org_id = o.id or p.responsible_org_id = o.id)
        and not exists (select 1 from users u where u.org_id = o.id)`);
    }
    await tx.update(importJobs).set({ status: 'rolled_back', stage: null, error: null, rolledBackAt: new Date(), rolledBackBy: actor.id, updatedAt: new Date() }).where(eq(importJobs.id, jobId));
    await tx.insert(auditLog).values({ userId: actor.id, action: 'import-rollback', entity: 'import', entityId: jobId, data: { projects: created.length, organisations: orgs.length } });
  });
}

/** Everything the import wrote must still be as it left it. */
async function refuseIfChanged(tx: Tx, rows: Staged[]) {
  const changed: string[] = [];
  const touched = rows.filter((r) => r.action === 'create' || r.action === 'update');
  for (let i = 0; i < touched.length; i += 1000) {
    const part = touched.slice(i, i + 1000);
    const now = await tx.select({ id: projects.id, version: projects.version, deletedAt: projects.deletedAt }).from(projects).where(inArray(projects.id, part.map((r) => r.projectId!))).for('update');
    for (const r of part) {
      const p = now.find((x) => x.id === r.projectId);
      const expected = r.action === 'create' ? 1 : r.projectVersion! + 1;
      if (!p || p.deletedAt || p.version !== expected) changed.push(r.projectName);
    }
  }
  const reported = rows.filter((r) => r.reportAction === 'create' || r.reportAction === 'update');
  for (let i = 0; i < reported.length; i += 1000) {
    const part = reported.slice(i, i + 1000);
    const now = await tx.select({ id: progressReports.id, version: progressReports.version }).from(progressReports).where(inArray(progressReports.id, part.map((r) => r.reportId!))).for('update');
    for (const r of part) {
      const expected = r.reportAction === 'create' ? 1 : ((r.report as ReportPayload).baseVersion ?? 0) + 1;
      if (now.find((x) => x.id === r.reportId)?.version !== expected) changed.push(`${r.projectName}（填报）`);
    }
  }
  if (changed.length) {
    const names = [...new Set(changed)];
    throw conflict(`导入后以下 ${names.length} 项已被修改，整体撤销会抹去这些修改，已拒绝：${names.slice(0, 10).join('、')}${names.length > 10 ? ' 等' : ''}。如确需撤销，请先手工核对这些项目。`);
  }
}

async function restoreReports(tx: Tx, rows: Staged[], actor: Actor) {
  const created = rows.filter((r) => r.reportAction === 'create').map((r) => r.reportId!);
  for (let i = 0; i < created.length; i += 1000) await tx.delete(progressReports).where(inArray(progressReports.id, created.slice(i, i + 1000)));
  for (const r of rows.filter((x) => x.reportAction === 'update')) {
    const base = (r.report as ReportPayload).baseVersion!;
    const [prior] = await tx.select().from(reportVersions).where(and(eq(reportVersions.reportId, r.reportId!), eq(reportVersions.version, base)));
    if (!prior) throw conflict(`找不到"${r.projectName}"填报的导入前版本，无法撤销`);
    const data = prior.data as Record<string, unknown>;
    const restore = {
      status: String(data.status),
      periodYuan: Number(data.periodYuan),
      ytdYuan: Number(data.ytdYuan),
      sinceStartYuan: Number(data.sinceStartYuan),
      paidYtdYuan: data.paidYtdYuan === null || data.paidYtdYuan === undefined ? null : Number(data.paidYtdYuan),
      physicalProgress: String(data.physicalProgress ?? ''),
      problems: String(data.problems ?? ''),
      findings: data.findings ?? [],
      reviewNote: (data.reviewNote as string | null) ?? null,
      returnReason: (data.returnReason as string | null) ?? null,
      submittedAt: data.submittedAt ? new Date(String(data.submittedAt)) : null,
      reviewedAt: data.reviewedAt ? new Date(String(data.reviewedAt)) : null,
      version: base + 2,
      updatedAt: new Date(),
    };
    const [saved] = await tx.update(progressReports).set(restore).where(eq(progressReports.id, r.reportId!)).returning();
    const { id: _id, ...snapshot } = saved!;
    await tx.insert(reportVersions).values({ reportId: saved!.id, version: saved!.version, action: 'rollback', status: saved!.status, data: snapshot, userId: actor.id });
  }
}

/** Updated projects get back their columns and plans as the import found them. */
async function restoreProjects(tx: Tx, rows: Staged[], jobId: string) {
  const updated = rows.filter((r) => r.action === 'update');
  if (!updated.length) return;
  const entries = await tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'import-update'), eq(auditLog.entity, 'project'), isNotNull(auditLog.data), sql`${auditLog.data}->>'importId' = ${jobId}`));
  for (const r of updated) {
    const entry = entries.find((e) => e.entityId === r.projectId);
    const before = (entry?.data as { before?: { row: Record<string, unknown>; plans: (typeof projectAnnualPlans.$inferSelect)[] } } | null)?.before;
    if (!before) throw conflict(`找不到"${r.projectName}"导入前的记录，无法撤销`);
    const { id: _id, version, createdAt: _c, createdBy: _cb, updatedAt: _u, deletedAt: _d, ...columns } = before.row;
    await tx
      .update(projects)
      .set({ ...(columns as Partial<typeof projects.$inferInsert>), version: Number(version) + 2, updatedAt: new Date() })
      .where(eq(projects.id, r.projectId!));
    await tx.delete(projectAnnualPlans).where(eq(projectAnnualPlans.projectId, r.projectId!));
    if (before.plans.length) await tx.insert(projectAnnualPlans).values(before.plans.map((p) => ({ projectId: p.projectId, year: p.year, amountYuan: Number(p.amountYuan), baselineYuan: Number(p.baselineYuan), changeReason: p.changeReason })));
  }
}
