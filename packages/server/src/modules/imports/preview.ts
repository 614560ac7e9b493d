/**
 * The dry run (预检): every data row of the enabled sheets is read, checked and compared
 * with the database, in batches as the sheet streams in; what a commit would do is staged in
 * import_rows and every problem in import_problems. Nothing outside those tables is written.
 */
import {
  cellText,
  classifyRow,
  groupContext,
  groupDepth,
  groupLabel,
  hasProgress,
  periodOf,
  readRow,
  type GroupContext,
  type LedgerCellWithFormula,
  type LedgerValues,
} from '@pacer/domain';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk.ts';
import type { Db } from '../../db/client.ts';
import { importFiles, importJobs, importProblems, importRows } from '../../db/schema.ts';
import { readSheet, type SheetMeta } from '../../xlsx/sheet.ts';
import { openWorkbook } from '../../xlsx/workbook.ts';
import type { Actor } from './actor.ts';
import { assembleProject, hasError, type AssembleContext, type AssembledProject, type RowProblem } from './assemble-project.ts';
import { assembleReport, hasProgressValues, type ReportPeriod } from './assemble-report.ts';
import { loadDictionary } from './dictionary.ts';
import { existingProjects, reportSituations, sinceStartBefore, type ReportSituation } from './existing.ts';
import { identify } from './identify.ts';
import type { Progress } from './jobs.ts';
import type { ImportLimits } from './limits.ts';
import { columnLetter } from './present.ts';
import { emptyCounts, type ImportCounts, type ImportDefaults, type SheetFinding } from './schema.ts';

/** Rows looked up and staged together: a few queries per batch, not per row. */
const BATCH = 1000;

/** A project already met in this file, with what later rows about it need. */
interface Seen {
  sheet: string;
  row: number;
  projectId: string;
  totalYuan: number;
  planYuan: number | null;
  reported: boolean;
}

interface Pending {
  sheet: SheetFinding;
  row: number;
  cells: LedgerCellWithFormula[];
  values: LedgerValues;
  group: GroupContext;
  problems: RowProblem[];
}

/** A project met again on another sheet: nothing to write for it. */
const UNCHANGED: AssembledProject = Object.freeze({ action: 'unchanged', payload: null, changes: [], newOwner: null, problems: [] });
/** A project with no reports around the month (the situation is only read). */
const NO_REPORTS: ReportSituation = Object.freeze({ current: null, previous: null, recentYtd: [] });
const NONE: RowProblem[] = [];

/** Adds `found` to `out`, except problems on a field whose cell could not be read (`unreadable`, already listed). */
function pushReadable(out: RowProblem[], found: RowProblem[], unreadable: RowProblem[]) {
  for (const x of found) if (!unreadable.some((u) => u.field === x.field)) out.push(x);
}

