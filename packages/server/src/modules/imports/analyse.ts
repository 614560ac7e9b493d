/**
 * Reading what a ledger is before importing it: its sheets, each table's header (merged
 * parents included — they are listed after the rows, so each sheet is read to its end),
 * the unit, the period it is "as of", and the column mapping to propose.
 */
import {
  cellText,
  classifyRow,
  hasProgress,
  locateTable,
  mappingProblems,
  proposeColumns,
  sheetPeriod,
  type LedgerCell,
  type LedgerField,
  type LedgerPeriod,
} from '@pacer/domain';
import { readSheet, type SheetMeta, type SheetRow } from '../../xlsx/sheet.ts';
import type { Workbook } from '../../xlsx/workbook.ts';
import type { ImportLimits } from './limits.ts';
import type { SheetFinding } from './schema.ts';

/** The header is looked for in this many rows at the top of a sheet. */
export const HEAD_ROWS = 15;
const SAMPLE_ROWS = 3;

export interface Analysis {
  sheets: SheetFinding[];
  period: { key: string; source: 'title' | 'header' } | null;
  year: number | null;
  notices: string[];
}

export async function analyseWorkbook(wb: Workbook, limits: ImportLimits, remembered: ReadonlyMap<string, LedgerField | null>, onSheet?: (done: number) => Promise<void>): Promise<Analysis> {
  const sheets: SheetFinding[] = [];
  const notices: string[] = [];
  const periods: { p: LedgerPeriod; source: 'title' | 'header'; conflict: string | null }[] = [];
  for (const [i, info] of wb.sheets.entries()) {
    const meta: SheetMeta = { merges: [], rowCount: 0, declaredRows: null };
    const head: SheetRow[] = [];
    for await (const batch of readSheet(wb, info.part, meta, { maxRows: limits.maxRows, keepRows: HEAD_ROWS + SAMPLE_ROWS + 5 })) head.push(...batch);
    const grid: LedgerCell[][] = [];
    for (const r of head) grid[r.number - 1] = r.cells;
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    const table = locateTable(grid.slice(0, HEAD_ROWS), meta.merges);
    const finding = describe(info.name, info.hidden, meta.rowCount, grid, table, remembered);
    if (table && finding.enabled) {
      const { period, conflict } = sheetPeriod(table.period, table.columns, finding.columns);
      finding.period = period;
      if (period && hasProgress(finding)) periods.push({ p: period, source: table.period ? 'title' : 'header', conflict });
    }
    if (finding.found && !info.hidden && EXAMPLE.test(info.name)) notices.push(`工作表"${info.name}"是示例，默认不导入`);
    if (info.hidden && table) notices.push(`工作表"${info.name}"是隐藏的，默认不导入；如需导入请在对应关系中勾选`);
    if (finding.enabled && finding.unitSource === 'default' && finding.columns.some((c) => isAmount(c.field) && !c.unit)) {
      notices.push(`工作表"${info.name}"未注明金额单位，按万元读取；如不是万元请在对应关系中改正`);
    }
    sheets.push(finding);
    await onSheet?.(i + 1);
  }
  const first = periods[0];
  if (first?.conflict) notices.push(first.conflict);
  const year = first?.p.year ?? sheets.find((s) => s.enabled && s.year)?.year ?? null;
  const period = first && year ? { key: `${year}-${String(first.p.month).padStart(2, '0')}`, source: first.source } : null;
  return { sheets, period, year, notices };
}

/** Sheets of examples or instructions are shown but not imported unless ticked. */
const EXAMPLE = /示例|样例|样表|范例|说明/;

const isAmount = (f: string | null) => f === 'total' || f === 'annualPlan' || f === 'ytd' || f === 'sinceStart' || f === 'periodAmount' || f === 'paidYtd';

function describe(
  sheet: string,
  hidden: boolean,
  rows: number,
  grid: LedgerCell[][],
  table: ReturnType<typeof locateTable>,
  remembered: ReadonlyMap<string, LedgerField | null>,
): SheetFinding {
  if (!table) {
    return { sheet, hidden, rows, found: false, enabled: false, headerTop: 0, headerBottom: 0, unit: 'wan', unitSource: 'default', columns: [], title: [], period: null, year: null, problems: ['没有找到含"项目名称"或"项目代码"的表头，不导入此表'], sample: [] };
  }
  const columns = proposeColumns(table.columns, remembered);
  const nameColumn = columns.find((c) => c.field === 'name')?.index ?? null;
  const sample = grid
    .slice(table.headerBottom + 1)
    .filter((r) => classifyRow(r, nameColumn) === 'data')
    .slice(0, SAMPLE_ROWS)
    .map((r) => r.map((c) => cellText(c)));
  const problems = mappingProblems({ columns });
  return {
    sheet,
    hidden,
    rows,
    found: true,
    enabled: !hidden && problems.length === 0 && !EXAMPLE.test(sheet),
    headerTop: table.headerTop,
    headerBottom: table.headerBottom,
    unit: table.unit ?? 'wan',
    unitSource: table.unit ? 'note' : 'default',
    columns,
    title: table.above,
    period: table.period,
    year: table.year,
    problems,
    sample,
  };
}
