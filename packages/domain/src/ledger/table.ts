/**
 * Finding the table in the top of a sheet: the title and notes above it, the unit note
 * ("单位：万元"), and the header — one row, or two or three with merged parent cells
 * ("投资情况" over 总投资 / 年度计划 / 1-3月完成 / 完成率).
 */
import { unitNote, type AmountUnit } from './amount.ts';
import { matchHeader, type HeaderMatch } from './fields.ts';
import { periodInTitle, yearIn, type LedgerPeriod } from './period.ts';
import { cellText, EMPTY_CELL, isBlankCell, type LedgerCell } from './text.ts';

/** A merged range, 0-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface TableColumn {
  index: number;
  /** Header texts from the top header row down, repeats removed. */
  path: string[];
  match: HeaderMatch | null;
}

export interface LocatedTable {
  /** 0-based rows of the header block, inclusive. */
  headerTop: number;
  headerBottom: number;
  columns: TableColumn[];
  /** Texts of the rows above the header (title, notes, unit). */
  above: string[];
  unit: AmountUnit | null;
  period: LedgerPeriod | null;
  year: number | null;
}

/** Copies each merged range's top-left value into every cell it covers. */
export function fillMerges(rows: readonly (readonly LedgerCell[])[], merges: readonly MergeRange[]): LedgerCell[][] {
  const grid = rows.map((r) => [...r]);
  for (const m of merges) {
    const value = grid[m.top]?.[m.left];
    if (!value) continue;
    for (let r = m.top; r <= m.bottom && r < grid.length; r++) {
      const row = grid[r]!;
      for (let c = m.left; c <= m.right; c++) {
        while (row.length <= c) row.push(EMPTY_CELL);
        if (r !== m.top || c !== m.left) row[c] = value;
      }
    }
  }
  return grid;
}

const distinctTexts = (row: readonly LedgerCell[]) => new Set(row.filter((c) => !isBlankCell(c)).map(cellText));

/** Header rows hold two or more different labels and no numbers (numbers mean data). */
function headerLike(row: readonly LedgerCell[]): boolean {
  return distinctTexts(row).size >= 2 && !row.some((c) => c.kind === 'number' && !/^20\d\d$/.test(c.text));
}

function columnsOf(grid: LedgerCell[][], top: number, bottom: number): TableColumn[] {
  const width = Math.max(0, ...grid.slice(top, bottom + 1).map((r) => r.length));
  const columns: TableColumn[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = cellText(grid[r]?.[c]);
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    if (path.length) columns.push({ index: c, path, match: matchHeader(path) });
  }
  return columns;
}

const scoreOf = (columns: TableColumn[]) => {
  const fields = new Set(columns.map((c) => c.match?.field).filter((f) => f && f !== 'ignore' && f !== 'seq'));
  return fields.has('name') || fields.has('code') ? fields.size : 0;
};

/** Parent cells typed once over their group without merging: carry them right over the children. */
function spreadParents(grid: LedgerCell[][], top: number, bottom: number): LedgerCell[][] {
  const out = grid.map((r) => [...r]);
  for (let r = top; r < bottom; r++) {
    const row = out[r]!;
    const below = out[r + 1] ?? [];
    let parent: LedgerCell | null = null;
    for (let c = 0; c < Math.max(row.length, below.length); c++) {
      if (!isBlankCell(row[c])) parent = !isBlankCell(below[c]) && cellText(below[c]) !== cellText(row[c]) ? row[c]! : null;
      else if (parent && !isBlankCell(below[c])) row[c] = parent;
      else parent = null;
    }
  }
  return out;
}

/**
 * Finds the header among the first rows (merged cells already filled): the block of up to
 * three header-like rows whose columns match the most fields; a taller block wins a tie only
 * when its upper rows group columns under merged parents.
 */
export function locateTable(rows: readonly (readonly LedgerCell[])[], merges: readonly MergeRange[]): LocatedTable | null {
  const grid = fillMerges(rows, merges);
  let best: { top: number; bottom: number; columns: TableColumn[]; score: number; tie: number } | null = null;
  for (let top = 0; top < grid.length; top++) {
    for (let height = 1; height <= 3 && top + height <= grid.length; height++) {
      const bottom = top + height - 1;
      if (!headerLike(grid[bottom]!)) break;
      const columns = columnsOf(spreadParents(grid, top, bottom), top, bottom);
      const score = scoreOf(columns);
      if (!score) continue;
      const grouped = merges.some((m) => m.top >= top && m.top < bottom && m.right > m.left);
      const tie = height === 1 ? 0 : grouped ? height : -height;
      if (!best || score > best.score || (score === best.score && top + height - 1 >= best.bottom && tie > best.tie)) {
        best = { top, bottom, columns, score, tie };
      }
    }
  }
  if (!best) return null;
  const above = grid.slice(0, best.top).map((r) => [...distinctTexts(r)].join(' ')).filter(Boolean);
  const notes = [...above, ...grid.slice(best.top, best.bottom + 2).flatMap((r) => [...distinctTexts(r)])];
  return {
    headerTop: best.top,
    headerBottom: best.bottom,
    columns: best.columns,
    above,
    unit: notes.map(unitNote).find((u) => u !== null) ?? null,
    period: above.map(periodInTitle).find((p) => p !== null) ?? null,
    year: above.map(yearIn).find((y) => y !== null) ?? null,
  };
}
