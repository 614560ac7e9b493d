/**
 * `pacer import FILE`: the same import as the web page — analyse, map by header, dry run,
 * commit all or nothing — run to the end in this process, printing the summary and every
 * problem. The exit code is non-zero when nothing was imported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fieldLabel, importDefaults, parsePeriodKey, type Role } from '@pacer/domain';
import type { Command } from 'commander';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Db } from '../db/client.ts';
import { organisations, users } from '../db/schema.ts';
import { SYSTEM_ACTOR, type Actor } from '../modules/imports/actor.ts';
import { JobRunner } from '../modules/imports/jobs.ts';
import type { ImportLimits } from '../modules/imports/limits.ts';
import { columnLetter, presentJob } from '../modules/imports/present.ts';
import { problemsOf } from '../modules/imports/queries.ts';
import type { ImportJobDto } from '../modules/imports/schema.ts';
import { commitImport, confirmMapping, jobFor, startImport, STATUS_LABELS, type ImportContext } from '../modules/imports/service.ts';
import { importLimitsFromConfig } from '../modules/imports/limits.ts';
import { CliError, withDatabase } from './context.ts';

export interface ImportOptions {
  year?: number;
  /** 'YYYY-MM' when the sheets do not say it. */
  period?: string;
  dryRun?: boolean;
  acceptProblems?: boolean;
  /** Act as this account (its scope and name in the records); else as the office. */
  as?: string;
  /** Values for fields the ledger leaves out (new projects): level keys, category, status, region code. */
  defaults?: { level?: string; category?: string; status?: string; region?: string };
}

const UNIT = { yuan: '元', wan: '万元', yi: '亿元' } as const;
const SHOWN_PROBLEMS = 200;

export async function actorFor(db: Db, username: string | undefined): Promise<Actor> {
  if (!username) return SYSTEM_ACTOR;
  const [row] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, orgId: users.orgId, orgName: organisations.name, regionCode: users.regionCode, personId: users.personId })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.username, username), isNull(users.disabledAt)));
  if (!row) throw new CliError(`没有启用中的账号 ${username}`);
  if (!['office', 'coordinator', 'owner'].includes(row.role)) throw new CliError(`账号 ${username} 的角色不能导入数据`);
  return { ...row, role: row.role as Role };
}

/** Runs the whole import and reports through `print`; returns the exit code. */
export async function importCommand(database: Database, limits: ImportLimits, file: string, opts: ImportOptions, print: (line: string) => void): Promise<number> {
  if (opts.period !== undefined && !parsePeriodKey(opts.period)) throw new CliError(`--period 应为 YYYY-MM，例如 2022-03，收到 "${opts.period}"`);
  if (!fs.existsSync(file)) throw new CliError(`找不到文件 ${file}`);
  const size = fs.statSync(file).size;
  if (size > limits.maxUploadBytes) throw new CliError(`文件 ${Math.round(size / 1024 / 1024)} MB，超过导入上限 ${Math.round(limits.maxUploadBytes / 1024 / 1024)} MB（PACER_IMPORT_MAX_MB）`);
  const runner = new JobRunner(database.db, (err) => console.error(err));
  const c: ImportContext = { db: database.db, runner, limits };
  const actor = await actorFor(database.db, opts.as);
  const current = async (id: string) => {
    await runner.drain();
    return presentJob(await jobFor(c, actor, id));
  };
  let job = await current((await startImport(c, actor, { name: path.basename(file), bytes: fs.readFileSync(file) }, { planYear: opts.year })).id);
  if (job.status === 'failed') throw new CliError(job.error ?? '无法读取文件');
  describeSheets(job, print);
  const period = opts.period ? `${parsePeriodKey(opts.period)!.year}-${String(parsePeriodKey(opts.period)!.month).padStart(2, '0')}` : undefined;
  const d = opts.defaults ?? {};
  const defaults = importDefaults.safeParse({ levels: d.level?.split(','), category: d.category, status: d.status, regionCode: d.region });
  if (!defaults.success) throw new CliError(`缺省值有误：${defaults.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join('；')}`);
  await confirmMapping(c, actor, job.id, { period, planYear: opts.year, defaults: defaults.data, remember: false });
  job = await current(job.id);
  if (job.status !== 'previewed') throw new CliError(job.error ?? `预检未完成（${STATUS_LABELS[job.status]}）`);
  print(`\n预检 Dry run：${summary(job)}`);
  await printProblems(c, actor, job, print);
  const errors = job.counts.errors;
  if (opts.dryRun) {
    print(errors ? '\n仅预检，未写入。有错误的行不会导入；改正后重试，或加 --accept-problems 跳过这些行。' : '\n仅预检，未写入。去掉 --dry-run 即可导入。');
    return errors ? 1 : 0;
  }
  if ((errors || job.counts.warnings) && !opts.acceptProblems) {
    print('\n未导入：预检发现问题。改正文件后重试，或加 --accept-problems 接受这些问题（有错误的行不导入）。');
    return 1;
  }
  if (!job.counts.created && !job.counts.updated && !job.counts.reportsCreated && !job.counts.reportsUpdated) {
    print('\n未导入：没有需要写入的数据（都与系统一致，或都有错误）。');
    return 1;
  }
  await commitImport(c, actor, job.id, { acceptProblems: true });
  job = await current(job.id);
  if (job.status !== 'committed') throw new CliError(job.error ?? '提交失败，未写入任何数据');
  print(`\n已导入 Imported：批次 ${job.id}。如需撤销，可在"导入记录"中操作（POST /api/imports/${job.id}/rollback）。`);
  return 0;
}

