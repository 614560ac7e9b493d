/**
 * Helpers for the import tests: uploading a file through the real multipart route, waiting
 * for a job to settle, and building ledgers the way offices lay them out (title and unit
 * rows, two-row merged headers, group and total rows, numbers typed as text).
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ImportJobDto } from '../src/modules/imports/schema.ts';
import { testApp, type TestApp } from './harness.ts';

const BOUNDARY = '----pacer-test-boundary';

/**
 * A test app for imports of this month's reports into existing projects: the demo data's
 * reports stop a month back, so this month is free to report for them.
 */
export const appWithThisMonthFree = () => testApp({ seedToday: new Date(Date.now() - 40 * 86_400_000) });

/** A multipart body with one file and any plain fields. */
export function multipart(fileName: string, bytes: Buffer, fields: Record<string, string> = {}): Buffer {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

export async function upload(t: TestApp, cookie: string, fileName: string, bytes: Buffer, fields: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/imports', headers: { cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: multipart(fileName, bytes, fields) });
}

const RUNNING = new Set(['analysing', 'previewing', 'committing', 'rolling_back']);

/** Polls the job as the client would until its work is done. */
export async function settle(t: TestApp, cookie: string, id: string, timeoutMs = 60_000): Promise<ImportJobDto> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.call('GET', `/api/imports/${id}`, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as ImportJobDto;
    if (!RUNNING.has(job.status)) return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Upload → mapping proposed. */
export async function analysed(t: TestApp, cookie: string, fileName: string, bytes: Buffer): Promise<ImportJobDto> {
  const res = await upload(t, cookie, fileName, bytes);
  expect(res.statusCode, res.body).toBe(202);
  return settle(t, cookie, res.json().id);
}

/** Confirms the mapping (with changes) and waits for the preview. */
export async function previewed(t: TestApp, cookie: string, id: string, body: Record<string, unknown> = {}): Promise<ImportJobDto> {
  const res = await t.call('PUT', `/api/imports/${id}/mapping`, { cookie, body });
  expect(res.statusCode, res.body).toBe(202);
  return settle(t, cookie, id);
}

export async function committed(t: TestApp, cookie: string, id: string, acceptProblems = false): Promise<ImportJobDto> {
  const res = await t.call('POST', `/api/imports/${id}/commit`, { cookie, body: { acceptProblems } });
  expect(res.statusCode, res.body).toBe(202);
  return settle(t, cookie, id);
}

export async function problemsOf(t: TestApp, cookie: string, id: string) {
  const res = await t.call('GET', `/api/imports/${id}/problems?pageSize=500`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { level: string; sheet: string; row: number; column: string | null; header: string | null; value: string | null; reason: string }[];
}

export async function rowsOf(t: TestApp, cookie: string, id: string) {
  const res = await t.call('GET', `/api/imports/${id}/rows?pageSize=500`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { row: number; sheet: string; action: string; projectId: string | null; projectName: string; reportAction: string | null; changes: { field: string }[] }[];
}

export const xlsx = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

export type Value = string | number | Date | null | { formula: string; result?: number };

/** Adds rows from row `at`, a cell per value (null leaves it empty). */
export function put(ws: ExcelJS.Worksheet, at: number, rows: Value[][]) {
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(at + i, j + 1).value = v as ExcelJS.CellValue)));
}

/** Full-width digits, as a Chinese input method types them. */
export const fullWidth = (s: string) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

let serial = 0;
/** A project name no demo project has. */
export const freshName = (stem = '台账导入测试项目') => `${stem}${++serial}号`;
