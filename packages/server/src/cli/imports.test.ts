/**
 * `pacer import` and `pacer export` in process against a real database: the summary and
 * problems printed, exit codes (non-zero when nothing was imported), --period, --dry-run,
 * --accept-problems, --as; and the export files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, progressReports, projects } from '../db/schema.ts';
import { importLimits } from '../modules/imports/limits.ts';
import { seedDemo } from '../seed/demo.ts';
import { freshDatabase, type TestDatabase } from '../../test/harness.ts';
import { freshName, put } from '../../test/ledgers.ts';
import { exportCommand } from './exports.ts';
import { importCommand, type ImportOptions } from './imports.ts';
import { tempDir } from './testing.ts';

const Y = Number(beijingLocal(new Date()).slice(0, 4)) - 1;
let fresh: TestDatabase;
const dir = tempDir();
let ownerName: string;

beforeAll(async () => {
  fresh = await freshDatabase();
  await seedDemo(fresh.database.db, { password: 'pacer2026', reports: false, boards: 0 });
  ownerName = (await fresh.database.db.select().from(organisations).where(eq(organisations.kind, 'owner')))[0]!.name;
});
afterAll(async () => {
  await fresh?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function ledgerFile(rows: (string | number | null)[][], title = '重点项目台账'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = title;
  ws.getCell('A2').value = '单位：万元';
  put(ws, 3, [['项目名称', '县市区', '业主单位', '项目级别', '项目类别', '建设状态', '计划总投资', '本年累计完成投资'], ...rows]);
  const file = path.join(dir, `${freshName('ledger')}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function run(file: string, opts: ImportOptions = {}) {
  const lines: string[] = [];
  const code = await importCommand(fresh.database, importLimits(), file, opts, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

const row = (name: string, total: number | string, ytd: number | null = null) => [name, '雨湖区', ownerName, '市州重点', '产业项目', '新建', total, ytd];

describe('pacer import', () => {
  it('dry-runs: prints the mapping, the counts and each problem, writes nothing, exits 1 on errors', async () => {
    const names = [freshName('命令行项目'), freshName('命令行项目')];
    const file = await ledgerFile([row(names[0]!, 100, 10), row(names[1]!, '一百', 10)], `${Y}年1-3月重点项目进度`);
    const { code, out } = await run(file, { dryRun: true });
    expect(code).toBe(1);
    expect(out).toContain('工作表"台账"：表头第 3 行，金额单位 万元');
    expect(out).toContain('G 计划总投资→计划总投资');
    expect(out).toContain(`填报期 ${Y}-03（取自标题）`);
    expect(out).toContain('项目 新建 1 · 更新 0 · 不变 0 · 跳过（有错误）1');
    expect(out).toContain('错误 台账!G5 [计划总投资] "一百"："一百" 不是数字');
    expect(await fresh.database.db.select().from(projects).where(inArray(projects.name, names))).toEqual([]);
  });

  it('imports nothing while problems are not accepted, then imports the clean rows', async () => {
    const names = [freshName('命令行项目'), freshName('命令行项目')];
    const file = await ledgerFile([row(names[0]!, 100, 10), row(names[1]!, '一百', 10)]);
    const refused = await run(file, { period: `${Y}-06` });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('未导入：预检发现问题');
    const done = await run(file, { period: `${Y}-06`, acceptProblems: true });
    expect(done.code, done.out).toBe(0);
    expect(done.out).toMatch(/已导入 Imported：批次 [0-9a-f-]{36}/);
    const [p] = await fresh.database.db.select().from(projects).where(eq(projects.name, names[0]!));
    expect(p!.totalInvestmentYuan).toBe(1_000_000);
    const [r] = await fresh.database.db.select().from(progressReports).where(eq(progressReports.projectId, p!.id));
    expect(r).toMatchObject({ periodStart: `${Y}-06-01`, ytdYuan: 100_000 });
    const again = await run(file, { period: `${Y}-06`, acceptProblems: true });
    expect(again.code).toBe(1);
    expect(again.out).toContain('没有需要写入的数据');
  });

  it('asks for --period when the sheet has figures and no date', async () => {
    await expect(run(await ledgerFile([row(freshName(), 100, 10)]))).rejects.toThrow(/填报期/);
    await expect(run(await ledgerFile([row(freshName(), 100, 10)]), { period: '2022-13' })).rejects.toThrow(/--period/);
  });

  it('refuses what is not a workbook, and a missing file, with a sentence', async () => {
    const text = path.join(dir, 'not.xlsx');
    fs.writeFileSync(text, '项目名称,总投资\n');
    await expect(run(text)).rejects.toThrow(/不是 Excel .xlsx/);
    await expect(run(path.join(dir, 'missing.xlsx'))).rejects.toThrow(/找不到文件/);
  });

  it('acts as an account with --as: an owner cannot create projects', async () => {
    const { code, out } = await run(await ledgerFile([row(freshName(), 100)]), { as: 'owner', dryRun: true, period: `${Y}-03` });
    expect(code).toBe(1);
    expect(out).toContain('业主单位只能导入本单位已有项目的进度');
    await expect(run(await ledgerFile([row(freshName(), 100)]), { as: 'nobody' })).rejects.toThrow(/没有启用中的账号/);
  });
});

describe('pacer import with defaults', () => {
  it('fills level, category, status and region a ledger leaves out', async () => {
    const wb = new ExcelJS.Workbook();
    const name = freshName('缺省值项目');
    put(wb.addWorksheet('名单'), 1, [['项目名称', '业主单位', '计划总投资'], [name, ownerName, 250]]);
    const file = path.join(dir, 'defaults.xlsx');
    await wb.xlsx.writeFile(file);
    const missing = await run(file, { dryRun: true });
    expect(missing.out).toContain('名单 第2行：缺少所在区划');
    const done = await run(file, { defaults: { level: 'province,city', category: 'livelihood', status: 'continuing', region: '430304' } });
    expect(done.code, done.out).toBe(0);
    const [p] = await fresh.database.db.select().from(projects).where(eq(projects.name, name));
    expect(p).toMatchObject({ levels: ['province', 'city'], category: 'livelihood', status: 'continuing', regionCode: '430304', totalInvestmentYuan: 2_500_000 });
    await expect(run(file, { defaults: { category: 'nonsense' } })).rejects.toThrow(/缺省值有误/);
  });
});

describe('pacer export', () => {
  it('writes the project list with its filters, and refuses to overwrite', async () => {
    const out = path.join(dir, 'projects.xlsx');
    expect(await exportCommand(fresh.database, 'projects', { out, region: '430302', unit: 'yi' })).toMatch(/已导出 \d+ 个项目/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.worksheets[0]!.getCell('A2').value)).toContain('区划 雨湖区');
    await expect(exportCommand(fresh.database, 'projects', { out })).rejects.toThrow(/已存在/);
    await expect(exportCommand(fresh.database, 'board', { out: path.join(dir, 'b.xlsx') })).rejects.toThrow(/还没有发布过榜单/);
    await expect(exportCommand(fresh.database, 'nonsense', { out: path.join(dir, 'n.xlsx') })).rejects.toThrow(/可导出/);
    expect(await exportCommand(fresh.database, 'stats', { out: path.join(dir, 's.xlsx'), groupBy: 'category' })).toContain('已导出');
  });
});
