/**
 * A published weekly board (周晒榜) as offices print it: the projects with rank, figures,
 * grade and movement, and a sheet per unit ranking with the red flag (流动红旗).
 */
import { beijingLocal, GRADE_LABELS, PROJECT_CATEGORIES, yuanToWan, type Grade } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { boards } from '../../db/schema.ts';
import { PERCENT_FORMAT, printedSheet, WAN_FORMAT } from '../../xlsx/printed.ts';
import { boardByGroup, getBoard, type BoardGroup } from '../boards/queries.ts';

const grade = (g: string | null) => (g ? GRADE_LABELS[g as Grade].zh : '');
const movement = (m: number | null) => (m === null ? '' : m > 0 ? `↑${m}` : m < 0 ? `↓${-m}` : '—');
const GROUPS: [BoardGroup, string][] = [
  ['region', '按县市区'],
  ['park', '按园区'],
  ['hq', '按指挥部'],
];

export async function boardWorkbook(db: Db, id: string): Promise<{ body: Buffer; fileName: string }> {
  const { board, entries } = await getBoard(db, id);
  const title = `重点项目建设周晒榜（${board.weekStart} 至 ${board.weekEnd}）`;
  const note = `第 ${board.version} 版　发布时间：${beijingLocal(new Date(board.publishedAt)).replace('T', ' ')}　时序进度：${board.timeProgress.toFixed(2)}%　单位：万元`;
  const wb = new ExcelJS.Workbook();
  wb.creator = '领跑 Pacer';
  const projects = printedSheet(wb, '项目榜单', {
    title,
    note,
    columns: [
      { header: '排名', width: 6 },
      { header: '项目名称', width: 40 },
      { header: '县市区', width: 10 },
      { header: '所在园区', width: 12 },
      { header: '协调指挥部', width: 24 },
      { header: '业主单位', width: 28 },
      { header: '项目类别', width: 14 },
      { header: '年度计划（万元）', width: 14, numFmt: WAN_FORMAT },
      { header: '本年累计完成（万元）', width: 14, numFmt: WAN_FORMAT },
      { header: '完成率（%）', width: 10, numFmt: PERCENT_FORMAT },
      { header: '进度差（百分点）', width: 12, numFmt: PERCENT_FORMAT },
      { header: '等次', width: 8 },
      { header: '升降', width: 8 },
      { header: '本周未报', width: 8 },
      { header: '等次说明', width: 40 },
    ],
  });
  projects.addRows(
    entries.map((e) => [
      e.rank ?? '—',
      e.projectName,
      e.regionName,
      e.parkName ?? '',
      e.hqName ?? '',
      e.ownerName,
      PROJECT_CATEGORIES.label(e.category),
      e.planYuan === null ? null : yuanToWan(e.planYuan),
      yuanToWan(e.ytdYuan),
      e.completionRate,
      e.gapPoints,
      grade(e.grade),
      movement(e.movement),
      e.reportMissing ? '未报' : '',
      e.gradeReason,
    ]),
  );
  for (const [groupBy, name] of GROUPS) {
    const units = await boardByGroup(db, id, groupBy);
    const sheet = printedSheet(wb, name, {
      title: `${title}——${name}`,
      note,
      columns: [
        { header: '排名', width: 6 },
        { header: '单位', width: 24 },
        { header: '项目数', width: 8 },
        { header: '年度计划（万元）', width: 14, numFmt: WAN_FORMAT },
        { header: '本年累计完成（万元）', width: 14, numFmt: WAN_FORMAT },
        { header: '完成率（%）', width: 10, numFmt: PERCENT_FORMAT },
        { header: '进度差（百分点）', width: 12, numFmt: PERCENT_FORMAT },
        { header: '优秀', width: 6 },
        { header: '良好', width: 6 },
        { header: '一般', width: 6 },
        { header: '较差', width: 6 },
        { header: '流动红旗 / 警示', width: 14 },
      ],
    });
    sheet.addRows(
      units.rows.map((r) => [r.rank ?? '—', r.group, r.projects, r.planWan, r.ytdWan, r.completionRate, r.gapPoints, r.distribution.excellent, r.distribution.good, r.distribution.fair, r.distribution.poor, r.redFlag ? '流动红旗' : r.warning ? '警示' : '']),
    );
  }
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `周晒榜（${board.weekStart}）第${board.version}版.xlsx` };
}

/** The latest published version of the week containing a date, for `pacer export board`. */
export async function publishedBoardOfWeek(db: Db, weekStart: string): Promise<string | null> {
  const [b] = await db.select({ id: boards.id }).from(boards).where(eq(boards.weekStart, weekStart)).orderBy(desc(boards.version)).limit(1);
  return b?.id ?? null;
}
