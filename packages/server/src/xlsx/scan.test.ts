/**
 * The fast tokenizer (scan.ts) against saxes, the general parser it replaces for sheets and
 * shared strings: the same events for every construct a workbook part can hold, however the
 * inflated chunks are cut; the same rows for whole ledgers (and the values ExcelJS reads back);
 * and a refusal, never a different reading, for what it does not accept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FileRefusal } from './refusal.ts';
import { createXmlScanner, saxesScanner, type ScanHandlers, type XmlScanner } from './scan.ts';
import { readSheet, type SheetMeta, type SheetRow } from './sheet.ts';
import { openWorkbook } from './workbook.ts';

const LIMITS = { maxEntries: 1000, maxUnzippedBytes: 50 * 1024 * 1024, maxRatio: 500 };
type Factory = (h: ScanHandlers) => XmlScanner;

/** Every event, texts between two tags joined (parsers may cut a text run anywhere). */
function events(xml: string, make: Factory, cuts: number[] = []): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  const scanner = make({
    open(name, attrs) {
      flush();
      out.push(`open ${name} r=${attrs.get('r') ?? '-'} t=${attrs.get('t') ?? '-'} ref=${attrs.get('ref') ?? '-'} id=${attrs.get('id') ?? '-'}`);
    },
    text(t) {
      text += t;
    },
    close(name) {
      flush();
      out.push(`close ${name}`);
    },
  });
  const bytes = Buffer.from(xml);
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    scanner.write(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  scanner.write(bytes.subarray(at));
  scanner.end();
  flush();
  return out;
}

