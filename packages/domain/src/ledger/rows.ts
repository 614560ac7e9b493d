/**
 * What kind of row a ledger row is. Ledgers interleave projects with group rows
 * ("一、产业项目（45个）" carrying subtotals), 小计 and 合计 rows, column-number rows
 * ("1 2 3 …" under the header), notes ("注：…") and blank rows; only project rows import.
 */
import { cellText, compactText, isBlankCell, type LedgerCell } from './text.ts';

export type RowKind = 'blank' | 'total' | 'subtotal' | 'group' | 'index' | 'note' | 'data';

/** Where a group row sits: 一、 (1) › （一） (2) › 1. (3). */
export function groupDepth(text: string): number | null {
  const t = compactText(text);
  if (/^[一二三四五六七八九十]+[、.．]/.test(t) || /^第[一二三四五六七八九十]+(部分|类|批|篇)/.test(t)) return 1;
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(t)) return 2;
  if (/^(\d+[、.．]|[(（]\d+[)）])\D/.test(t)) return 3;
  return null;
}

const TOTAL = /^(合计|总计|共计|汇总|全市合计|全县合计|全区合计|总合计)$|^[^\d]{0,8}(合计|总计)$/;
const SUBTOTAL = /小计/;
const COUNT_SUFFIX = /[(（]\s*(共)?\d+\s*个(项目)?\s*[)）]$/;
const NOTE = /^(注|说明|备注|填表说明|填报说明|审核人|审核|填表人|制表人|制表|负责人|联系人|联系电话|填报人|单位负责人)[:：]/;
const STEMS = '甲乙丙丁戊己庚辛壬癸';

/**
 * Classifies a row. `nameColumn` is where project names stand (when known): a group or total
 * label usually stands there or before it; a number in the 序号 column marks a project row.
 */
export function classifyRow(cells: readonly LedgerCell[], nameColumn: number | null = null): RowKind {
  // Runs for every row of a ledger: plain loops, and only the first texts are cleaned, as labels
  // stand at the start of a row. Only whether a row has one, two or more filled cells matters.
  let filled = 0;
  for (let i = 0; i < cells.length && filled < 3; i++) if (!isBlankCell(cells[i])) filled++;
  if (!filled) return 'blank';
  // The first three texts in the label zone (up to the column after the names), and the first text of all.
  const labelZone: Text[] = [];
  let first: Text | undefined;
  for (let i = 0; i < cells.length && labelZone.length < 3; i++) {
    const c = cells[i]!;
    if (c.kind !== 'text' || isBlankCell(c)) continue;
    const inZone = nameColumn === null || i <= nameColumn + 1;
    if (!inZone && first) break;
    const text = { t: compactText(cellText(c)), i };
    first ??= text;
    if (inZone) labelZone.push(text);
  }
  if (labelZone.some(({ t }) => SUBTOTAL.test(t))) return 'subtotal';
  if (labelZone.some(({ t }) => TOTAL.test(t))) return 'total';
  if (isIndexRow(cells)) return 'index';
  if (first && NOTE.test(first.t) && filled <= 2) return 'note';
  const label = nameColumn === null ? first?.t : compactText(cellText(cells[nameColumn]));
  if (label && isGroupLabel(label)) return 'group';
  // A label before the name column ("一、产业项目" in the 序号 column, name left blank).
  const before = nameColumn !== null && first && first.i < nameColumn ? first : undefined;
  if (before && isGroupLabel(before.t) && isBlankCell(cells[nameColumn!])) return 'group';
  return 'data';
}

interface Text {
  t: string;
  i: number;
}

/** "一、…", "（一）…" or anything ending "（45个）"; "1、…" alone may be a numbered project name. */
function isGroupLabel(t: string): boolean {
  const depth = groupDepth(t);
  return depth === 1 || depth === 2 || COUNT_SUFFIX.test(t);
}

/** The column-number row under a header: "1 2 3 4 …" or "甲 乙 1 2 …" (every filled cell, at least three). */
function isIndexRow(cells: readonly LedgerCell[]): boolean {
  let count = 0;
  let expect: number | null = null;
  for (const c of cells) {
    if (isBlankCell(c)) continue;
    count++;
    const t = cellText(c);
    if (t.length === 1 && STEMS.includes(t)) continue;
    if (!/^\d{1,3}$/.test(t)) return false;
    const n = Number(t);
    if (expect !== null && n !== expect) return false;
    expect = n + 1;
  }
  return count >= 3 && expect !== null;
}

/** The label of a group row: its first text cell. */
export function groupLabel(cells: readonly LedgerCell[]): string {
  for (const c of cells) if (c.kind === 'text' && !isBlankCell(c)) return cellText(c);
  return '';
}
