/**
 * What a ledger is imported as (导入内容): all it carries, its project fields only (a 项目台账
 * whose figures are not this period's), or its progress figures only (a 进度表 that must not
 * change the project library). Columns outside the choice are left out of the import.
 */
import { ledgerField, type LedgerField } from './fields.ts';
import type { ColumnMapping } from './mapping.ts';

export const IMPORT_KINDS = ['auto', 'projects', 'progress'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A progress-only import still reads the columns that find the project. */
const IDENTITY: readonly string[] = ['code', 'name', 'region', 'park'];

/** Whether a column mapped to `field` is imported under `kind`. */
export function keepsField(kind: ImportKind, field: LedgerField): boolean {
  const target = ledgerField(field)?.target;
  if (kind === 'projects') return target !== 'progress';
  if (kind === 'progress') return target !== 'project' || IDENTITY.includes(field);
  return true;
}

/**
 * The columns as imported under `kind`: one left out becomes "不导入" with no source, so the
 * organisation's remembered headers never learn a choice the person did not make.
 */
export function columnsForKind(columns: ColumnMapping[], kind: ImportKind): ColumnMapping[] {
  if (kind === 'auto' || columns.every((c) => !c.field || keepsField(kind, c.field))) return columns;
  return columns.map((c) => (c.field && !keepsField(kind, c.field) ? { ...c, field: 'ignore' as const, source: 'none' as const } : c));
}
