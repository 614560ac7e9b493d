/**
 * `pacer export projects|board|stats|dashboard --out FILE`: the same workbooks as the
 * download buttons, for scripts and scheduled mailings.
 */
import fs from 'node:fs';
import { beijingLocal, isoDate, periodOf, projectListQuery } from '@pacer/domain';
import type { Command } from 'commander';
import { desc } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { boards } from '../db/schema.ts';
import { boardWorkbook, publishedBoardOfWeek } from '../modules/exports/boards.ts';
import { dashboardWorkbook, statsWorkbook } from '../modules/exports/figures.ts';
import { PROJECT_EXPORT_COLUMNS, projectsWorkbook, type ProjectExportColumn } from '../modules/exports/projects.ts';
import { scopeUser } from '../modules/imports/actor.ts';
import { GROUP_FIELDS, type GroupField } from '../modules/stats/service.ts';
import { CliError, withDatabase } from './context.ts';
import { actorFor } from './imports.ts';

export const EXPORT_KINDS = ['projects', 'board', 'stats', 'dashboard'] as const;

export interface ExportOptions {
  out: string;
  force?: boolean;
  year?: string;
  asOf?: string;
  week?: string;
  groupBy?: string;
  region?: string;
  category?: string;
  level?: string;
  status?: string;
  q?: string;
  unit?: string;
  columns?: string;
  as?: string;
}

const date = (text: string, option: string) => {
  if (!isoDate.safeParse(text).success) throw new CliError(`${option} 应为 YYYY-MM-DD 格式的日期，收到 "${text}"`);
  return text;
};

/** Writes the workbook and returns its rows (projects) or sheets, for the message. */
export async function exportCommand(database: Database, kind: string, o: ExportOptions): Promise<string> {
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) throw new CliError(`可导出：${EXPORT_KINDS.join('、')}，收到 "${kind}"`);
  if (fs.existsSync(o.out) && !o.force) throw new CliError(`文件 ${o.out} 已存在；换一个文件名，或加 --force 覆盖。`);
  const db = database.db;
  const user = scopeUser(await actorFor(db, o.as));
  const asOf = date(o.asOf ?? beijingLocal(new Date()).slice(0, 10), '--as-of');
  const year = o.year === undefined ? Number(asOf.slice(0, 4)) : Number(o.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError(`--year 应为 2000–2100 的年份，收到 "${o.year}"`);
  let file: { body: Buffer; fileName: string };
  let what: string;
  if (kind === 'projects') {
    const parsed = projectListQuery.safeParse({ region: o.region, category: o.category, level: o.level, status: o.status, q: o.q, year: o.year });
    if (!parsed.success) throw new CliError(`筛选条件有误：${parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join('；')}`);
    const columns = o.columns ? o.columns.split(',').filter(Boolean) : undefined;
    const bad = columns?.filter((c) => !(PROJECT_EXPORT_COLUMNS as readonly string[]).includes(c));
    if (bad?.length) throw new CliError(`--columns 可选：${PROJECT_EXPORT_COLUMNS.join(',')}，不认识 ${bad.join(',')}`);
    if (o.unit && o.unit !== 'wan' && o.unit !== 'yi') throw new CliError('--unit 应为 wan（万元）或 yi（亿元）');
    const r = await projectsWorkbook(db, user, { ...parsed.data, sort: 'regionCode', order: 'asc' }, { columns: columns as ProjectExportColumn[] | undefined, unit: (o.unit as 'wan' | 'yi' | undefined) ?? 'wan' });
    file = r;
    what = `${r.rows} 个项目`;
  } else if (kind === 'board') {
    const id = o.week ? await publishedBoardOfWeek(db, periodOf('week', date(o.week, '--week')).start) : (await db.select({ id: boards.id }).from(boards).orderBy(desc(boards.weekStart), desc(boards.version)).limit(1))[0]?.id;
    if (!id) throw new CliError(o.week ? `${o.week} 所在周还没有发布的榜单` : '还没有发布过榜单');
    file = await boardWorkbook(db, id);
    what = '周晒榜';
  } else if (kind === 'stats') {
    const groupBy = (o.groupBy ?? 'region') as GroupField;
    if (!GROUP_FIELDS.includes(groupBy)) throw new CliError(`--group-by 应为 ${GROUP_FIELDS.join('、')} 之一`);
    file = await statsWorkbook(db, user, { year, asOf, groupBy });
    what = `按 ${groupBy} 分组的完成情况`;
  } else {
    file = await dashboardWorkbook(db, user, { year, asOf, filters: { level: o.level?.split(',') ?? [], category: o.category?.split(',') ?? [] } });
    what = '数据看板表格';
  }
  fs.writeFileSync(o.out, file.body);
  return `已导出 ${what} → ${o.out}（${Math.ceil(file.body.length / 1024)} KB）`;
}

export function registerExport(program: Command): void {
  program
    .command('export <what>')
    .description('导出 Excel：projects 项目库 | board 周晒榜 | stats 分组完成率 | dashboard 看板表格 / export to Excel')
    .requiredOption('--out <file>', '输出文件 .xlsx / output file')
    .option('--force', '覆盖已有文件 / overwrite')
    .option('--year <year>', '年度 / plan year')
    .option('--as-of <date>', '截至日期 YYYY-MM-DD（stats、dashboard）/ as of')
    .option('--week <date>', '该周任一天（board，默认最新发布的）/ any day of the week')
    .option('--group-by <field>', `stats 分组：${GROUP_FIELDS.join('|')}`)
    .option('--region <codes>', 'projects：区划代码，逗号分隔（含下级）')
    .option('--category <keys>', 'projects/dashboard：类别，如 industry')
    .option('--level <keys>', 'projects/dashboard：级别，如 province,city')
    .option('--status <keys>', 'projects：建设状态')
    .option('--q <text>', 'projects：关键词')
    .option('--unit <unit>', 'projects：金额单位 wan|yi（默认 wan）')
    .option('--columns <keys>', `projects：列，逗号分隔（${PROJECT_EXPORT_COLUMNS.join(',')}）`)
    .option('--as <username>', '按此账号的数据范围导出 / export as this account sees it')
    .action(async (what: string, o: ExportOptions) => {
      console.log(await withDatabase((database) => exportCommand(database, what, o)));
    });
}