export async function runPreview(db: Db, jobId: string, actor: Actor, limits: ImportLimits, progress: Progress): Promise<ImportCounts> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  const [file] = await db.select().from(importFiles).where(eq(importFiles.jobId, jobId));
  if (!job || !file) throw new Error(`import job ${jobId} has no file`);
  await db.delete(importRows).where(eq(importRows.jobId, jobId));
  await db.delete(importProblems).where(eq(importProblems.jobId, jobId));

  const sheets = (job.sheets as SheetFinding[]).filter((s) => s.enabled);
  const period: ReportPeriod | null = job.period ? toPeriod(job.period) : null;
  if (!period && sheets.some(hasProgress)) throw new Error('preview without a period');
  const ctx: AssembleContext = {
    actor,
    dict: await loadDictionary(db),
    defaults: job.defaults as ImportDefaults,
    planYear: job.planYear ?? period?.year ?? new Date().getFullYear(),
    fileName: job.fileName,
  };
  const wb = await openWorkbook(file.bytes, limits);
  const counts = emptyCounts();
  const owners = new Set<string>();
  const seen = new Map<string, Seen>();
  let seq = 0;
  let problemSeq = 0;
  let done = 0;
  // The staged rows of one batch are written while the next batch is read and checked: on
  // PostgreSQL the two run on different cores. At most one write is in flight.
  let writing: Promise<void> = Promise.resolve();
  await progress.stage('逐行校验并与系统数据比对', sheets.reduce((n, s) => n + s.rows, 0));

  const flush = async (pending: Pending[]) => {
    if (!pending.length) return;
    const batch = await existingProjects(db, actor, uniq(pending.map((p) => p.values.code)), uniq(pending.map((p) => p.values.name)));
    const ids = [...new Set([...batch.byCode.values(), ...[...batch.byName.values()].flat()].map((p) => p.row.id))];
    // The two report queries need only the ids: on PostgreSQL they run side by side.
    const [situations, bases] =
      period && ids.length ? await Promise.all([reportSituations(db, ids, period), sinceStartBefore(db, ids, period.year)]) : [new Map<string, ReportSituation>(), new Map<string, number>()];
    const rows: (typeof importRows.$inferInsert)[] = [];
    const problems: (typeof importProblems.$inferInsert)[] = [];
    for (const p of pending) {
      const found = identify(p.values, batch, ctx.dict, ctx.defaults, actor.role === 'owner');
      const rowProblems = [...p.problems];
      const rowSeq = ++seq;
      const rowName = p.values.name ?? p.values.code ?? '';
      let staged: typeof importRows.$inferInsert | null = null;
      const earlier = 'error' in found ? undefined : seen.get(found.key);
      if ('error' in found) rowProblems.push({ level: 'error', field: p.values.code ? 'code' : 'name', reason: found.error });
      else if (earlier && (earlier.sheet === p.sheet.sheet || (earlier.reported && hasProgressValues(p.values)))) {
        rowProblems.push({ level: 'error', field: 'name', reason: `与"${earlier.sheet}"第 ${earlier.row} 行是同一个项目，重复出现` });
      } else {
        // A project met again on another sheet (台账 + 进度表): its figures join the first row's project.
        const project = earlier ? UNCHANGED : assembleProject(p.values, p.group, found.existing, ctx);
        // Every problem of the row is listed once: a cell that could not be read is not also "missing".
        pushReadable(rowProblems, project.problems, p.problems);
        const projectId = earlier?.projectId ?? found.existing?.row.id ?? randomUUID();
        const plan = project.payload?.plan?.amountYuan ?? earlier?.planYuan ?? found.existing?.plans.find((x) => x.year === period?.year)?.amountYuan ?? null;
        const total = project.payload?.columns.totalInvestmentYuan ?? earlier?.totalYuan ?? found.existing?.row.totalInvestmentYuan ?? 0;
        const situation = situations.get(projectId);
        const report =
          period && project.action !== 'skip' && hasProgressValues(p.values)
            ? assembleReport(p.values, situation ?? NO_REPORTS, bases.get(projectId) ?? 0, { totalYuan: total, planYuan: plan }, actor)
            : null;
        if (report) pushReadable(rowProblems, report.problems, p.problems);
        if (!hasError(rowProblems)) {
          const current = situation?.current ?? null;
          staged = {
            jobId,
            seq: rowSeq,
            sheet: p.sheet.sheet,
            rowNumber: p.row,
            action: project.action,
            projectName: project.payload?.columns.name ?? found.existing?.row.name ?? rowName,
            changes: project.changes,
            projectId,
            projectVersion: found.existing?.row.version ?? null,
            project: project.payload,
            reportAction: report?.action ?? null,
            reportId: report?.action === 'create' ? randomUUID() : (current?.id ?? null),
            report: report?.payload ?? null,
            newOwner: project.newOwner,
          };
          const entry: Seen = { sheet: p.sheet.sheet, row: p.row, projectId, totalYuan: total, planYuan: plan, reported: report?.action != null || earlier?.reported === true };
          // Both ways a later row may name the project: by code and by region and name.
          seen.set(found.key, entry);
          const named = project.payload?.columns ?? found.existing?.row;
          if (named && project.action !== 'skip') {
            if (named.code) seen.set(`code:${named.code}`, entry);
            seen.set(`name:${named.regionCode}/${named.name}`, entry);
          }
        }
      }
      staged ??= { jobId, seq: rowSeq, sheet: p.sheet.sheet, rowNumber: p.row, action: 'skip', projectName: rowName, changes: [] };
      tally(counts, staged, rowProblems, owners);
      rows.push(staged);
      for (const x of rowProblems) problems.push(problemRow(jobId, ++problemSeq, p, x));
    }
    await writing;
    writing = stage(db, rows, problems);
    // Its failure is reported by the next await of `writing`, not as an unhandled rejection.
    writing.catch(() => {});
  };

  for (const sheet of sheets) {
    const columns = sheet.columns.filter((c) => c.field);
    const nameColumn = columns.find((c) => c.field === 'name')?.index ?? null;
    const groups: GroupContext[] = [];
    // What the group rows above say, merged once per group row rather than for every project row.
    let group: GroupContext = {};
    const meta: SheetMeta = { merges: [], rowCount: 0, declaredRows: null };
    let pending: Pending[] = [];
    for await (const batch of readSheet(wb, partOf(wb, sheet.sheet), meta, { maxRows: limits.maxRows })) {
      for (const r of batch) {
        if (r.number - 1 <= sheet.headerBottom) continue;
        const kind = classifyRow(r.cells, nameColumn);
        if (kind !== 'data') {
          counts.ignoredRows++;
          if (kind === 'group') {
            enterGroup(groups, groupLabel(r.cells));
            group = Object.assign({}, ...groups.filter(Boolean)) as GroupContext;
          }
          continue;
        }
        const reading = readRow(r.cells, columns, sheet.unit, { date1904: wb.date1904 });
        const problems: RowProblem[] = reading.problems.length ? reading.problems.map((x) => ({ level: 'error', field: x.field, reason: x.reason })) : NONE;
        pending.push({ sheet, row: r.number, cells: r.cells, values: reading.values, group, problems });
      }
      done += batch.length;
      if (pending.length >= BATCH) {
        await flush(pending);
        pending = [];
      }
      await progress.tick(done);
    }
    await flush(pending);
  }
  await writing;
  counts.ownersCreated = owners.size;
  return counts;
}

