/**
 * One worksheet streamed row by row: each cell as stored (numbers keep their written text,
 * formulas are marked), plus the merged ranges and the declared size. Memory stays flat
 * whatever the number of rows; rows come out in batches as the XML is inflated.
 */
import type { LedgerCellWithFormula, MergeRange } from '@pacer/domain';
import { FileRefusal } from './refusal.ts';
import type { Workbook } from './workbook.ts';
import { createXmlScanner, type ScanAttrs, type XmlScanner, type ScanHandlers } from './scan.ts';
import { inflateEntry } from './zip.ts';

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  number: number;
  cells: LedgerCellWithFormula[];
}

/** What is known about a sheet once it has been read through. */
export interface SheetMeta {
  merges: MergeRange[];
  /** Rows holding at least one cell. */
  rowCount: number;
  /** The size the sheet declares (<dimension>), when it does. */
  declaredRows: number | null;
}

/** Past this column nothing a ledger needs is found; wider rows are cut, not refused. */
const MAX_COLUMNS = 500;

/** "AB12" → { col: 27, row: 11 } (0-based); "$AB$12" and lower case too. */
export function decodeRef(ref: string): { col: number; row: number } | null {
  // By character codes rather than a regular expression: it runs for every cell of a sheet.
  let i = 0;
  if (ref.charCodeAt(i) === DOLLAR) i++;
  let col = 0;
  const lettersFrom = i;
  for (; i < ref.length && i - lettersFrom < 4; i++) {
    const c = ref.charCodeAt(i) & ~0x20; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return null;
  if (ref.charCodeAt(i) === DOLLAR) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  const digits = i - digitsFrom;
  if (digits < 1 || digits > 7) return null;
  return { col: col - 1, row: row - 1 };
}

const DOLLAR = 36;

function decodeRange(ref: string): MergeRange | null {
  const [a, b] = ref.split(':');
  const from = a ? decodeRef(a) : null;
  const to = b ? decodeRef(b) : from;
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

interface CellState {
  col: number;
  type: string;
  /** Text of <v> (or of an inline string's <t> runs); null when the cell has none. */
  value: string | null;
  formula: string | null;
  inline: boolean;
}

/** Where character data goes: nowhere, the cell's value, or its formula. */
const NOWHERE = 0;
const VALUE = 1;
const FORMULA = 2;

/** One shared empty cell for the gaps of a row: cells are read, never changed. */
const EMPTY: LedgerCellWithFormula = Object.freeze({ kind: 'empty' as const });

const holdsSomething = (c: LedgerCellWithFormula) => c.kind !== 'empty';

export interface ReadOptions {
  maxRows: number;
  /**
   * Rows after this one are counted (and checked against maxRows) but not built or yielded:
   * the analysis needs the top of a sheet, its size and its merged ranges, not every cell.
   */
  keepRows?: number;
  /** The XML tokenizer: the fast one unless a test asks for the reference (saxes). */
  scanner?: (h: ScanHandlers) => XmlScanner;
}

/**
 * Streams a sheet's rows in batches. `maxRows` stops a sheet that is too large as soon as it
 * shows it; `meta` is complete when the iteration ends (merged ranges come after the rows).
 */
export async function* readSheet(wb: Workbook, part: string, meta: SheetMeta, opts: ReadOptions): AsyncGenerator<SheetRow[]> {
  const entry = wb.entries.get(part);
  if (!entry) throw new FileRefusal(`找不到工作表 ${part}`);
  let batch: SheetRow[] = [];
  let row: SheetRow | null = null;
  let cell: CellState | null = null;
  let target = NOWHERE;
  let phonetic = 0;
  let nextRow = 1;
  let nextCol = 0;
  let rowFilled = false;
  const keepRows = opts.keepRows ?? Number.POSITIVE_INFINITY;
  // A ledger repeats a few texts (区划, 类别, 状态) in every row: one cell object per shared string.
  const sharedCells: (LedgerCellWithFormula | undefined)[] = [];

  const finishCell = (c: CellState) => {
    if (!row || c.col >= MAX_COLUMNS) return;
    if (row.number > keepRows) {
      // Whether toCell would give something other than an empty cell, without making it.
      if ((c.inline && c.value !== null) || (c.value !== null && c.value !== '')) rowFilled = true;
      return;
    }
    const out = c.type === 's' && !c.inline && c.value ? sharedCell(wb.sharedStrings, sharedCells, c.value) : toCell(c.type, c.value, wb.sharedStrings, c.inline);
    const withFormula: LedgerCellWithFormula = c.formula !== null ? { ...out, formula: c.formula || '(共享公式)' } : out;
    while (row.cells.length < c.col) row.cells.push(EMPTY);
    row.cells[c.col] = withFormula;
  };

  const handlers = {
    open(name: string, attrs: ScanAttrs) {
      if (name === 'c') {
        if (!row) return;
        const ref = attrs.get('r');
        const col = ref ? (decodeRef(ref)?.col ?? nextCol) : nextCol;
        nextCol = col + 1;
        cell = { col, type: attrs.get('t') ?? 'n', value: null, formula: null, inline: false };
      } else if (cell && name === 'v') {
        cell.value = '';
        target = VALUE;
      } else if (cell && name === 'f') {
        cell.formula = '';
        target = FORMULA;
      } else if (cell && name === 'is') cell.inline = true;
      else if (cell && name === 'rPh') phonetic++;
      else if (cell && name === 't' && cell.inline && phonetic === 0) {
        cell.value ??= '';
        target = VALUE;
      } else if (name === 'row') {
        const r = Number(attrs.get('r'));
        row = { number: Number.isInteger(r) && r > 0 ? r : nextRow, cells: [] };
        rowFilled = false;
        nextRow = row.number + 1;
        nextCol = 0;
      } else if (name === 'mergeCell') {
        const range = decodeRange(attrs.get('ref') ?? '');
        if (range) meta.merges.push(range);
      } else if (name === 'dimension') {
        const range = decodeRange(attrs.get('ref') ?? '');
        meta.declaredRows = range ? range.bottom + 1 : null;
      }
    },
    text(t: string) {
      if (target === VALUE) cell!.value += t;
      else if (target === FORMULA) cell!.formula += t;
    },
    close(name: string) {
      if (name === 'v' || name === 'f' || name === 't') target = NOWHERE;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        finishCell(cell);
        cell = null;
      } else if (name === 'row' && row) {
        if (rowFilled || row.cells.some(holdsSomething)) {
          meta.rowCount++;
          if (meta.rowCount > opts.maxRows) throw new FileRefusal(`工作表行数超过上限 ${opts.maxRows.toLocaleString('en-US')} 行，请拆分后分批导入`);
          if (row.number <= keepRows) batch.push(row);
        }
        row = null;
      }
    },
  };

  // The consumer pulls: the next chunk is inflated only after it has taken the rows so far.
  const parser = (opts.scanner ?? createXmlScanner)(handlers);
  for await (const chunk of inflateEntry(wb.buf, entry, wb.budget)) {
    parser.write(chunk);
    if (batch.length) {
      yield batch;
      batch = [];
    }
  }
  parser.end();
  if (batch.length) yield batch;
}

/** The cell of a shared string, made once per string index. */
function sharedCell(sst: string[], cells: (LedgerCellWithFormula | undefined)[], v: string): LedgerCellWithFormula {
  const i = Number(v);
  if (!Number.isInteger(i) || i < 0) return toCell('s', v, sst, false);
  return (cells[i] ??= toCell('s', v, sst, false));
}

function toCell(type: string, v: string | null, sst: string[], inline: boolean): LedgerCellWithFormula {
  if (inline && v !== null) return { kind: 'text', text: v };
  if (v === null || v === '') return EMPTY;
  switch (type) {
    case 's': {
      const s = sst[Number(v)];
      return s === undefined ? { kind: 'error', text: '#无效共享字符串' } : { kind: 'text', text: s };
    }
    case 'str':
    case 'inlineStr':
    case 'd':
      return { kind: 'text', text: v };
    case 'b':
      return { kind: 'bool', value: v === '1' || v === 'true' };
    case 'e':
      return { kind: 'error', text: v };
    default: {
      const t = v.trim();
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? { kind: 'number', text: t } : { kind: 'text', text: v };
    }
  }
}
