/**
 * Cleaning what people type into ledgers (台账): full-width digits and punctuation from
 * Chinese input methods, non-breaking and ideographic spaces, line breaks inside headers.
 */

/** A cell as the ledger reader hands it over: what was stored, never what Excel would display. */
export type LedgerCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** A number as written in the file ("1234.5", "1.2E-5"), kept as text so nothing is lost to floats. */
  | { kind: 'number'; text: string; date?: boolean }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string };

/** A cell with the formula that produced it, when it had one (formulas are never trusted as input). */
export type LedgerCellWithFormula = LedgerCell & { formula?: string };

export const EMPTY_CELL: LedgerCell = { kind: 'empty' };

/** Full-width ASCII (！ to ～) to half-width, ideographic and odd spaces to a plain space. */
const WIDE = /[\uFF01-\uFF5E\u3000\u00A0\u2000-\u200B\u202F\u205F\uFEFF]/;

export function toHalfWidth(text: string): string {
  // Most cells hold nothing to convert: skip the replacing then (it runs for every cell).
  if (!WIDE.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2000-\u200B\u202F\u205F\uFEFF]/g, ' ');
}

/** Trimmed, half-width, single-spaced text; line breaks become spaces. */
export function cleanText(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, ' ').trim();
}

/**
 * Text as it will be stored (a name, a description): odd spaces made plain, runs of spaces
 * collapsed, ends trimmed — but full-width punctuation kept, as "（二期）" is written in Chinese.
 */
export function tidyText(text: string): string {
  return text.replace(/[\u3000\u00A0\u2000-\u200B\u202F\u205F\uFEFF]/g, ' ').replace(/[ \t]+/g, ' ').replace(/ *\r?\n */g, '\n').trim();
}

/** Header text with every space removed: "总 投 资\n（万元）" → "总投资(万元)". */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/** What a cell shows as text for matching and messages. */
export function cellText(cell: LedgerCell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cleanText(cell.text);
    case 'number':
      return cell.text;
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.text;
  }
}

/** Placeholders offices type for "nothing": a dash, a slash, 无. */
const PLACEHOLDER = /^(-+|—+|─+|\/|\\|无|暂无|空)$/;

export function isBlankText(text: string): boolean {
  const t = cleanText(text);
  return t === '' || PLACEHOLDER.test(t);
}

export function isBlankCell(cell: LedgerCell | undefined): boolean {
  if (!cell || cell.kind === 'empty') return true;
  return cell.kind === 'text' && isBlankText(cell.text);
}
