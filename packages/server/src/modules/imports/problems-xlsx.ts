/**
 * 问题清单 of one import as a workbook, so the office can send each unit the rows it must fix
 * in the ledger it keeps: sheet, row, column, header, value and reason, in the preview's order.
 * Streamed page by page: a 100,000-row ledger can carry as many problems.
 */
import { PassThrough } from 'node:stream';
import { beijingLocal } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { and, asc, count, eq, gt } from 'drizzle-orm';
import { importProblems } from '../../db/schema.ts';
import { printedSheet } from '../../xlsx/printed.ts';
import type { Actor } from './actor.ts';
import { jobFor, type ImportContext } from './service.ts';

const PAGE = 5000;
const LEVEL = { error: '错误', warning: '提示' } as const;

export async function problemsWorkbook(c: ImportContext, actor: Actor, jobId: string, now = new Date()): Promise<{ body: Buffer; fileName: string }> {
  const job = await jobFor(c, actor, jobId);
  const tally = await c.db.select({ level: importProblems.level, n: count() }).from(importProblems).where(eq(importProblems.jobId, jobId)).groupBy(importProblems.level);
  const nOf = (level: string) => Number(tally.find((t) => t.level === level)?.n ?? 0);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (b: Buffer) => chunks.push(b));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '领跑 Pacer';
  const sheet = printedSheet(wb, '问题清单', {
    title: `导入问题清单：${job.fileName}`,
    note: `错误 ${nOf('error')} 条（须改正后重新导入或不导入该行），提示 ${nOf('warning')} 条（可接受）　　导出时间：${beijingLocal(now).replace('T', ' ')}`,
    columns: [
      { header: '序号', width: 6 },
      { header: '级别', width: 6 },
      { header: '工作表', width: 14 },
      { header: '行', width: 6 },
      { header: '列', width: 5 },
      { header: '表头', width: 18 },
      { header: '单元格内容', width: 24 },
      { header: '原因与改法', width: 60 },
    ],
    streaming: true,
  });
  // Keyset pages on seq, the order the preview lists them in.
  for (let after = -1, i = 0; ; ) {
    const rows = await c.db
      .select()
      .from(importProblems)
      .where(and(eq(importProblems.jobId, jobId), gt(importProblems.seq, after)))
      .orderBy(asc(importProblems.seq))
      .limit(PAGE);
    sheet.addRows(rows.map((p) => [++i, LEVEL[p.level as keyof typeof LEVEL] ?? p.level, p.sheet, p.rowNumber, p.columnLetter, p.header, p.value, p.reason]));
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.seq;
  }
  sheet.ws.commit();
  await wb.commit();
  return { body: Buffer.concat(chunks), fileName: `${job.fileName.replace(/\.xlsx$/i, '')}-问题清单.xlsx` };
}
