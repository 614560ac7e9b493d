/**
 * The import workflow: upload → analyse (job) → confirm mapping → preview (job) → commit
 * (job) → rollback (job). Each step checks the job's status with a conditional update, so a
 * double click or a second instance cannot start the same work twice.
 */
import { beijingLocal, columnsForKind, hasProgress, IMPORT_STATUS_LABELS, mappingProblems, yearIn, type ImportKind, type LedgerField } from '@pacer/domain';
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { importFiles, importJobs, importProblems, importRows } from '../../db/schema.ts';
import { AppError, conflict, FieldValidationError, notFound } from '../../http/errors.ts';
import { sniffSpreadsheet } from '../../xlsx/refusal.ts';
import { openWorkbook } from '../../xlsx/workbook.ts';
import { ownerKeyOf, type Actor } from './actor.ts';
import { analyseWorkbook } from './analyse.ts';
import { runCommit } from './commit.ts';
import { progressOf, sweepStale, type JobRunner } from './jobs.ts';
import type { ImportLimits } from './limits.ts';
import { rememberedHeaders, rememberMapping } from './memory.ts';
import { presentJob } from './present.ts';
import { runPreview } from './preview.ts';
import { runRollback } from './rollback.ts';
import type { ImportStatus, MappingInput, SheetFinding } from './schema.ts';

export interface ImportContext {
  db: Db;
  runner: JobRunner;
  limits: ImportLimits;
}

type Job = typeof importJobs.$inferSelect;

/** Stores the upload and starts reading it; answers at once with the job. */
export async function startImport(c: ImportContext, actor: Actor, file: { name: string; bytes: Buffer }, opts: { planYear?: number } = {}) {
  sniffSpreadsheet(file.bytes.subarray(0, 8));
  const [job] = await c.db
    .insert(importJobs)
    .values({ fileName: file.name.slice(0, 255), fileSize: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'), status: 'analysing', stage: '读取表格结构', planYear: opts.planYear ?? yearIn(file.name), ownerKey: ownerKeyOf(actor), createdBy: actor.id, heartbeatAt: new Date() })
    .returning();
  await c.db.insert(importFiles).values({ jobId: job!.id, bytes: file.bytes });
  c.runner.start(job!.id, 'failed', () => analyse(c, job!.id, actor));
  return presentJob(job!);
}

export async function analyse(c: ImportContext, jobId: string, actor: Actor): Promise<void> {
  const [file] = await c.db.select().from(importFiles).where(eq(importFiles.jobId, jobId));
  const [job] = await c.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  const wb = await openWorkbook(file!.bytes, c.limits);
  const progress = progressOf(c.db, jobId, 'analysing');
  await progress.stage('读取表格结构', wb.sheets.length);
  const found = await analyseWorkbook(wb, c.limits, await rememberedHeaders(c.db, ownerKeyOf(actor)), (n) => progress.tick(n));
  if (!found.sheets.some((s) => s.found)) throw new AppError(400, 'file_refused', '文件中没有找到项目表格：需要一行含"项目名称"或"项目代码"的表头');
  const notices = [...found.notices];
  if (actor.role === 'owner' && found.sheets.some((s) => s.enabled && s.columns.some((col) => col.field && !['name', 'code', 'region', 'ignore', 'seq'].includes(col.field) && !isProgressField(col.field)))) {
    notices.push('业主单位导入只更新本单位项目的进度，表中的项目信息列不会导入');
  }
  await c.db
    .update(importJobs)
    .set({ status: 'mapping', stage: null, sheets: found.sheets, period: found.period?.key ?? null, periodSource: found.period?.source ?? null, planYear: job!.planYear ?? found.year, notices, updatedAt: new Date() })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'analysing')));
}

const isProgressField = (f: string) => ['ytd', 'sinceStart', 'periodAmount', 'paidYtd', 'physicalProgress', 'problems'].includes(f);

