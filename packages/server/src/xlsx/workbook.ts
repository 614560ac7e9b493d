/**
 * The parts of a workbook every sheet needs: its sheets in tab order (with their part paths),
 * the date system, and the shared strings table.
 */
import path from 'node:path/posix';
import { FileRefusal } from './refusal.ts';
import { createXmlScanner, type ScanHandlers, type XmlScanner } from './scan.ts';
import { attr, collectElements } from './xml.ts';
import { inflateBudget, inflateEntry, readZipDirectory, type InflateBudget, type ZipEntry, type ZipLimits } from './zip.ts';

export interface SheetInfo {
  name: string;
  /** The sheet's part inside the zip, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
  hidden: boolean;
}

export interface Workbook {
  buf: Buffer;
  entries: Map<string, ZipEntry>;
  budget: InflateBudget;
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings: string[];
}

const NOT_XLSX = '文件不是 Excel 工作簿（缺少工作表）。请在 Excel（或 WPS）中打开后"另存为 .xlsx"再导入';

/** Opens an .xlsx held in memory; refuses macros, bombs and anything that is not a workbook. */
export async function openWorkbook(buf: Buffer, limits: ZipLimits, scanner: (h: ScanHandlers) => XmlScanner = createXmlScanner): Promise<Workbook> {
  const entries = readZipDirectory(buf, limits);
  const budget = inflateBudget(limits);
  const entry = (name: string) => entries.get(name);
  if (!entry('[Content_Types].xml') || !entry('xl/workbook.xml')) throw new FileRefusal(NOT_XLSX);
  if ([...entries.keys()].some((n) => /vbaProject\.bin$/i.test(n))) throw new FileRefusal('文件含有宏（VBA），为安全起见不导入。请"另存为"不含宏的 .xlsx 后再导入');

  const book = await collectElements(inflateEntry(buf, entry('xl/workbook.xml')!, budget), ['sheet', 'workbookPr']);
  const relsEntry = entry('xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? await collectElements(inflateEntry(buf, relsEntry, budget), ['Relationship']) : [];
  const target = new Map(rels.map((r) => [attr(r.attrs, 'Id'), attr(r.attrs, 'Target') ?? '']));
  const sheets: SheetInfo[] = [];
  for (const s of book.filter((e) => e.name === 'sheet')) {
    const t = target.get(attr(s.attrs, 'id'));
    if (!t) continue;
    const part = t.startsWith('/') ? t.slice(1) : path.normalize(path.join('xl', t));
    if (!entries.has(part)) continue;
    sheets.push({ name: attr(s.attrs, 'name') ?? part, part, hidden: (attr(s.attrs, 'state') ?? 'visible') !== 'visible' });
  }
  if (!sheets.length) throw new FileRefusal(NOT_XLSX);
  const pr = book.find((e) => e.name === 'workbookPr');
  const date1904 = ['1', 'true'].includes(pr ? (attr(pr.attrs, 'date1904') ?? '') : '');
  const sst = entry('xl/sharedStrings.xml');
  return { buf, entries, budget, sheets, date1904, sharedStrings: sst ? await sharedStrings(buf, sst, budget, scanner) : [] };
}

/** The shared strings: each <si>'s text runs joined, phonetic guides (<rPh>) left out. */
async function sharedStrings(buf: Buffer, e: ZipEntry, budget: InflateBudget, scan: (h: ScanHandlers) => XmlScanner): Promise<string[]> {
  const out: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  // The table can hold a string for every project of a large ledger: the fast tokenizer (scan.ts).
  const scanner = scan({
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = current !== null && phonetic === 0;
    },
    text(t) {
      if (inText) current!.push(t);
    },
    close(name) {
      if (name === 'si') {
        // A damaged file can close a string it never opened.
        if (current === null) throw new FileRefusal(`文件内容不是有效的 Excel 文件（共享字符串表已损坏），请在 Excel 中打开后重新保存`);
        out.push(current.join(''));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
  });
  for await (const chunk of inflateEntry(buf, e, budget)) scanner.write(chunk);
  scanner.end();
  return out;
}
