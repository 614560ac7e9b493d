/**
 * The mapping screen's state (确认对应关系): what the person has chosen so far, per sheet and
 * column, on top of what the server proposed. Kept apart from the job so a re-poll never
 * throws away an edit; turned into the smallest PUT body (only what differs), so columns the
 * person did not touch keep their source and are not remembered as a person's choice.
 */
import { columnsForKind, hasProgress, keepsField, mappingProblems, type AmountUnit, type ColumnMapping, type ImportKind, type LedgerField, type mappingInput } from '@pacer/domain';
import type { z } from 'zod';
import type { ImportDefaults, ImportJob, SheetFinding } from './types.ts';

export type MappingBody = z.input<typeof mappingInput>;

export interface SheetDraft {
  sheet: string;
  enabled: boolean;
  unit: AmountUnit;
  /** Column index → field, as now chosen. */
  fields: Record<number, LedgerField | null>;
}

export interface MappingDraft {
  sheets: SheetDraft[];
  kind: ImportKind;
  /** Reporting month 'YYYY-MM'. */
  period: string | null;
  planYear: number | null;
  defaults: ImportDefaults;
  remember: boolean;
}

/** The options chosen with the upload: what to import, and the month if the sheet does not say it. */
export interface UploadOptions {
  kind: ImportKind;
  period: string | null;
}

export function draftOf(job: ImportJob, options: UploadOptions): MappingDraft {
  return {
    sheets: job.sheets.map((s) => ({ sheet: s.sheet, enabled: s.enabled, unit: s.unit, fields: Object.fromEntries(s.columns.map((c) => [c.index, c.field])) })),
    kind: options.kind,
    // The sheet's own title or header wins over the month given at upload.
    period: job.period ?? options.period,
    planYear: job.planYear,
    defaults: job.defaults,
    remember: true,
  };
}

export function setField(draft: MappingDraft, sheet: string, index: number, field: LedgerField | null): MappingDraft {
  return { ...draft, sheets: draft.sheets.map((s) => (s.sheet === sheet ? { ...s, fields: { ...s.fields, [index]: field } } : s)) };
}

export function setSheet(draft: MappingDraft, sheet: string, patch: Partial<Pick<SheetDraft, 'enabled' | 'unit'>>): MappingDraft {
  return { ...draft, sheets: draft.sheets.map((s) => (s.sheet === sheet ? { ...s, ...patch } : s)) };
}

/** A sheet's columns with the person's choices applied (a changed column counts as theirs). */
export function draftColumns(finding: SheetFinding, d: SheetDraft | undefined): ColumnMapping[] {
  if (!d) return finding.columns;
  return finding.columns.map((c) => {
    const field = c.index in d.fields ? d.fields[c.index]! : c.field;
    return field === c.field ? c : { ...c, field, source: 'user' };
  });
}

/** Whether a column is imported under the chosen kind (a column left out shows dimmed). */
export const columnImported = (kind: ImportKind, field: LedgerField | null) => !!field && field !== 'ignore' && field !== 'seq' && keepsField(kind, field);

const sheetDraft = (draft: MappingDraft, sheet: string) => draft.sheets.find((s) => s.sheet === sheet);

/** The enabled sheets as they would be imported: choices applied, then the kind. */
function effectiveSheets(job: ImportJob, draft: MappingDraft) {
  return job.sheets
    .map((s) => ({ finding: s, draft: sheetDraft(draft, s.sheet) }))
    .filter((x) => x.finding.found && (x.draft?.enabled ?? x.finding.enabled))
    .map((x) => ({ sheet: x.finding.sheet, columns: columnsForKind(draftColumns(x.finding, x.draft), draft.kind) }));
}

/** Whether the chosen columns carry progress figures (then a reporting month applies). */
export function carriesProgress(job: ImportJob, draft: MappingDraft): boolean {
  return effectiveSheets(job, draft).some(hasProgress);
}

/** What the server would refuse, said before asking it (the same rules, from the domain). */
export interface DraftIssues {
  /** Per sheet, in the server's words. */
  sheets: { sheet: string; message: string }[];
  noSheet: boolean;
  needsPeriod: boolean;
}

export function draftIssues(job: ImportJob, draft: MappingDraft): DraftIssues {
  const sheets = effectiveSheets(job, draft);
  return {
    sheets: sheets.flatMap((s) => mappingProblems(s).map((message) => ({ sheet: s.sheet, message }))),
    noSheet: !sheets.length,
    needsPeriod: !draft.period && sheets.some(hasProgress),
  };
}

export const hasIssues = (i: DraftIssues) => i.noSheet || i.needsPeriod || i.sheets.length > 0;

/** The PUT body: every sheet's switch, and only the units, columns and settings that changed. */
export function mappingBody(job: ImportJob, draft: MappingDraft): MappingBody {
  const sheets = job.sheets
    .filter((s) => s.found)
    .map((s) => {
      const d = sheetDraft(draft, s.sheet);
      const columns = draftColumns(s, d)
        .filter((c, i) => c.field !== s.columns[i]!.field)
        .map((c) => ({ index: c.index, field: c.field }));
      return {
        sheet: s.sheet,
        enabled: d?.enabled ?? s.enabled,
        ...(d && d.unit !== s.unit ? { unit: d.unit } : {}),
        ...(columns.length ? { columns } : {}),
      };
    });
  return {
    sheets,
    kind: draft.kind,
    remember: draft.remember,
    ...(draft.period !== job.period ? { period: draft.period } : {}),
    ...(draft.planYear !== job.planYear ? { planYear: draft.planYear } : {}),
    ...(sameDefaults(draft.defaults, job.defaults) ? {} : { defaults: compactDefaults(draft.defaults) }),
  };
}

/**
 * Whether the draft says something the last preview did not: then that preview no longer
 * describes what would be imported, and the person must preview again before committing.
 */
export function changedSincePreview(job: ImportJob, draft: MappingDraft): boolean {
  if (draft.period !== job.period || draft.planYear !== job.planYear || !sameDefaults(draft.defaults, job.defaults)) return true;
  return job.sheets.some((s) => {
    const d = sheetDraft(draft, s.sheet);
    if (!d) return false;
    if (s.found && d.enabled !== s.enabled) return true;
    if (d.unit !== s.unit) return true;
    const imported = columnsForKind(draftColumns(s, d), draft.kind);
    return imported.some((c, i) => c.field !== s.columns[i]!.field);
  });
}

/** Defaults without the empty choices a cleared select leaves behind. */
export function compactDefaults(d: ImportDefaults): ImportDefaults {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length))) as ImportDefaults;
}

function sameDefaults(a: ImportDefaults, b: ImportDefaults): boolean {
  const x = compactDefaults(a);
  const y = compactDefaults(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]) as Set<keyof ImportDefaults>;
  return [...keys].every((k) => JSON.stringify(x[k]) === JSON.stringify(y[k]));
}
