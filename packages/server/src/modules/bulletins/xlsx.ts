/** The bulletin as an Excel workbook styled as offices print it: title, date, units note, frozen header. */
import ExcelJS from 'exceljs';
import { safeText } from '../../xlsx/safe-text.ts';
import type { StatsRow } from '../stats/service.ts';
import type { BulletinData, BulletinProject } from './data.ts';

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

function addSheet(wb: ExcelJS.Workbook, name: string, title: string, note: string, columns: Column[], rows: (string | number | null)[][]) {
  const ws = wb.addWorksheet(name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: '黑体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, columns.length);
  ws.getCell(2, 1).value = note;
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  const header = ws.getRow(3);
  columns.forEach((c, i) => {
    const h = header.getCell(i + 1);
    h.value = c.header;
    h.font = { bold: true };
    h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (typeof v === 'string' ? safeText(v) : v)));
    columns.forEach((c, i) => {
      if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  ws.eachRow((row, n) => {
    if (n < 3) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  ws.pageSetup.printTitlesRow = '3:3';
  return ws;
}

const statsColumns: Column[] = [
  { header: '单位', width: 18 },
  { header: '项目数', width: 8 },
  { header: '年度计划（万元）', width: 16, numFmt: '#,##0.00' },
  { header: '累计完成（万元）', width: 16, numFmt: '#,##0.00' },
  { header: '完成率（%）', width: 12, numFmt: '0.00' },
  { header: '时序进度（%）', width: 12, numFmt: '0.00' },
  { header: '进度差（百分点）', width: 14, numFmt: '0.00' },
];
const statsRows = (rows: StatsRow[], total: StatsRow) => [...rows, total].map((r) => [r.group, r.projects, r.planWan, r.ytdWan, r.completionRate, r.timeProgress, r.gapPoints]);

const projectColumns = (withGrade: boolean): Column[] => [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 40 },
  { header: '县市区', width: 10 },
  { header: '类别', width: 14 },
  { header: '年度计划（万元）', width: 16, numFmt: '#,##0.00' },
  { header: '累计完成（万元）', width: 16, numFmt: '#,##0.00' },
  { header: '完成率（%）', width: 12, numFmt: '0.00' },
  { header: '进度差（百分点）', width: 14, numFmt: '0.00' },
  { header: '三色预警', width: 10 },
  ...(withGrade ? [{ header: '等次', width: 8 }] : []),
];
const COLOUR = { green: '绿', yellow: '黄', red: '红' } as const;
const projectRows = (list: BulletinProject[], withGrade: boolean) =>
  list.map((p, i) => [i + 1, p.name, p.regionName, p.category, p.planWan, p.ytdWan, p.completionRate, p.gapPoints, p.colour ? COLOUR[p.colour] : '—', ...(withGrade ? [p.grade ?? '—'] : [])]);

const problemColumns: Column[] = [
  { header: '序号', width: 6 },
  { header: '牵头单位', width: 24 },
  { header: '交办', width: 8 },
  { header: '销号', width: 8 },
  { header: '逾期', width: 8 },
  { header: '按期办结率（%）', width: 14, numFmt: '0.00' },
  { header: '平均办结天数', width: 12, numFmt: '0.0' },
];

export async function bulletinXlsx(d: BulletinData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '领跑 Pacer';
  const note = `截至${d.asOf}　单位：万元`;
  const withGrade = d.kind === 'week';
  const summary = addSheet(wb, '汇总', `${d.title}（${d.periodText}）`, note, statsColumns, statsRows(d.byRegion, d.total));
  summary.addRow([]);
  for (const s of d.summary) summary.addRow([s]);
  addSheet(wb, '分类别', `${d.title}——分类别（${d.periodText}）`, note, statsColumns, statsRows(d.byCategory, d.total));
  addSheet(wb, '项目明细', `${d.title}——项目明细（${d.periodText}）`, note, projectColumns(withGrade), projectRows(d.projects, withGrade));
  addSheet(wb, '红黄榜', `${d.title}——红黄榜（${d.periodText}）`, note, projectColumns(withGrade), projectRows([...d.red, ...d.yellow], withGrade));
  const problems = addSheet(wb, '问题办理', `${d.title}——问题交办办理情况（${d.periodText}）`, `截至${d.asOf}　按牵头单位`, problemColumns, d.problems.byDepartment.map((r, i) => [i + 1, r.group, r.assigned, r.closed, r.overdue, r.onTimeRate, r.avgDaysToClose]));
  problems.addRow([]);
  problems.addRow([d.problems.sentence]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