function describeSheets(job: ImportJobDto, print: (line: string) => void) {
  print(`文件 ${job.fileName}（${job.sheets.length} 个工作表）`);
  for (const s of job.sheets) {
    if (!s.found) {
      print(`  工作表"${s.sheet}"：未找到项目表格，跳过`);
      continue;
    }
    const rows = s.headerTop === s.headerBottom ? `第 ${s.headerTop + 1} 行` : `第 ${s.headerTop + 1}–${s.headerBottom + 1} 行`;
    print(`  工作表"${s.sheet}"${s.enabled ? '' : '（不导入）'}：表头${rows}，金额单位 ${UNIT[s.unit]}${s.unitSource === 'default' ? '（未注明，按万元）' : ''}，${s.rows} 行`);
    print(`    ${s.columns.map((col) => `${columnLetter(col.index)} ${col.header}→${col.field ? fieldLabel(col.field) : '（未对应）'}`).join(' · ')}`);
    for (const p of s.problems) print(`    ！${p}`);
  }
  if (job.period) print(`  填报期 ${job.period}（取自${job.periodSource === 'title' ? '标题' : job.periodSource === 'header' ? '表头' : '命令行'}）`);
  for (const n of job.notices) print(`  注意：${n}`);
}

function summary(job: ImportJobDto): string {
  const c = job.counts;
  return [
    `项目 新建 ${c.created} · 更新 ${c.updated} · 不变 ${c.unchanged} · 跳过（有错误）${c.skipped}`,
    `填报 新建 ${c.reportsCreated} · 更新 ${c.reportsUpdated} · 不变 ${c.reportsUnchanged}`,
    ...(c.ownersCreated ? [`新建业主单位 ${c.ownersCreated}`] : []),
    `略过分组/小计/合计/说明行 ${c.ignoredRows}`,
    `问题 ${c.errors} 个错误、${c.warnings} 个提示`,
  ].join('；');
}

async function printProblems(c: ImportContext, actor: Actor, job: ImportJobDto, print: (line: string) => void) {
  const total = job.counts.errors + job.counts.warnings;
  if (!total) return;
  const { items } = await problemsOf(c, actor, job.id, undefined, 1, SHOWN_PROBLEMS);
  print('\n问题 Problems（工作表!单元格 [表头] "内容"：原因）');
  for (const p of items) {
    const where = p.column ? `${p.sheet ?? ''}!${p.column}${p.row ?? ''}` : `${p.sheet ?? ''} 第${p.row ?? '?'}行`;
    print(`  ${p.level === 'error' ? '错误' : '提示'} ${where}${p.header ? ` [${p.header}]` : ''}${p.value ? ` "${p.value}"` : ''}：${p.reason}`);
  }
  if (total > items.length) print(`  …… 共 ${total} 条，只列出前 ${items.length} 条（全部见网页上的问题清单）`);
}

export function registerImport(program: Command): void {
  program
    .command('import <file>')
    .description('导入项目台账或进度表（.xlsx），先预检再一次性写入 / import a projects or progress ledger')
    .option('--year <year>', '未注明年份的"年度计划"列所属年度 / the plan year of an unlabelled plan column')
    .option('--period <YYYY-MM>', '表中未写明时的填报期，如 2022-03 / the reporting month when the sheet does not say it')
    .option('--dry-run', '只预检，不写入 / check only, write nothing')
    .option('--accept-problems', '接受预检问题：有错误的行不导入，其余照常 / skip rows with errors, import the rest')
    .option('--as <username>', '以此账号导入（数据范围与记录）/ import as this account')
    .option('--level <keys>', '表中没有级别时新项目的级别，如 city 或 province,city / default levels of new projects')
    .option('--category <key>', '缺省项目类别，如 industry / default category')
    .option('--status <key>', '缺省建设状态，如 new / default status')
    .option('--region <code>', '缺省区划代码，如 430302 / default region')
    .action(async (file: string, o: { year?: string; period?: string; dryRun?: boolean; acceptProblems?: boolean; as?: string; level?: string; category?: string; status?: string; region?: string }) => {
      const year = o.year === undefined ? undefined : Number(o.year);
      if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw new CliError(`--year 应为 2000–2100 的年份，收到 "${o.year}"`);
      const defaults = { level: o.level, category: o.category, status: o.status, region: o.region };
      const code = await withDatabase((database, config) => importCommand(database, importLimitsFromConfig(config), file, { ...o, year, defaults }, (l) => console.log(l)));
      process.exitCode = code;
    });
}
