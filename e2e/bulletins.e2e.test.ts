/**
 * 通报 end to end: the office downloads this week's bulletin as Word and Excel through the
 * page's buttons, and the files say what the figures say (checked against GET /api/stats).
 * Also pictures the dashboard and the bulletin as it prints.
 */
import fs from 'node:fs/promises';
import { formatYi, wanToYuan } from '@pacer/domain';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { docxText, screenshot, signIn, useBrowser } from './support.ts';

const baseUrl = inject('baseUrl');
const { newPage } = useBrowser(baseUrl);

interface StatsRow {
  group: string;
  projects: number;
  planWan: number;
  ytdWan: number;
  completionRate: number | null;
}

async function downloadVia(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await fs.readFile(file) };
}

describe('bulletins', () => {
  test('the office downloads the Word and Excel bulletin; both carry the figures of GET /api/stats', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'admin');

      // The dashboard first, with its charts drawn.
      await page.getByTestId('side-menu').getByRole('link', { name: '数据看板' }).click();
      await page.waitForURL(/\/dashboard/);
      for (const chart of ['chart-region', 'chart-trend', 'chart-category', 'chart-level', 'chart-grades']) {
        await page.locator(`[data-testid="${chart}"][data-drawn="true"] canvas`).first().waitFor();
      }
      await screenshot(page, 'bulletins-01-dashboard');

      await page.getByTestId('side-menu').getByRole('link', { name: '通报' }).click();
      await page.waitForURL(/\/bulletins/);
      const title = (await page.getByTestId('bulletin-title').textContent())!.trim();
      expect(title).toBe('湘潭市重点项目建设周晒榜');
      const bulletin = (await (await context.request.get('/api/bulletins?kind=week')).json()) as { asOf: string; periodText: string; summary: string[]; problems: { sentence: string } };
      const stats = (await (await context.request.get(`/api/stats?year=${bulletin.asOf.slice(0, 4)}&asOf=${bulletin.asOf}&groupBy=region`)).json()) as { rows: StatsRow[]; total: StatsRow };
      const ytdYi = formatYi(wanToYuan(stats.total.ytdWan));
      const sentence = `全市${stats.total.projects}个重点项目累计完成投资${ytdYi}亿元`;
      await expect.poll(() => page.getByTestId('bulletin-summary').first().textContent()).toContain(sentence);
      // 问题交办办理情况: the page shows the same sentence the Word and Excel files carry.
      expect(await page.getByTestId('bulletin-problem-sentence').textContent()).toBe(bulletin.problems.sentence);

      // Word: title, period and the summary sentence with the city-wide total.
      const docx = await downloadVia(page, 'download-docx');
      expect(docx.name).toMatch(/\.docx$/);
      expect(docx.name).toContain(title);
      const text = await docxText(docx.bytes);
      expect(text).toContain(title);
      expect(text).toContain(bulletin.periodText);
      const summary = /截至(\d+)月(\d+)日，全市(\d+)个重点项目累计完成投资([\d,.]+)亿元/.exec(text);
      expect(summary, 'the summary sentence is in the document').not.toBeNull();
      expect(Number(summary![3])).toBe(stats.total.projects);
      expect(summary![4]).toBe(ytdYi);
      expect(`${Number(bulletin.asOf.slice(5, 7))}月${Number(bulletin.asOf.slice(8, 10))}日`).toBe(`${summary![1]}月${summary![2]}日`);

      // Excel: the title row, and the 合计 and region rows equal to the stats.
      const xlsx = await downloadVia(page, 'download-xlsx');
      expect(xlsx.name).toMatch(/\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('汇总')!;
      expect(String(sheet.getCell('A1').value)).toContain(title);
      const rows = new Map<string, ExcelJS.Row>();
      sheet.eachRow((row) => rows.set(String(row.getCell(1).value ?? ''), row));
      expect(rows.get('合计')!.getCell(4).value).toBe(stats.total.ytdWan);
      expect(rows.get('合计')!.getCell(2).value).toBe(stats.total.projects);
      const first = stats.rows[0]!;
      expect(rows.get(first.group)!.getCell(3).value).toBe(first.planWan);
      expect(rows.get(first.group)!.getCell(5).value).toBe(first.completionRate);
      expect([...rows.keys()].some((k) => k.includes(sentence))).toBe(true);

      await screenshot(page, 'bulletins-02-page');
      // As it prints: the sheet alone, without menu, header or toolbar.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('side-menu').isVisible()).toBe(false);
      expect(await page.getByTestId('download-docx').isVisible()).toBe(false);
      await screenshot(page, 'bulletins-03-print');
    } finally {
      await context.close();
    }
  });
});