/** The job if the actor may see it: the office sees every import, others their organisation's. */
export async function jobFor(c: ImportContext, actor: Actor, jobId: string): Promise<Job> {
  await sweepStale(c.db, c.runner);
  const [job] = await c.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job || (actor.role !== 'office' && job.ownerKey !== ownerKeyOf(actor))) throw notFound('导入任务');
  return job;
}

/** Applies a person's corrections to the proposed mapping, checks it, and starts the preview. */
export async function confirmMapping(c: ImportContext, actor: Actor, jobId: string, input: Omit<MappingInput, 'kind'> & { kind?: ImportKind }) {
  const job = await jobFor(c, actor, jobId);
  if (!['mapping', 'previewed', 'failed'].includes(job.status) || !(job.sheets as SheetFinding[]).length) throw conflict(`导入当前状态为"${STATUS_LABELS[job.status as ImportStatus]}"，不能修改对应关系`);
  const confirmed = applyMapping(job.sheets as SheetFinding[], input);
  const sheets = confirmed.map((s) => forKind(s, input.kind ?? 'auto'));
  const issues = sheets.filter((s) => s.enabled).flatMap((s) => mappingProblems(s).map((m) => ({ path: ['sheets', s.sheet], field: `工作表"${s.sheet}"`, message: m })));
  if (!sheets.some((s) => s.enabled)) issues.push({ path: ['sheets'], field: '工作表', message: '请至少选择一个要导入的工作表' });
  const period = input.period === undefined ? job.period : input.period;
  if (!period && sheets.some((s) => s.enabled && hasProgress(s))) issues.push({ path: ['period'], field: '填报期', message: '表中有进度数据，但无法从标题或表头判断填报期，请指定（例如 2022-03）' });
  if (period && period > beijingLocal(new Date()).slice(0, 7)) issues.push({ path: ['period'], field: '填报期', message: `填报期 ${period} 还没到，不能提前填报` });
  if (issues.length) throw new FieldValidationError(issues);
  const started = await c.db
    .update(importJobs)
    .set({
      status: 'previewing',
      sheets,
      period,
      periodSource: input.period ? 'user' : job.periodSource,
      planYear: input.planYear === undefined ? job.planYear : input.planYear,
      defaults: input.defaults ?? job.defaults,
      error: null,
      heartbeatAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(importJobs.id, jobId), inArray(importJobs.status, ['mapping', 'previewed', 'failed'])))
    .returning();
  if (!started.length) throw conflict('导入状态已变化，请刷新');
  // What the person confirmed is remembered, not the columns the kind of import left out.
  if (input.remember) await rememberMapping(c.db, job.ownerKey, actor.id, confirmed);
  c.runner.start(jobId, 'failed', async () => {
    const counts = await runPreview(c.db, jobId, actor, c.limits, progressOf(c.db, jobId, 'previewing'));
    await c.db.update(importJobs).set({ status: 'previewed', stage: null, counts, progressDone: sql`${importJobs.progressTotal}`, updatedAt: new Date() }).where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'previewing')));
  });
  return presentJob(started[0]!);
}

function forKind(s: SheetFinding, kind: ImportKind): SheetFinding {
  const columns = columnsForKind(s.columns, kind);
  return columns === s.columns ? s : { ...s, columns, problems: mappingProblems({ columns }) };
}

function applyMapping(sheets: SheetFinding[], input: Pick<MappingInput, 'sheets'>): SheetFinding[] {
  return sheets.map((s) => {
    const given = input.sheets?.find((x) => x.sheet === s.sheet);
    if (!given) return s;
    const columns = s.columns.map((col) => {
      const fix = given.columns?.find((x) => x.index === col.index);
      if (!fix) return col;
      const changed = fix.field !== col.field || (fix.unit !== undefined && fix.unit !== col.unit);
      return { ...col, field: fix.field as LedgerField | null, unit: fix.unit === undefined ? col.unit : fix.unit, source: changed ? ('user' as const) : col.source };
    });
    return {
      ...s,
      enabled: given.enabled && s.found,
      unit: given.unit ?? s.unit,
      unitSource: given.unit ? ('user' as const) : s.unitSource,
      headerTop: given.headerTop ?? s.headerTop,
      headerBottom: given.headerBottom ?? s.headerBottom,
      columns,
      problems: mappingProblems({ columns }),
    };
  });
}

