/**
 * One project row of a ledger read through its column mapping: typed values for the cells
 * that hold something, and a problem for each cell that cannot be read, saying why.
 */
import type { CompetitionTrack, ProjectCategory, ProjectLevel, ProjectStatus } from '../vocabulary.ts';
import { parseAmount, type AmountUnit } from './amount.ts';
import { parseDateCell } from './dates.ts';
import { ledgerField, type LedgerField } from './fields.ts';
import type { ColumnMapping } from './mapping.ts';
import { cellText, isBlankCell, tidyText, type LedgerCellWithFormula } from './text.ts';
import { parseCategory, parseLevels, parseStatus, parseTrack, type VocabResult } from './vocab.ts';

/** The values a row gives, each present only when its cell was filled. */
export interface LedgerValues {
  code?: string;
  name?: string;
  levels?: ProjectLevel[];
  category?: ProjectCategory;
  status?: ProjectStatus;
  track?: CompetitionTrack;
  /** Names (or codes) of regions, units and people, resolved by the server. */
  region?: string;
  park?: string;
  owner?: string;
  responsible?: string;
  leader?: string;
  hq?: string;
  serviceTeam?: string;
  industry?: string;
  contactName?: string;
  contactPhone?: string;
  description?: string;
  total?: number;
  annualPlan?: number;
  plannedStart?: string;
  plannedFinish?: string;
  ytd?: number;
  sinceStart?: number;
  periodAmount?: number;
  paidYtd?: number;
  physicalProgress?: string;
  problems?: string;
}

export interface CellProblem {
  /** 0-based column. */
  column: number;
  field: LedgerField;
  value: string;
  reason: string;
}

export interface RowReading {
  values: LedgerValues;
  problems: CellProblem[];
}

const TEXT_LIMITS: Partial<Record<LedgerField, number>> = {
  code: 40,
  name: 200,
  industry: 10,
  contactName: 50,
  contactPhone: 30,
  description: 4000,
  physicalProgress: 2000,
  problems: 2000,
};

const VOCAB_PARSERS = { levels: parseLevels, category: parseCategory, status: parseStatus, track: parseTrack } as Record<string, (t: string) => VocabResult<unknown>>;

/**
 * A ledger repeats the same few words in its vocabulary columns (市州重点, 产业项目, 新建) on
 * every row: each spelling is parsed once. Bounded, as a hostile file could vary them.
 */
const vocabMemo = new Map<string, VocabResult<unknown>>();

function parseVocab(field: string, text: string): VocabResult<unknown> {
  const key = `${field}\u0000${text}`;
  let r = vocabMemo.get(key);
  if (!r) {
    if (vocabMemo.size >= 4096) vocabMemo.clear();
    r = VOCAB_PARSERS[field]!(text);
    vocabMemo.set(key, r);
  }
  // Each row gets its own list of levels.
  return r.ok && Array.isArray(r.value) ? { ok: true, value: [...(r.value as unknown[])] } : r;
}

const NO_CELL: LedgerCellWithFormula = { kind: 'empty' };

/** Reads the mapped cells of a row; `unit` is the sheet's amount unit. */
export function readRow(cells: readonly LedgerCellWithFormula[], columns: readonly ColumnMapping[], unit: AmountUnit, opts: { date1904?: boolean } = {}): RowReading {
  // Plain loops and no closures here: this runs for every cell of a 100,000-row ledger.
  const values: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const col of columns) {
    const field = col.field;
    const def = field ? ledgerField(field) : undefined;
    if (!field || !def || def.target === 'none') continue;
    const cell = cells[col.index] ?? NO_CELL;
    if (isBlankCell(cell)) continue;
    let reason: string | null = null;
    if (cell.formula) {
      reason = `单元格是公式（=${cell.formula.slice(0, 40)}），不导入公式；请复制该列后"选择性粘贴为数值"再导入`;
    } else if (def.kind === 'amount') {
      const r = parseAmount(cell, col.unit ?? unit);
      if (r.ok) values[field] = r.yuan;
      else reason = r.reason;
    } else if (def.kind === 'date') {
      const r = parseDateCell(cell, { monthEnd: field === 'plannedFinish', date1904: opts.date1904 });
      if (r.ok) values[field] = r.date;
      else reason = r.reason;
    } else if (def.kind === 'vocab') {
      const r = parseVocab(field, cellText(cell));
      if (r.ok) values[field] = r.value;
      else reason = r.reason;
    } else if (cell.kind === 'bool' || cell.kind === 'error') {
      reason = cell.kind === 'error' ? `单元格是错误值 ${cellText(cell)}` : '应为文字，不是是/否值';
    } else {
      const text = field === 'code' || field === 'industry' ? cellText(cell).replace(/\s/g, '').toUpperCase() : cleanTextKeepLines(cell.kind === 'text' ? cell.text : cellText(cell), field);
      // Text that a spreadsheet would run as a formula is refused rather than stored.
      if (/^[=@]/.test(text)) reason = '内容以 = 或 @ 开头，像是公式，请删除开头的符号';
      else if (text.length > (TEXT_LIMITS[field] ?? 200)) reason = `不能超过 ${TEXT_LIMITS[field] ?? 200} 个字`;
      else values[field] = text;
    }
    if (reason !== null) problems.push({ column: col.index, field, value: cellText(cell), reason });
  }
  return { values: values as LedgerValues, problems };
}

/** Long free text keeps its line breaks; names and short fields become one line. */
function cleanTextKeepLines(text: string, field: LedgerField): string {
  const t = tidyText(text);
  if (field === 'description' || field === 'physicalProgress' || field === 'problems') return t.split('\n').filter(Boolean).join('\n');
  return t.replace(/\n+/g, ' ');
}
