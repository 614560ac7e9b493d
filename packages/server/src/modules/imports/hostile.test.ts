/**
 * Hostile and broken files get a clear refusal and change nothing: a text file named .xlsx,
 * an old .xls, a zip bomb, a sheet over the row limit, a file over the size limit, macros,
 * formulas and wrong types in cells, and random corruption of a good file (fuzzed).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, importRows, projects } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { openWorkbook } from '../../xlsx/workbook.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { analysed, freshName, previewed, problemsOf, put, settle, upload, xlsx } from '../../../test/ledgers.ts';
import { analyseWorkbook } from './analyse.ts';
import { importLimits } from './limits.ts';

const LIMITS = { maxRows: 50, maxUploadBytes: 200_000, maxUnzippedBytes: 20_000_000 };
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await testApp({ reports: false, importLimits: LIMITS });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

/** Rows and audit entries: a refused file must leave both as they were. */
async function footprint() {
  return { projects: (await t.database.db.select().from(projects)).length, audit: (await t.database.db.select().from(auditLog)).length };
}

async function smallLedger(rows = 3): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  put(ws, 1, [['项目名称', '县市区', '计划总投资'], ...Array.from({ length: rows }, (_, i) => [freshName('恶意文件测试'), '雨湖区', 100 + i])]);
  return xlsx(wb);
}

async function refusedInJob(bytes: Buffer, pattern: RegExp) {
  const before = await footprint();
  const res = await upload(t, admin, 'hostile.xlsx', bytes);
  expect(res.statusCode, res.body).toBe(202);
  const job = await settle(t, admin, res.json().id);
  expect(job.status).toBe('failed');
  expect(job.error).toMatch(pattern);
  expect(await footprint()).toEqual(before);
}

describe('refused at the door', () => {
  it('refuses a text file named .xlsx, an old .xls and an empty file at once', async () => {
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('项目名称,总投资\n湘潭A,100\n'), /不是 Excel .xlsx/],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /旧版 .xls/],
      [Buffer.alloc(0), /空的/],
    ];
    for (const [bytes, message] of cases) {
      const res = await upload(t, admin, 'ledger.xlsx', bytes);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(message);
    }
  });

  it('refuses a file over the size limit', async () => {
    const res = await upload(t, admin, 'big.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(LIMITS.maxUploadBytes + 10)]));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('上限');
  });
});

describe('refused while reading, with nothing changed', () => {
  it('refuses a zip bomb', async () => {
    const zip = await JSZip.loadAsync(await smallLedger());
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>炸</t></is></c></row>'.repeat(400_000)}</sheetData></worksheet>`);
    await refusedInJob(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }), /压缩/);
  });

  it('refuses a sheet over the configured row limit', async () => {
    await refusedInJob(await smallLedger(LIMITS.maxRows + 5), /超过上限 50 行/);
  });

  it('refuses macros, a cut-off file and a workbook without a project table', async () => {
    const macro = await JSZip.loadAsync(await smallLedger());
    macro.file('xl/vbaProject.bin', Buffer.alloc(64));
    await refusedInJob(await macro.generateAsync({ type: 'nodebuffer' }), /宏/);
    const good = await smallLedger();
    await refusedInJob(good.subarray(0, good.length - 300), /损坏/);
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('说明'), 1, [['这里没有表格'], ['只有文字']]);
    await refusedInJob(await xlsx(wb), /没有找到项目表格/);
  });
});

describe('cells that cannot be trusted', () => {
  it('refuses formulas and wrong types cell by cell, importing none of those rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    put(ws, 1, [['项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '计划总投资', '计划开工']]);
    const name = freshName('公式测试');
    ws.addRow([name, '雨湖区', '某公司', '市州重点', '产业项目', '新建', { formula: '1000*2', result: 2000 }, '2025-01-01']);
    ws.addRow([freshName('类型测试'), '雨湖区', '某公司', '市州重点', '产业项目', '新建', true, '明年开工']);
    ws.addRow(['=HYPERLINK("http://evil.example","点我")', '雨湖区', '某公司', '市州重点', '产业项目', '新建', 100, null]);
    ws.addRow([freshName('错误值测试'), '雨湖区', '某公司', '市州重点', '产业项目', '新建', { error: '#DIV/0!' } as never, new Date(Date.UTC(2025, 0, 1))]);
    const before = await footprint();
    const job = await previewed(t, admin, (await analysed(t, admin, 'cells.xlsx', await xlsx(wb))).id);
    expect(job.counts).toMatchObject({ created: 0, skipped: 4 });
    const reasons = (await problemsOf(t, admin, job.id)).filter((p) => p.level === 'error').map((p) => [p.row, p.column, p.reason]);
    const because = (text: string) => expect.stringContaining(text);
    expect(reasons).toEqual([
      [2, 'G', because('单元格是公式（=1000*2）')],
      [3, 'G', because('应为金额（数字）')],
      [3, 'H', because('"明年开工" 不是可识别的日期')],
      [4, 'A', because('内容以 = 或 @ 开头')],
      [5, 'G', because('单元格是错误值 #DIV/0!')],
    ]);
    expect(await footprint()).toEqual(before);
    const res = await t.call('POST', `/api/imports/${job.id}/commit`, { cookie: admin, body: { acceptProblems: true } });
    expect(res.statusCode).toBe(409);
  });
});

describe('fuzzed files', () => {
  /** Random damage to a good file: overwritten bytes, truncation, appended junk. */
  const damage = fc.record({
    at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
  });

  function damaged(good: Buffer, d: { at: [number, number][]; cut?: number }): Buffer {
    const b = Buffer.from(good);
    for (const [pos, byte] of d.at) b[pos % b.length] = byte;
    return d.cut === undefined ? b : b.subarray(0, Math.max(4, d.cut % b.length));
  }

  it('reads a damaged workbook or refuses it with a reason — never anything else', async () => {
    const good = await smallLedger();
    const limits = importLimits(LIMITS);
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        try {
          await analyseWorkbook(await openWorkbook(damaged(good, d), limits), limits, new Map());
        } catch (err) {
          expect(err, String(err)).toBeInstanceOf(AppError);
        }
      }),
      // A fixed seed keeps CI repeatable; set FUZZ_SEED to explore other damage.
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
  });

  it('refuses with a reason whichever single byte is broken', async () => {
    // Deterministic companion to the random damage above: every byte of the file zeroed in turn.
    const good = await smallLedger();
    const limits = importLimits(LIMITS);
    const escaped: string[] = [];
    for (let pos = 0; pos < good.length; pos++) {
      const b = Buffer.from(good);
      b[pos] = b[pos] === 0 ? 0xff : 0;
      try {
        await analyseWorkbook(await openWorkbook(b, limits), limits, new Map());
      } catch (err) {
        if (!(err instanceof AppError)) escaped.push(`${pos}: ${String(err)}`);
      }
    }
    expect(escaped).toEqual([]);
  });

  it('through the API, a damaged upload ends as a mapping to confirm or a refusal, writing nothing', async () => {
    const good = await smallLedger();
    const before = { ...(await footprint()), staged: (await t.database.db.select().from(importRows)).length };
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        const res = await upload(t, admin, 'fuzz.xlsx', damaged(good, d));
        if (res.statusCode === 400) return;
        expect(res.statusCode).toBe(202);
        const job = await settle(t, admin, res.json().id);
        expect(['mapping', 'failed']).toContain(job.status);
        if (job.status === 'failed') expect(job.error).not.toContain('内部错误');
      }),
      { numRuns: 25, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
    expect({ ...(await footprint()), staged: (await t.database.db.select().from(importRows)).length }).toEqual(before);
  });
});
