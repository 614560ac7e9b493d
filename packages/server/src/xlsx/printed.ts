/**
 * A worksheet as offices print their tables: a bold title across the top, a line with the
 * date, filters and unit (单位：万元), a shaded header frozen in place and repeated on every
 * printed page, thin borders, landscape A4 fitted to width. Every text cell is neutralised
 * against formula injection.
 */
import type ExcelJS from 'exceljs';
import { safeText } from './safe-text.ts';

export interface PrintedColumn {
  header: string;
  width: number;
  numFmt?: string;
}

export type Cell = string | number | null | undefined;

export const WAN_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.00';

const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Adds the sheet with its title, note and header; rows go in with `addRows`. */
/** With `streaming` (a WorkbookWriter), each row is written out as it is added, so memory stays flat. */
export function printedSheet(wb: ExcelJS.Workbook, name: string, opts: { title: string; note: string; columns: PrintedColumn[]; streaming?: boolean }) {
  const { columns } = opts;
  // Views and page setup go in with the sheet: a streaming sheet cannot take them later.
  const ws = wb.addWorksheet(safeSheetName(name), {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const title = ws.getCell(1, 1);
  title.value = safeText(opts.title);
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, columns.length);
  const note = ws.getCell(2, 1);
  note.value = safeText(opts.note);
  note.alignment = { horizontal: 'right' };
  const header = ws.getRow(3);
  columns.forEach((c, i) => {
    const h = header.getCell(i + 1);
    h.value = safeText(c.header);
    h.font = { bold: true };
    h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    h.border = BORDER;
  });
  header.height = 32;
  return {
    ws,
    /** `bold` for a 合计 row at the end. */
    addRows(rows: Cell[][], style: { bold?: boolean } = {}) {
      for (const r of rows) {
        const row = ws.addRow(r.map((v) => (typeof v === 'string' ? safeText(v) : (v ?? null))));
        columns.forEach((c, i) => {
          const cell = row.getCell(i + 1);
          if (c.numFmt) cell.numFmt = c.numFmt;
          cell.border = BORDER;
        });
        if (style.bold) row.font = { bold: true };
        if (opts.streaming) row.commit();
      }
    },
  };
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '－').slice(0, 31) || 'Sheet1';
}

/** 'attachment' header with a UTF-8 file name (Chinese names survive every browser). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
