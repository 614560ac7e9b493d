/**
 * The streaming reader against workbooks ExcelJS writes: every cell kind, merged ranges,
 * formulas marked, hidden sheets flagged, and the limits that stop hostile files.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readSheet, type SheetMeta, type SheetRow } from './sheet.ts';
import { openWorkbook } from './workbook.ts';
import { FileRefusal, sniffSpreadsheet } from './refusal.ts';

const LIMITS = { maxEntries: 1000, maxUnzippedBytes: 50 * 1024 * 1024, maxRatio: 200 };

async function rowsOf(buf: Buffer, sheet = 0, maxRows = 1000) {
  const wb = await openWorkbook(buf, LIMITS);
  const meta: SheetMeta = { merges: [], rowCount: 0, declaredRows: null };
  const rows: SheetRow[] = [];
  for await (const batch of readSheet(wb, wb.sheets[sheet]!.part, meta, { maxRows })) rows.push(...batch);
  return { wb, meta, rows };
}

async function sample(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '2022年重点项目';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = '项目名称';
  ws.getCell('B2').value = 1234.5;
  ws.getCell('C2').value = new Date(Date.UTC(2022, 2, 10));
  ws.getCell('D2').value = { formula: 'B2*2', result: 2469 };
  ws.getCell('E2').value = true;
  ws.getCell('F2').value = { richText: [{ text: '形象' }, { font: { bold: true }, text: '进度' }] };
  ws.getCell('G2').value = { error: '#DIV/0!' } as never;
  ws.getCell('B4').value = '  空行之后 ';
  wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'x';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading a workbook', () => {
  it('reads each kind of cell as stored', async () => {
    const { wb, meta, rows } = await rowsOf(await sample());
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([['台账', false], ['隐藏', true]]);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 4]);
    expect(rows[0]!.cells[0]).toEqual({ kind: 'text', text: '2022年重点项目' });
    const [a, b, c, d, e, f, g] = rows[1]!.cells;
    expect(a).toEqual({ kind: 'text', text: '项目名称' });
    expect(b).toEqual({ kind: 'number', text: '1234.5' });
    expect(c).toEqual({ kind: 'number', text: '44630' });
    expect(d).toEqual({ kind: 'number', text: '2469', formula: 'B2*2' });
    expect(e).toEqual({ kind: 'bool', value: true });
    expect(f).toEqual({ kind: 'text', text: '形象进度' });
    expect(g).toEqual({ kind: 'error', text: '#DIV/0!' });
    expect(rows[2]!.cells).toEqual([{ kind: 'empty' }, { kind: 'text', text: '  空行之后 ' }]);
    expect(meta.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(meta.rowCount).toBe(3);
  });

  it('stops a sheet with more rows than allowed', async () => {
    await expect(rowsOf(await sample(), 0, 2)).rejects.toThrow(/超过上限 2 行/);
  });
});

describe('refusing what is not a plain workbook', () => {
  it('knows a text file, an old .xls and an empty file by their first bytes', () => {
    expect(() => sniffSpreadsheet(Buffer.from('项目名称,总投资\n'))).toThrow(/不是 Excel .xlsx/);
    expect(() => sniffSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toThrow(/旧版 .xls/);
    expect(() => sniffSpreadsheet(Buffer.alloc(0))).toThrow(/空的/);
  });

  it('refuses a zip that is not a workbook, and one with macros', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(openWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), LIMITS)).rejects.toThrow(FileRefusal);
    const xlsm = await JSZip.loadAsync(await sample());
    xlsm.file('xl/vbaProject.bin', Buffer.alloc(100));
    await expect(openWorkbook(await xlsm.generateAsync({ type: 'nodebuffer' }), LIMITS)).rejects.toThrow(/宏/);
  });

  it('refuses a zip bomb by its ratio, by its total, and when a header lies', async () => {
    const bomb = await JSZip.loadAsync(await sample());
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    bomb.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${row.repeat(200_000)}</sheetData></worksheet>`);
    const buf = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    await expect(openWorkbook(buf, LIMITS)).rejects.toThrow(/压缩比异常/);
    await expect(openWorkbook(buf, { ...LIMITS, maxRatio: 1e9, maxUnzippedBytes: 5_000_000 })).rejects.toThrow(/超过 5 MB/);
    // The directory says the sheet is small; inflating it shows otherwise.
    const lying = Buffer.from(buf);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let p = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
      if (lying.subarray(p + 46, p + 46 + name.length).equals(name)) lying.writeUInt32LE(1000, p + 24);
    }
    await expect(rowsOf(lying)).rejects.toThrow(/与声明不符/);
  });

  it('refuses a cut-off file and broken XML', async () => {
    const buf = await sample();
    await expect(openWorkbook(buf.subarray(0, buf.length - 200), LIMITS)).rejects.toThrow(/损坏/);
    const broken = await JSZip.loadAsync(buf);
    broken.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row><c>');
    await expect(rowsOf(await broken.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(/不是有效的 Excel XML/);
  });
});
