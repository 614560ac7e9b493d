/**
 * The bulletin as an Excel workbook styled as offices print it: title, date, units note, frozen header.
 *
 * Written with ExcelJS's streaming writer: each row goes out as XML as soon as it is added, so a
 * province's tens of thousands of projects never sit in memory as row and cell objects. Every
 * data cell of a column shares one style object; ExcelJS finds a style it has seen by identity,
 * where a style object per cell would be serialised again for every cell to look it up.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeText } from '../../xlsx/safe-text.ts';
import type { StatsRow } from '../stats/service.ts';
import type { BulletinData, BulletinProject } from './data.ts';

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

type Value = string | number | null;

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * One sheet: a title merged across the columns, a note below it, a shaded header frozen and
 * repeated on every printed page, bordered rows, then `after` (plain lines below the table).
 */
function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, title: string, note: string, columns: Column[], rows: Iterable<Value[]>, after: string[] = []) {
  // A streaming sheet takes its views and page setup when it is added, not later.
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '3:3' },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  // Merged first: the merged cells share the first cell's style object, so they carry its font too.
  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = safeText(title);
  titleCell.font = { name: '黑体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, columns.length);
  ws.getCell(2, 1).value = safeText(note);
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  const header = ws.getRow(3);
  columns.forEach((c, i) => {
    header.getCell(i + 1).style = {
      font: { bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
      border: BORDER,
    };
    header.getCell(i + 1).value = c.header;
  });
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => (c.numFmt ? { numFmt: c.numFmt, border: BORDER } : { border: BORDER }));
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (typeof v === 'string' ? safeText(v) : v)));
    styles.forEach((s, i) => {
      row.getCell(i + 1).style = s;
    });
    row.commit();
  }
  if (after.length) ws.addRow([]).commit();
  for (const line of after) ws.addRow([safeText(line)]).commit();
  ws.commit();
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
/** Row by row as the writer asks for them: no second array of a province's rows. */
function* projectRows(list: BulletinProject[], withGrade: boolean): Generator<Value[]> {
  let i = 0;
  for (const p of list) yield [++i, p.name, p.regionName, p.category, p.planWan, p.ytdWan, p.completionRate, p.gapPoints, p.colour ? COLOUR[p.colour] : '—', ...(withGrade ? [p.grade ?? '—'] : [])];
}

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
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = '领跑 Pacer';
  const note = `截至${d.asOf}　单位：万元`;
  const withGrade = d.kind === 'week';
  const sheet = (name: string, title: string, columns: Column[], rows: Iterable<Value[]>, opts: { note?: string; after?: string[] } = {}) =>
    addSheet(wb, name, title, opts.note ?? note, columns, rows, opts.after);
  sheet('汇总', `${d.title}（${d.periodText}）`, statsColumns, statsRows(d.byRegion, d.total), { after: d.summary });
  sheet('分类别', `${d.title}——分类别（${d.periodText}）`, statsColumns, statsRows(d.byCategory, d.total));
  sheet('项目明细', `${d.title}——项目明细（${d.periodText}）`, projectColumns(withGrade), projectRows(d.projects, withGrade));
  sheet('红黄榜', `${d.title}——红黄榜（${d.periodText}）`, projectColumns(withGrade), projectRows([...d.red, ...d.yellow], withGrade));
  const problems = d.problems.byDepartment.map((r, i) => [i + 1, r.group, r.assigned, r.closed, r.overdue, r.onTimeRate, r.avgDaysToClose]);
  sheet('问题办理', `${d.title}——问题交办办理情况（${d.periodText}）`, problemColumns, problems, { note: `截至${d.asOf}　按牵头单位`, after: [d.problems.sentence] });
  await wb.commit();
  return Buffer.concat(chunks);
}