async function stage(db: Db, rows: (typeof importRows.$inferInsert)[], problems: (typeof importProblems.$inferInsert)[]) {
  await bulkInsert(db, importRows, rows);
  await bulkInsert(db, importProblems, problems);
}

function enterGroup(groups: GroupContext[], label: string) {
  const depth = groupDepth(label) ?? 1;
  groups.length = depth - 1;
  groups[depth - 1] = groupContext(label);
}

function tally(c: ImportCounts, row: typeof importRows.$inferInsert, problems: RowProblem[], owners: Set<string>) {
  c.rows++;
  for (const p of problems) {
    if (p.level === 'error') c.errors++;
    else c.warnings++;
  }
  if (row.action === 'create') c.created++;
  else if (row.action === 'update') c.updated++;
  else if (row.action === 'unchanged') c.unchanged++;
  else c.skipped++;
  if (row.reportAction === 'create') c.reportsCreated++;
  else if (row.reportAction === 'update') c.reportsUpdated++;
  else if (row.reportAction === 'unchanged') c.reportsUnchanged++;
  if (row.newOwner) owners.add(row.newOwner);
}

function problemRow(jobId: string, seq: number, p: Pending, x: RowProblem): typeof importProblems.$inferInsert {
  const col = x.field ? p.sheet.columns.find((c) => c.field === x.field) : undefined;
  return {
    jobId,
    seq,
    level: x.level,
    sheet: p.sheet.sheet,
    rowNumber: p.row,
    columnLetter: col ? columnLetter(col.index) : null,
    header: col?.header ?? null,
    value: col ? cellText(p.cells[col.index]).slice(0, 200) : null,
    reason: x.reason,
  };
}

function partOf(wb: Awaited<ReturnType<typeof openWorkbook>>, name: string): string {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`sheet ${name} vanished`);
  return s.part;
}

export function toPeriod(key: string): ReportPeriod {
  const p = periodOf('month', `${key}-01`);
  return { start: p.start, end: p.end, year: Number(key.slice(0, 4)) };
}

const uniq = (list: (string | undefined)[]) => [...new Set(list.filter((x): x is string => !!x))];