/** Starts the commit of a clean preview, or of one whose problems the person accepted. */
export async function commitImport(c: ImportContext, actor: Actor, jobId: string, opts: { acceptProblems: boolean }) {
  const job = await jobFor(c, actor, jobId);
  if (job.status !== 'previewed') throw conflict(`导入当前状态为"${STATUS_LABELS[job.status as ImportStatus]}"，只有预检完成的导入可以提交`);
  const counts = presentJob(job).counts;
  if ((counts.errors || counts.warnings) && !opts.acceptProblems) {
    throw conflict(`预检发现 ${counts.errors} 个错误、${counts.warnings} 个提示：有错误的 ${counts.skipped} 行不会导入。请查看问题清单，确认后选择"接受问题并提交"。`);
  }
  if (!counts.created && !counts.updated && !counts.reportsCreated && !counts.reportsUpdated) throw conflict('没有需要写入的数据：所有行都与系统一致或有错误');
  return transition(c, actor, job, 'previewed', 'committing', 'previewed', () => runCommit(c.db, jobId, actor, progressOf(c.db, jobId, 'committing')));
}

export async function rollbackImport(c: ImportContext, actor: Actor, jobId: string) {
  const job = await jobFor(c, actor, jobId);
  if (job.status !== 'committed') throw conflict(`导入当前状态为"${STATUS_LABELS[job.status as ImportStatus]}"，只有已提交的导入可以撤销`);
  return transition(c, actor, job, 'committed', 'rolling_back', 'committed', () => runRollback(c.db, jobId, actor, progressOf(c.db, jobId, 'rolling_back')));
}

/** Drops an import that will not be committed: its file, staged rows and problems. */
export async function discardImport(c: ImportContext, actor: Actor, jobId: string) {
  const job = await jobFor(c, actor, jobId);
  if (!['mapping', 'previewed', 'failed'].includes(job.status)) throw conflict(`导入当前状态为"${STATUS_LABELS[job.status as ImportStatus]}"，不能放弃`);
  await c.db.transaction(async (tx) => {
    await tx.delete(importRows).where(eq(importRows.jobId, jobId));
    await tx.delete(importProblems).where(eq(importProblems.jobId, jobId));
    await tx.delete(importFiles).where(eq(importFiles.jobId, jobId));
    await tx.update(importJobs).set({ status: 'discarded', updatedAt: new Date() }).where(eq(importJobs.id, jobId));
  });
}

async function transition(c: ImportContext, _actor: Actor, job: Job, from: ImportStatus, to: ImportStatus, onFailure: ImportStatus, work: () => Promise<void>) {
  const [started] = await c.db
    .update(importJobs)
    .set({ status: to, error: null, heartbeatAt: new Date(), updatedAt: new Date() })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.status, from)))
    .returning();
  if (!started) throw conflict('导入状态已变化（可能已在进行），请刷新');
  c.runner.start(job.id, onFailure, () => work().catch(translateDbError));
  return presentJob(started);
}

/** A unique or foreign-key refusal from the database, in words: the data moved since the preview. */
function translateDbError(err: unknown): never {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505') throw conflict('预检之后有人新建了同名或同代码的项目，本次未写入任何数据。请重新预检后再提交。');
    if (code === '23503') throw conflict('导入的项目已被其他数据引用（如填报、榜单或问题），不能撤销；本次未改变任何数据。');
  }
  throw err;
}

export const STATUS_LABELS = IMPORT_STATUS_LABELS;
