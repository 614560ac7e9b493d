/**
 * The bulletin's renderers on a bulletin made up in memory: the Word project table written as
 * text is the table `docx` writes, names that need escaping come back as typed, a long table
 * stays whole, and the Excel sheet keeps its values, formats and layout.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { safeText } from '../../xlsx/safe-text.ts';
import { bulletinDocx } from './docx.ts';
import { escapeText } from './table-rows.ts';
import { AWKWARD_NAMES, documentXml, sampleBulletin, tableAfter, wordBlocks } from './testing.ts';
import { bulletinXlsx } from './xlsx.ts';

const wan = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const withoutControls = (s: string) => s.replaceAll('\u0007', '');

describe('bulletin in Word', () => {
  for (const kind of ['week', 'month'] as const) {
    it(`writes the project rows exactly as docx writes them (${kind})`, async () => {
      const d = sampleBulletin(60, kind);
      const [text, objects] = await Promise.all([bulletinDocx(d), bulletinDocx(d, { projectRowsBy: 'docx' })]);
      const [a, b] = await Promise.all([documentXml(text), documentXml(objects)]);
      expect(a.length).toBe(b.length);
      expect(a === b).toBe(true);
    });
  }

  it('carries every project with its figures, names escaped and the header repeated on each page', async () => {
    const d = sampleBulletin(40);
    const table = tableAfter(wordBlocks(await documentXml(await bulletinDocx(d))), '四、项目完成情况');
    expect(table.rows).toHaveLength(41);
    expect(table.rows.map((r) => r.header)).toEqual([true, ...Array(40).fill(false)]);
    expect(table.rows[0]!.cells.map((c) => c.text)).toEqual(['序号', '项目名称', '县市区', '年度计划（万元）', '累计完成（万元）', '完成率', '进度差（百分点）', '等次']);
    expect(table.gridCols).toHaveLength(8);
    d.projects.forEach((p, i) => {
      const cells = table.rows[i + 1]!.cells;
      expect(cells.map((c) => c.text)).toEqual([
        String(i + 1),
        withoutControls(p.name),
        p.regionName,
        wan(p.planWan),
        wan(p.ytdWan),
        p.completionRate === null ? '—' : `${wan(p.completionRate)}%`,
        wan(p.gapPoints),
        p.grade ?? '—',
      ]);
      expect(cells.map((c) => c.align)).toEqual(['center', 'left', 'center', 'center', 'center', 'center', 'center', 'center']);
    });
    // The awkward names really were awkward: they come back whole through the XML.
    expect(table.rows[1]!.cells[1]!.text).toBe(AWKWARD_NAMES[0]);
    expect(table.rows[5]!.cells[1]!.text).toBe('含控制符的项目名称');
  });

  it('keeps a province-sized table whole across the chunks it is written in', async () => {
    const d = sampleBulletin(6_000, 'month');
    const xml = await documentXml(await bulletinDocx(d));
    const table = tableAfter(wordBlocks(xml), '四、项目完成情况');
    expect(table.rows).toHaveLength(6_001);
    expect(table.rows.slice(1).map((r) => r.cells[0]!.text)).toEqual(d.projects.map((_, i) => String(i + 1)));
    const last = d.projects.at(-1)!;
    expect(table.rows.at(-1)!.cells.map((c) => c.text)).toEqual(['6000', last.name, last.regionName, wan(last.planWan), wan(last.ytdWan), last.completionRate === null ? '—' : `${wan(last.completionRate)}%`, wan(last.gapPoints)]);
    // What follows the table is still there.
    expect(xml).toContain('五、红黄榜');
    expect(xml).toContain('六、问题交办办理情况');
  });

  it('escapes text as docx does', () => {
    expect(escapeText('A&B <c> "d" \'e\'')).toBe('A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
    expect(escapeText('项目（一期）；、【续建】——')).toBe('项目（一期）；、【续建】——');
    expect(escapeText('a\u0000b\u0008c\td\ne\u001f')).toBe('abc\td\ne');
  });
});

describe('bulletin in Excel', () => {
  it('writes every project with its figures, number formats, borders and the printed layout', async () => {
    const d = sampleBulletin(40);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bulletinXlsx(d)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分类别', '项目明细', '红黄榜', '问题办理']);
    const ws = wb.getWorksheet('项目明细')!;
    expect(ws.getCell('A1').value).toBe('湘潭市重点项目建设周晒榜——项目明细（2026年第48周）');
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true });
    expect(ws.getCell('A2').value).toBe('截至2026-11-27　单位：万元');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:J1', 'A2:J2']));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '3:3' });
    expect(ws.columns.map((c) => c.width)).toEqual([6, 40, 10, 14, 16, 16, 12, 14, 10, 8]);
    const header = ws.getRow(3);
    expect((header.values as unknown[]).slice(1)).toEqual(['序号', '项目名称', '县市区', '类别', '年度计划（万元）', '累计完成（万元）', '完成率（%）', '进度差（百分点）', '三色预警', '等次']);
    expect(header.getCell(2).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(header.getCell(2).font).toMatchObject({ bold: true });
    expect(ws.rowCount).toBe(3 + 40);
    const colour = { green: '绿', yellow: '黄', red: '红' } as const;
    d.projects.forEach((p, i) => {
      const row = ws.getRow(4 + i);
      expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => row.getCell(c).value)).toEqual([
        i + 1,
        withoutControls(safeText(p.name)),
        p.regionName,
        p.category,
        p.planWan,
        p.ytdWan,
        p.completionRate,
        p.gapPoints,
        p.colour ? colour[p.colour] : '—',
        p.grade ?? '—',
      ]);
      expect(row.getCell(5).numFmt).toBe('#,##0.00');
      expect(row.getCell(6).numFmt).toBe('#,##0.00');
      expect(row.getCell(7).numFmt).toBe('0.00');
      expect(row.getCell(1).numFmt).toBeUndefined();
      expect(row.getCell(10).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    });
    // Awkward names come back as typed; one that Excel would run as a formula is neutralised.
    expect(ws.getCell('B4').value).toBe(AWKWARD_NAMES[0]);
    expect(ws.getCell('B6').value).toBe(`'${AWKWARD_NAMES[2]}`);
    const lists = wb.getWorksheet('红黄榜')!;
    expect(lists.rowCount).toBe(3 + d.red.length + d.yellow.length);
    expect(lists.getCell('B4').value).toBe(safeText(d.red[0]!.name));
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getCell(`A${3 + 2 + 2}`).value).toBe(d.summary[0]);
    expect(wb.getWorksheet('问题办理')!.getCell('F4').numFmt).toBe('0.00');
  });
});
