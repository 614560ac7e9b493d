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
import { parseCategory, parseLevels, parseStatus, parseTrack } from './vocab.ts';

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

/** Reads the mapped cells of a row; `unit` is the sheet's amount unit. */
export function readRow(cells: readonly LedgerCellWithFormula[], columns: readonly ColumnMapping[], unit: AmountUnit, opts: { date1904?: boolean } = {}): RowReading {
  const values: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const col of columns) {
    const field = col.field;
    const def = field ? ledgerField(field) : undefined;
    if (!field || !def || def.target === 'none') continue;
    const cell = cells[col.index] ?? { kind: 'empty' };
    if (isBlankCell(cell)) continue;
    const value = cellText(cell);
    const problem = (reason: string) => problems.push({ column: col.index, field, value, reason });
    if (cell.formula) {
      problem(`单元格是公式（=${cell.formula.slice(0, 40)}），不导入公式；请复制该列后"选择性粘贴为数值"再导入`);
      continue;
    }
    switch (def.kind) {
      case 'amount': {
        const r = parseAmount(cell, col.unit ?? unit);
        if (r.ok) values[field] = r.yuan;
        else problem(r.reason);
        break;
      }
      case 'date': {
        const r = parseDateCell(cell, { monthEnd: field === 'plannedFinish', date1904: opts.date1904 });
        if (r.ok) values[field] = r.date;
        else problem(r.reason);
        break;
      }
      case 'vocab': {
        const parse = { levels: parseLevels, category: parseCategory, status: parseStatus, track: parseTrack }[field as 'levels'];
        const r = parse(value);
        if (r.ok) values[field] = r.value;
        else problem(r.reason);
        break;
      }
      default: {
        if (cell.kind === 'bool' || cell.kind === 'error') {
          problem(cell.kind === 'error' ? `单元格是错误值 ${value}` : '应为文字，不是是/否值');
          break;
        }
        const text = field === 'code' || field === 'industry' ? value.replace(/\s/g, '').toUpperCase() : cleanTextKeepLines(cell.kind === 'text' ? cell.text : value, field);
        // Text that a spreadsheet would run as a formula is refused rather than stored.
        if (/^[=@]/.test(text)) problem('内容以 = 或 @ 开头，像是公式，请删除开头的符号');
        else if (text.length > (TEXT_LIMITS[field] ?? 200)) problem(`不能超过 ${TEXT_LIMITS[field] ?? 200} 个字`);
        else values[field] = text;
      }
    }
  }
  return { values: values as LedgerValues, problems };
}

/** Long free text keeps its line breaks; names and short fields become one line. */
function cleanTextKeepLines(text: string, field: LedgerField): string {
  const t = tidyText(text);
  if (field === 'description' || field === 'physicalProgress' || field === 'problems') return t.split('\n').filter(Boolean).join('\n');
  return t.replace(/\n+/g, ' ');
}
