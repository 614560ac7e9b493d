/**
 * The column mapping (列对应关系) of a sheet: proposed from header rules and what the
 * organisation confirmed before, then confirmed or fixed by a person.
 */
import { z } from 'zod';
import { AMOUNT_UNITS, type AmountUnit } from './amount.ts';
import { childNames, fieldLabel, headerPath, LEDGER_FIELD_KEYS, ledgerField, type LedgerField } from './fields.ts';
import type { LedgerPeriod } from './period.ts';
import type { TableColumn } from './table.ts';

export const columnMapping = z.object({
  index: z.number().int().min(0).max(16_383),
  /** The header path as shown: "投资情况 / 1-3月完成". */
  header: z.string().max(500),
  field: z.enum(LEDGER_FIELD_KEYS).nullable(),
  /** The column's own unit when its header names one; else the sheet's. */
  unit: z.enum(AMOUNT_UNITS).nullable().default(null),
  /** Where the field came from: the header rules, the organisation's memory, or a person. */
  source: z.enum(['rule', 'memory', 'user', 'none']).default('user'),
});
export type ColumnMapping = z.output<typeof columnMapping>;

export const sheetMapping = z.object({
  sheet: z.string().max(200),
  enabled: z.boolean(),
  /** 0-based header rows; data starts below. */
  headerTop: z.number().int().min(0),
  headerBottom: z.number().int().min(0),
  unit: z.enum(AMOUNT_UNITS),
  columns: z.array(columnMapping).max(500),
});
export type SheetMapping = z.output<typeof sheetMapping>;

/** The key a header is remembered by: its path with spaces and repeats removed. */
export const headerKey = (path: string[]) => headerPath(path).join('/');

/** Proposed fields for a sheet's columns; remembered choices win over the rules. */
export function proposeColumns(columns: TableColumn[], remembered: ReadonlyMap<string, LedgerField | null>): ColumnMapping[] {
  const proposed: ColumnMapping[] = columns.map((c) => {
    const key = headerKey(c.path);
    const header = headerPath(c.path).join(' / ');
    if (remembered.has(key)) return { index: c.index, header, field: remembered.get(key)!, unit: c.match?.unit ?? null, source: 'memory' };
    return { index: c.index, header, field: c.match?.field ?? null, unit: c.match?.unit ?? null, source: c.match ? 'rule' : 'none' };
  });
  // Two columns claiming one field: keep the one whose own header names it (else the first).
  const byField = new Map<string, ColumnMapping[]>();
  for (const m of proposed) if (m.field && m.field !== 'ignore') byField.set(m.field, [...(byField.get(m.field) ?? []), m]);
  for (const [field, list] of byField) {
    if (list.length < 2) continue;
    const keep = list.find((m) => m.source === 'memory') ?? list.find((m) => childNames(columns.find((c) => c.index === m.index)!.path, field as LedgerField)) ?? list[0]!;
    for (const m of list) if (m !== keep) Object.assign(m, { field: null, source: 'none' });
  }
  return proposed;
}

/** What stops a mapping from being used, in words a person can act on. */
export function mappingProblems(m: Pick<SheetMapping, 'columns'>): string[] {
  const out: string[] = [];
  const fields = m.columns.map((c) => c.field).filter((f): f is LedgerField => !!f && f !== 'ignore' && f !== 'seq');
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f)) out.push(`"${fieldLabel(f)}"对应了多列，请只保留一列`);
    seen.add(f);
  }
  if (!seen.has('name') && !seen.has('code')) out.push('请指定"项目名称"或"项目代码"所在的列，否则无法识别项目');
  if (![...seen].some((f) => f !== 'name' && f !== 'code')) out.push('除项目名称、代码外没有可导入的列');
  return out;
}

/** Whether a mapping carries progress figures (then a reporting period is needed). */
export function hasProgress(m: Pick<SheetMapping, 'columns'>): boolean {
  return m.columns.some((c) => c.field && ledgerField(c.field)?.target === 'progress');
}

/**
 * The period a sheet's progress headers count up to ("1-3月完成"), combined with its title's;
 * a disagreement is reported rather than guessed.
 */
export function sheetPeriod(title: LedgerPeriod | null, columns: TableColumn[], mapping: ColumnMapping[]): { period: LedgerPeriod | null; conflict: string | null } {
  const progressCols = mapping.filter((m) => m.field === 'ytd' || m.field === 'periodAmount').map((m) => columns.find((c) => c.index === m.index)?.match);
  const fromHeader = progressCols.find((m) => m?.month)?.month ?? null;
  const headerYear = progressCols.find((m) => m?.year)?.year ?? null;
  if (title && fromHeader && title.month !== fromHeader) {
    return { period: title, conflict: `标题所示月份（${title.month}月）与表头（1-${fromHeader}月）不一致，请确认填报期` };
  }
  if (title) return { period: { year: title.year ?? headerYear, month: title.month }, conflict: null };
  if (fromHeader) return { period: { year: headerYear, month: fromHeader }, conflict: null };
  return { period: null, conflict: null };
}

export type { AmountUnit };