const outcome = (xml: string, make: Factory, cuts: number[] = []) => {
  try {
    return events(xml, make, cuts);
  } catch (err) {
    return err instanceof FileRefusal ? 'refused' : `threw ${String(err)}`;
  }
};

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<dimension ref="A1:D4"/><sheetData>
<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>1234.5</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> 形象 </t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></is></c><c r="B2"><f>B1*2</f><v>2469</v></c><c r="C2" t="str"><f t="shared" ref="C2:C3" si="0">A1&amp;"x"</f><v>a&lt;b&gt;&quot;c&apos;&amp;</v></c></row>
<row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="str"><f t="shared" si="0"/><v><![CDATA[x<y & z]]></v></c><c r="D3"/></row>
<!-- a comment --><row r="4"><c r='A4' t='inlineStr'><is><t>&#20013;&#x6587;&#x1F600;
two lines</t></is></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells><x:extLst xmlns:x="urn:x"><x:ext r:id="rId9"/></x:extLst></worksheet>`;

describe('the fast tokenizer gives the events saxes gives', () => {
  it('for every construct of a sheet part: references, CDATA, rich text, phonetic runs, prefixes, comments', () => {
    const expected = events(SHEET, saxesScanner);
    expect(expected.length).toBeGreaterThan(60);
    expect(events(SHEET, createXmlScanner)).toEqual(expected);
    expect(expected).toContain('text "a<b>\\"c\'&"');
    expect(expected).toContain('text "x<y & z"');
    expect(expected).toContain('text "中文😀\\ntwo lines"');
    expect(expected).toContain('open ext r=- t=- ref=- id=rId9');
  });

  it('wherever the inflated chunks are cut, even inside a character or a reference', () => {
    const expected = events(SHEET, saxesScanner);
    const bytes = Buffer.byteLength(SHEET);
    for (let cut = 0; cut <= bytes; cut++) expect(events(SHEET, createXmlScanner, [cut])).toEqual(expected);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 20 }), (cuts) => {
        expect(events(SHEET, createXmlScanner, cuts)).toEqual(expected);
      }),
      { numRuns: 200, seed: 20261129 },
    );
  });

  it('for any text a cell can hold', () => {
    const char = fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", ' ', '\n', '\t', '中', '文', '\u3000', '😀', ']]', '&amp;'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), (parts, cuts) => {
        // eslint-disable-next-line no-control-regex -- characters XML cannot carry at all
        const text = parts.join('').replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, '').replace(/[\uD800-\uDFFF]/g, '');
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const xml = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${escaped}</t></is></c><c r="B1" t="str"><v>${escaped.replace(/"/g, '&quot;')}</v></c></row></sheetData></worksheet>`;
        expect(events(xml, createXmlScanner, cuts)).toEqual(events(xml, saxesScanner));
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('refuses what is not well formed, as saxes does, and what it does not read (a DOCTYPE)', () => {
    const broken = [
      '<worksheet><sheetData><row><c>',
      '<worksheet><sheetData></row></sheetData></worksheet>',
      '<worksheet><c r="A1"><v>1 & 2</v></c></worksheet>',
      '<worksheet><c r="A1"><v>&nbsp;</v></c></worksheet>',
      '<worksheet><c r="A1"><v>&#0;</v></c></worksheet>',
      '<worksheet><c r="A1 t="s"><v>1</v></c></worksheet>',
      '<worksheet></worksheet><worksheet></worksheet>',
      'text before<worksheet/>',
      '',
      '<worksheet><row>\u0001</row></worksheet>',
      '<worksheet><row></worksheet></row>',
    ];
    for (const xml of broken) {
      expect(outcome(xml, saxesScanner), xml).toBe('refused');
      expect(outcome(xml, createXmlScanner), xml).toBe('refused');
    }
    const doctype = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><worksheet><c><v>&lol;</v></c></worksheet>';
    expect(outcome(doctype, createXmlScanner)).toBe('refused');
  });

  it('reads attributes as saxes does: spacing, quotes, references, prefixes, repeats, many', () => {
    const many = Array.from({ length: 40 }, (_, i) => `a${i}="${i}"`).join(' ');
    const cases = [
      `<worksheet><c r = 'A1'  t="s" ><v>1</v></c></worksheet>`,
      `<worksheet><c r="A&amp;1" t="s&#x41;&#66;"><v>1</v></c></worksheet>`,
      `<worksheet xmlns:x="urn:x"><c x:r="B2" x:t="n"><v>1</v></c><c x:r="C2" r="D2"><v>2</v></c></worksheet>`,
      `<worksheet><c r="A1" ref="A1:B2" id="x"><v>1</v></c><row r="3"><c><v>1</v></c></row></worksheet>`,
      `<worksheet><c ${many} r="A9" t="str"><v>1</v></c><c t="n" r="B9"/></worksheet>`,
      `<worksheet><c r="A1" r="B1"><v>1</v></c></worksheet>`,
      `<worksheet><c s="&bogus;" r="A1"><v>1</v></c></worksheet>`,
      `<worksheet><c s="1 & 2" r="A1"><v>1</v></c></worksheet>`,
      `<worksheet><c r="A1" t=s><v>1</v></c></worksheet>`,
      `<worksheet><c r="A1" ="s"><v>1</v></c></worksheet>`,
    ];
    for (const xml of cases) expect(outcome(xml, createXmlScanner), xml).toEqual(outcome(xml, saxesScanner));
  });

  it('refuses damaged bytes with a reason, never anything else', () => {
    const good = Buffer.from(SHEET);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (damage) => {
        const b = Buffer.from(good);
        for (const [pos, byte] of damage) b[pos % b.length] = byte;
        const fast = outcome(b.toString(), createXmlScanner);
        expect(typeof fast === 'string' ? fast : 'read').not.toMatch(/^threw/);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});

async function rowsOf(buf: Buffer, make: Factory) {
  const wb = await openWorkbook(buf, LIMITS, make);
  const sheets: { meta: SheetMeta; rows: SheetRow[] }[] = [];
  for (const s of wb.sheets) {
    const meta: SheetMeta = { merges: [], rowCount: 0, declaredRows: null };
    const rows: SheetRow[] = [];
    for await (const batch of readSheet(wb, s.part, meta, { maxRows: 1_000_000, scanner: make })) rows.push(...batch);
    sheets.push({ meta, rows });
  }
  return { sharedStrings: wb.sharedStrings, sheets };
}

/** An office's ledger as ExcelJS's streaming writer makes it: shared strings or inline strings. */
async function ledger(sharedStrings: boolean, rows = 300): Promise<Buffer> {
  const file = path.join(os.tmpdir(), `pacer-scan-${process.pid}-${sharedStrings}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings, useStyles: true });
  const ws = wb.addWorksheet('投资进度');
  ws.getCell('A1').value = '2025年1-3月全市重点项目投资完成情况表';
  ws.mergeCells('A1:H1');
  ws.getCell('H2').value = '单位：万元';
  ws.getRow(3).values = ['序号', '项目名称', '县市区', '投资情况', null, null, '开工时间', '备注'];
  ws.getRow(4).values = [null, null, null, '总投资', '2025年计划', '1-3月完成', null, null];
  ws.mergeCells('D3:F3');
  for (const col of ['A', 'B', 'C', 'G', 'H']) ws.mergeCells(`${col}3:${col}4`);
  for (let i = 0; i < rows; i++) {
    const r = ws.getRow(5 + i);
    r.values = [
      i + 1,
      `测试项目 ${i} <A&B> "引号" 'x'`,
      ['雨湖区', '岳塘区', ' 湘潭县 ', '湘乡市\n'][i % 4]!,
      i % 5 ? 5000 + i / 8 : `${(5000 + i).toLocaleString('en-US')}.5`,
      i % 3 ? { formula: `D${5 + i}/4`, result: (5000 + i) / 4 } : null,
      i % 7 ? (i % 400) / 3 : '',
      i % 2 ? new Date(Date.UTC(2024, i % 12, 1 + (i % 28))) : '2024年3月',
      i % 11 ? { richText: [{ text: '主体' }, { font: { bold: true }, text: '施工' }] } : i % 13 ? true : { error: '#N/A' } as never,
    ];
    r.commit();
  }
  ws.getRow(5 + rows).values = ['合计'];
  ws.commit();
  await wb.commit();
  const bytes = fs.readFileSync(file);
  fs.rmSync(file);
  return bytes;
}

describe('sheets read with the fast tokenizer', () => {
  it('give the rows, merges and shared strings the saxes reader gives, for shared and inline strings', async () => {
    for (const shared of [true, false]) {
      const buf = await ledger(shared);
      const fast = await rowsOf(buf, createXmlScanner);
      expect(fast).toEqual(await rowsOf(buf, saxesScanner));
      expect(fast.sheets[0]!.rows.length).toBe(305);
      expect(fast.sheets[0]!.meta.merges).toHaveLength(7);
      if (shared) expect(fast.sharedStrings.length).toBeGreaterThan(300);
    }
  });

  it('with keepRows, count every row but build only the top ones', async () => {
    const buf = await ledger(false, 50);
    const wb = await openWorkbook(buf, LIMITS);
    const full = await rowsOf(buf, createXmlScanner);
    const meta: SheetMeta = { merges: [], rowCount: 0, declaredRows: null };
    const rows: SheetRow[] = [];
    for await (const batch of readSheet(wb, wb.sheets[0]!.part, meta, { maxRows: 1000, keepRows: 10 })) rows.push(...batch);
    expect(rows).toEqual(full.sheets[0]!.rows.filter((r) => r.number <= 10));
    expect(meta).toEqual(full.sheets[0]!.meta);
    await expect(
      (async () => {
        for await (const _ of readSheet(wb, wb.sheets[0]!.part, { merges: [], rowCount: 0, declaredRows: null }, { maxRows: 40, keepRows: 10 }));
      })(),
    ).rejects.toThrow(/超过上限 40 行/);
  });

  it('read the values ExcelJS reads: text, numbers, dates, formulas with their cached values, rich text, empty cells', async () => {
    const buf = await ledger(true, 60);
    const { sheets } = await rowsOf(buf, createXmlScanner);
    const ours = new Map(sheets[0]!.rows.map((r) => [r.number, r.cells]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    let compared = 0;
    wb.worksheets[0]!.eachRow({ includeEmpty: false }, (row, n) => {
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        // ExcelJS repeats a merged range's value in every cell of it; the file stores it once.
        if (cell.isMerged && cell.master !== cell) return;
        const mine = ours.get(n)?.[col - 1] ?? { kind: 'empty' };
        const v = cell.value;
        compared++;
        if (v === null || v === undefined || v === '') expect(mine.kind === 'empty' || (mine.kind === 'text' && mine.text === ''), `${cell.address}`).toBe(true);
        else if (typeof v === 'string') expect(mine, cell.address).toMatchObject({ kind: 'text', text: v });
        else if (typeof v === 'number') expect(mine.kind === 'number' && Number(mine.text), cell.address).toBe(v);
        else if (typeof v === 'boolean') expect(mine, cell.address).toEqual({ kind: 'bool', value: v });
        else if (v instanceof Date) expect(mine.kind === 'number' && Math.round((Number(mine.text) - 25569) * 86400000), cell.address).toBe(v.getTime());
        else if ('richText' in v) expect(mine, cell.address).toMatchObject({ kind: 'text', text: v.richText.map((x) => x.text).join('') });
        else if ('formula' in v) expect(mine, cell.address).toMatchObject({ kind: 'number', text: String(v.result), formula: v.formula });
        else if ('error' in v) expect(mine, cell.address).toEqual({ kind: 'error', text: v.error });
        else throw new Error(`unexpected value at ${cell.address}`);
      });
    });
    expect(compared).toBeGreaterThan(400);
  });

  it('refuse a damaged sheet part the way the saxes reader does', async () => {
    const zip = await JSZip.loadAsync(await ledger(true, 5));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    for (const damaged of [sheet.slice(0, sheet.length - 40), sheet.replace('</row>', '</rowx>'), sheet.replace('<v>', '<v>&bogus;')]) {
      zip.file('xl/worksheets/sheet1.xml', damaged);
      const buf = await zip.generateAsync({ type: 'nodebuffer' });
      await expect(rowsOf(buf, saxesScanner)).rejects.toThrow(FileRefusal);
      await expect(rowsOf(buf, createXmlScanner)).rejects.toThrow(/不是有效的 Excel XML/);
    }
  });
});
