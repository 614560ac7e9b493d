/**
 * The dashboard's tables and the figures by group (分组完成率) as Excel: the same rows, filters
 * and units as on screen, titled and dated as a bulletin annex.
 */
import { beijingLocal, PROJECT_CATEGORIES, PROJECT_LEVELS } from '@pacer/domain';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import { PERCENT_FORMAT, printedSheet, WAN_FORMAT, type PrintedColumn } from '../../xlsx/printed.ts';
import type { UserContext } from '../auth/sessions.ts';
import { dashboard } from '../dashboard/service.ts';
import { computeStats, type GroupField, type StatsRow } from '../stats/service.ts';

const GROUP_LABELS: Record<GroupField, string> = { region: '县市区', park: '园区', level: '项目级别', category: '项目类别', status: '建设状态', track: '竞赛赛道', hq: '协调指挥部', leader: '联点领导', owner: '业主单位' };

const statsColumns = (group: string): PrintedColumn[] => [
  { header: group, width: 20 },
  { header: '项目数', width: 8 },
  { header: '年度计划（万元）', width: 16, numFmt: WAN_FORMAT },
  { header: '本年累计完成（万元）', width: 16, numFmt: WAN_FORMAT },
  { header: '完成率（%）', width: 12, numFmt: PERCENT_FORMAT },
  { header: '时序进度（%）', width: 12, numFmt: PERCENT_FORMAT },
  { header: '进度差（百分点）', width: 14, numFmt: PERCENT_FORMAT },
];
const statsRow = (r: StatsRow) => [r.group, r.projects, r.planWan, r.ytdWan, r.completionRate, r.timeProgress, r.gapPoints];

export async function statsWorkbook(db: Db, user: UserContext | null, opts: { year: number; asOf: string; groupBy: GroupField }) {
  const result = await computeStats(db, user, opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = '领跑 Pacer';
  const label = GROUP_LABELS[opts.groupBy];
  const sheet = printedSheet(wb, `按${label}`, { title: `${opts.year}年重点项目投资完成情况（按${label}）`, note: `截至${opts.asOf}　　单位：万元`, columns: statsColumns(label) });
  sheet.addRows(result.rows.map(statsRow));
  sheet.addRows([statsRow(result.total)], { bold: true });
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${opts.year}年投资完成情况（按${label}，截至${opts.asOf}）.xlsx` };
}

export async function dashboardWorkbook(db: Db, user: UserContext, opts: { year: number; asOf: string; filters: { level: string[]; category: string[] } }) {
  const d = await dashboard(db, user, opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = '领跑 Pacer';
  const filters = [
    opts.filters.level.length ? `级别 ${opts.filters.level.map((k) => PROJECT_LEVELS.label(k)).join('、')}` : '',
    opts.filters.category.length ? `类别 ${opts.filters.category.map((k) => PROJECT_CATEGORIES.label(k)).join('、')}` : '',
  ].filter(Boolean);
  const note = `${filters.length ? `筛选：${filters.join('；')}　　` : ''}截至${d.asOf}　时序进度 ${d.timeProgress.toFixed(2)}%　　单位：万元`;
  for (const [name, rows] of [['县市区', d.byRegion], ['项目类别', d.byCategory], ['项目级别', d.byLevel]] as const) {
    const sheet = printedSheet(wb, `按${name}`, { title: `${d.year}年重点项目投资完成情况（按${name}）`, note, columns: statsColumns(name) });
    sheet.addRows(rows.map(statsRow));
    sheet.addRows([statsRow(d.total)], { bold: true });
  }
  const lines = printedSheet(wb, '滞后项目', {
    title: `${d.year}年滞后于时序进度的项目`,
    note,
    columns: [
      { header: '序号', width: 6 },
      { header: '项目名称', width: 40 },
      { header: '县市区', width: 10 },
      { header: '年度计划（万元）', width: 16, numFmt: WAN_FORMAT },
      { header: '本年累计完成（万元）', width: 16, numFmt: WAN_FORMAT },
      { header: '完成率（%）', width: 12, numFmt: PERCENT_FORMAT },
      { header: '进度差（百分点）', width: 14, numFmt: PERCENT_FORMAT },
    ],
  });
  lines.addRows(d.lagging.map((l, i) => [i + 1, l.name, l.regionName, l.planWan, l.ytdWan, l.completionRate, l.gapPoints]));
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${d.year}年数据看板（截至${d.asOf}，导出于${beijingLocal(new Date()).slice(0, 10)}）.xlsx` };
}
