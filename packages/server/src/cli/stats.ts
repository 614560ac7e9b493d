/** `pacer stats` and `pacer board`: the same figures as the API and UI, for scripts and cron. */
import { beijingLocal, GRADE_LABELS, isoDate, periodOf, yuanToWan, type Grade } from '@pacer/domain';
import type { Command } from 'commander';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { boardEntries, boards } from '../db/schema.ts';
import { draftBoard } from '../modules/boards/service.ts';
import { computeStats, GROUP_FIELDS, type GroupField, type StatsRow } from '../modules/stats/service.ts';
import { CliError, withDatabase } from './context.ts';
import { formatTable } from './table.ts';

const FORMATS = ['json', 'table'] as const;
type Format = (typeof FORMATS)[number];

function parseDate(text: string, option: string): string {
  const r = isoDate.safeParse(text);
  if (!r.success) throw new CliError(`${option} 应为 YYYY-MM-DD 格式的日期，收到 "${text}"`);
  return text;
}

function parseFormat(text: string): Format {
  if (!(FORMATS as readonly string[]).includes(text)) throw new CliError(`--format 应为 json 或 table，收到 "${text}"`);
  return text as Format;
}

const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(2));

export async function statsRows(db: Db, opts: { year: number; asOf: string; groupBy: GroupField }): Promise<Omit<StatsRow, 'key'>[]> {
  const result = await computeStats(db, null, opts);
  // The CLI's contract names exactly these fields; the API's `key` stays out of it.
  return [...result.rows, result.total].map(({ key: _key, ...row }) => row);
}

export async function boardLines(db: Db, week: string) {
  const start = periodOf('week', week).start;
  const [published] = await db.select().from(boards).where(eq(boards.weekStart, start)).orderBy(desc(boards.version)).limit(1);
  if (published) {
    const entries = await db.select().from(boardEntries).where(eq(boardEntries.boardId, published.id));
    entries.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.projectName.localeCompare(b.projectName, 'zh-CN'));
    return {
      week: start,
      status: 'published' as const,
      version: published.version,
      timeProgress: published.timeProgress,
      lines: entries.map((e) => ({ rank: e.rank, project: e.projectName, region: e.regionName, planWan: e.planYuan === null ? null : yuanToWan(e.planYuan), ytdWan: yuanToWan(e.ytdYuan), completionRate: e.completionRate, gapPoints: e.gapPoints, suggestedGrade: e.suggestedGrade, grade: e.grade, movement: e.movement, reportMissing: e.reportMissing })),
    };
  }
  const draft = await draftBoard(db, start);
  const lines = [...draft.lines].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.item.name.localeCompare(b.item.name, 'zh-CN'));
  return {
    week: start,
    status: 'draft' as const,
    version: null,
    timeProgress: draft.timeProgress,
    lines: lines.map((l) => ({ rank: l.rank, project: l.item.name, region: l.item.regionName, planWan: l.item.planYuan === null ? null : yuanToWan(l.item.planYuan), ytdWan: yuanToWan(l.item.ytdYuan), completionRate: l.completionRate, gapPoints: l.gapPoints, suggestedGrade: l.suggestedGrade, grade: l.grade, movement: l.movement, reportMissing: l.item.reportMissing })),
  };
}

const gradeText = (g: string | null) => (g ? GRADE_LABELS[g as Grade].zh : '—');

export function registerStats(program: Command): void {
  const today = () => beijingLocal(new Date()).slice(0, 10);
  program
    .command('stats')
    .description('分组完成率、时序进度与进度差 / completion, time progress and gap by group')
    .option('--year <year>', '年度 / plan year (默认为 --as-of 所在年)')
    .option('--as-of <date>', '截至日期 YYYY-MM-DD / as of this date (默认今天)')
    .option('--group-by <field>', `分组 / group by: ${GROUP_FIELDS.join('|')}`, 'region')
    .option('--format <format>', '输出格式 / output: json|table', 'table')
    .action(async (o: { year?: string; asOf?: string; groupBy: string; format: string }) => {
      const asOf = parseDate(o.asOf ?? today(), '--as-of');
      const year = o.year === undefined ? Number(asOf.slice(0, 4)) : Number(o.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError(`--year 应为 2000–2100 的年份，收到 "${o.year}"`);
      if (!(GROUP_FIELDS as readonly string[]).includes(o.groupBy)) throw new CliError(`--group-by 应为 ${GROUP_FIELDS.join('、')} 之一，收到 "${o.groupBy}"`);
      const format = parseFormat(o.format);
      const rows = await withDatabase((d) => statsRows(d.db, { year, asOf, groupBy: o.groupBy as GroupField }));
      if (format === 'json') {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      console.log(`${year} 年，截至 ${asOf}，按 ${o.groupBy} 分组（金额：万元；比率：%）`);
      console.log(
        formatTable(
          ['分组', '项目数', '年度计划', '本年累计', '完成率', '时序进度', '进度差'],
          rows.map((r) => [r.group, String(r.projects), r.planWan.toFixed(2), r.ytdWan.toFixed(2), fixed(r.completionRate), fixed(r.timeProgress), fixed(r.gapPoints)]),
          { right: [1, 2, 3, 4, 5, 6] },
        ),
      );
    });

  program
    .command('board')
    .description('某周的周晒榜（已发布的最新版，未发布则为草稿）/ the weekly board of a week')
    .option('--week <date>', '该周任一天 YYYY-MM-DD / any day of the week (默认上周)')
    .option('--format <format>', '输出格式 / output: json|table', 'table')
    .action(async (o: { week?: string; format: string }) => {
      const week = o.week ? parseDate(o.week, '--week') : lastWeek(today());
      const format = parseFormat(o.format);
      const board = await withDatabase((d) => boardLines(d.db, week));
      if (format === 'json') {
        console.log(JSON.stringify(board, null, 2));
        return;
      }
      console.log(`周晒榜 ${board.week}（${board.status === 'published' ? `已发布第 ${board.version} 版` : '草稿，未发布'}），时序进度 ${board.timeProgress.toFixed(2)}%`);
      console.log(
        formatTable(
          ['排名', '项目', '县市区', '完成率', '进度差', '等次'],
          board.lines.map((l) => [l.rank === null ? '—' : String(l.rank), l.project, l.region, fixed(l.completionRate), fixed(l.gapPoints), gradeText(l.grade)]),
          { right: [0, 3, 4] },
        ),
      );
    });
}

function lastWeek(today: string): string {
  const d = new Date(`${periodOf('week', today).start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
}
