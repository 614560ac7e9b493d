/** Reads of imports: the list (记录), one job's problems and staged rows, page by page. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { importJobs, importProblems, importRows, users } from '../../db/schema.ts';
import { ownerKeyOf, type Actor } from './actor.ts';
import { presentJob, presentProblem, presentRow } from './present.ts';
import { jobFor, type ImportContext } from './service.ts';

const count = sql<number>`count(*)::int`;

/** Every import the actor's organisation made (the office sees all), newest first. */
export async function listImports(c: ImportContext, actor: Actor, page: number, pageSize: number) {
  const where = actor.role === 'office' ? undefined : eq(importJobs.ownerKey, ownerKeyOf(actor));
  const rows = await c.db
    .select({ job: importJobs, userName: users.displayName })
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .where(where)
    .orderBy(desc(importJobs.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await c.db.select({ n: count }).from(importJobs).where(where);
  return {
    items: rows.map((r) => {
      const { sheets: _s, ...job } = presentJob(r.job);
      return { ...job, createdByName: r.userName ?? '命令行' };
    }),
    total: Number(total?.n ?? 0),
    page,
    pageSize,
  };
}

export async function problemsOf(c: ImportContext, actor: Actor, jobId: string, level: 'error' | 'warning' | undefined, page: number, pageSize: number) {
  await jobFor(c, actor, jobId);
  const where = and(eq(importProblems.jobId, jobId), level ? eq(importProblems.level, level) : undefined);
  const rows = await c.db.select().from(importProblems).where(where).orderBy(asc(importProblems.seq)).limit(pageSize).offset((page - 1) * pageSize);
  const [total] = await c.db.select({ n: count }).from(importProblems).where(where);
  return { items: rows.map(presentProblem), total: Number(total?.n ?? 0), page, pageSize };
}

export async function rowsOf(c: ImportContext, actor: Actor, jobId: string, action: string | undefined, page: number, pageSize: number) {
  const job = await jobFor(c, actor, jobId);
  const where = and(eq(importRows.jobId, jobId), action ? eq(importRows.action, action) : undefined);
  const rows = await c.db.select().from(importRows).where(where).orderBy(asc(importRows.seq)).limit(pageSize).offset((page - 1) * pageSize);
  const [total] = await c.db.select({ n: count }).from(importRows).where(where);
  const committed = job.status === 'committed';
  return { items: rows.map((r) => presentRow(r, committed)), total: Number(total?.n ?? 0), page, pageSize };
}
