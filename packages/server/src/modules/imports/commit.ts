/**
 * Committing a previewed import: all of it or nothing, in one transaction. Staged rows go to
 * their tables set-wise, a window at a time (commit-creates.ts); a project or report changed
 * since the preview stops the commit (the person previews again), so nobody's edit is overwritten.
 */
import { and, asc, eq, gt, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, campaigns, importJobs, importRows, organisations, progressReports, projectAnnualPlans, projects } from '../../db/schema.ts';
import { conflict } from '../../http/errors.ts';
import type { Actor } from './actor.ts';
import type { ProjectPayload } from './assemble-project.ts';
import type { ReportPayload } from './assemble-report.ts';
import { insertCreatedProjects, insertCreatedReports, updateStagedProjects, updateStagedReports, type Window } from './commit-creates.ts';
import type { Progress } from './jobs.ts';
import { toPeriod } from './preview.ts';

type Staged = typeof importRows.$inferSelect;

/** Staged rows per step: the progress bar moves, each statement stays a manageable size. */
const WINDOW = 5000;
const CHANGED = '预检之后，有项目或报表已被他人修改（例如"{name}"），为免覆盖他人的修改，本次未写入任何数据。请重新预检后再提交。';

export async function runCommit(db: Db, jobId: string, actor: Actor, progress: Progress): Promise<void> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job) throw new Error(`import job ${jobId} vanished`);
  const [{ last }] = (await db.select({ last: sql<number>`coalesce(max(${importRows.seq}), 0)::int` }).from(importRows).where(eq(importRows.jobId, jobId))) as [{ last: number }];
  await progress.stage('写入数据库', Number(last));
  const period = job.period ? toPeriod(job.period) : null;
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const owners = await createOwners(tx, jobId);
    const [campaign] = job.planYear ? await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.year, job.planYear)).orderBy(asc(campaigns.createdAt)).limit(1) : [];
    for (let from = 0; from < Number(last); from += WINDOW) {
      const w = { jobId, from, to: from + WINDOW };
      await insertCreatedProjects(tx, w, actor, campaign?.id ?? null);
      if (period) await insertCreatedReports(tx, w, actor, period, CHANGED.replace('"{name}"', '本月的一份填报'));
      const updates = await tx
        .select()
        .from(importRows)
        .where(and(eq(importRows.jobId, jobId), gt(importRows.seq, w.from), lte(importRows.seq, w.to), or(eq(importRows.action, 'update'), eq(importRows.reportAction, 'update'))))
        .orderBy(asc(importRows.seq));
      await updateProjects(tx, w, updates.filter((r) => r.action === 'update'), actor);
      if (period) await updateReports(tx, w, updates.filter((r) => r.reportAction === 'update'), actor);
      progress.tickLater(Math.min(Number(last), w.to));
    }
    await tx
      .update(importJobs)
      .set({ status: 'committed', stage: null, error: null, progressDone: sql`${importJobs.progressTotal}`, committedAt: new Date(), committedBy: actor.id, createdOrgs: owners, updatedAt: new Date() })
      .where(eq(importJobs.id, jobId));
    // One entry for the whole import: the projects it created are its import_rows (by project_id);
    // each changed project keeps its own entry with what it was before (updateProjects).
    await tx.insert(auditLog).values({ userId: actor.id, action: 'import-commit', entity: 'import', entityId: jobId, data: { importId: jobId, fileName: job.fileName, counts: job.counts, createdOrgs: owners } });
  });
}

/** Owner units the ledger names and the system lacked, created once each (or found, if added since); returns the created ids. */
async function createOwners(tx: Db, jobId: string): Promise<string[]> {
  const wanted = await tx
    .selectDistinctOn([importRows.newOwner], { name: importRows.newOwner, project: importRows.project })
    .from(importRows)
    .where(and(eq(importRows.jobId, jobId), eq(importRows.action, 'create'), isNotNull(importRows.newOwner)))
    .orderBy(importRows.newOwner);
  const created: string[] = [];
  for (const w of wanted) {
    const [known] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.kind, 'owner'), eq(organisations.name, w.name!)));
    if (known) continue;
    const [row] = await tx.insert(organisations).values({ name: w.name!, kind: 'owner', regionCode: (w.project as ProjectPayload).columns.regionCode }).returning({ id: organisations.id });
    created.push(row!.id);
  }
  return created;
}

/** Changed projects, set-wise: each must still be at the version the preview read (checked under lock). */
async function updateProjects(tx: Db, w: Window, rows: Staged[], actor: Actor) {
  if (!rows.length) return;
  const ids = rows.map((r) => r.projectId!);
  const current = new Map((await tx.select().from(projects).where(inArray(projects.id, ids)).for('update')).map((p) => [p.id, p]));
  const plans = await tx.select().from(projectAnnualPlans).where(inArray(projectAnnualPlans.projectId, ids));
  const plansOf = new Map<string, typeof plans>();
  for (const p of plans) plansOf.set(p.projectId, [...(plansOf.get(p.projectId) ?? []), p]);
  const audits: (typeof auditLog.$inferInsert)[] = [];
  for (const r of rows) {
    const before = current.get(r.projectId!);
    if (!before || before.deletedAt || before.version !== r.projectVersion) throw conflict(CHANGED.replace('{name}', r.projectName));
    audits.push({ userId: actor.id, action: 'import-update', entity: 'project', entityId: before.id, data: { importId: w.jobId, before: { row: before, plans: plansOf.get(before.id) ?? [] }, after: r.project } });
  }
  await updateStagedProjects(tx, w, actor);
  await tx.insert(auditLog).values(audits);
}

/** Changed reports, set-wise, each with its new version row; each must still be at the version the preview read. */
async function updateReports(tx: Db, w: Window, rows: Staged[], actor: Actor) {
  if (!rows.length) return;
  const current = new Map((await tx.select({ id: progressReports.id, version: progressReports.version }).from(progressReports).where(inArray(progressReports.id, rows.map((r) => r.reportId!))).for('update')).map((c) => [c.id, c.version]));
  for (const r of rows) {
    if (current.get(r.reportId!) !== (r.report as ReportPayload).baseVersion) throw conflict(CHANGED.replace('{name}', r.projectName));
  }
  const written = await updateStagedReports(tx, w, actor);
  if (written !== rows.length) throw conflict(CHANGED.replace('"{name}"', '本月的一份填报'));
}
