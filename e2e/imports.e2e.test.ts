/**
 * 数据导入 end to end: the office uploads a ledger as offices keep them (a title naming the
 * period, a 单位：万元 row, a two-row header with a merged parent, a group row and a total
 * row) in which one column's header no rule knows ("本项目总盘子", meaning 总投资). The dry
 * run refuses the new projects until that column is mapped in the UI; after the fix the
 * dry run is clean, the commit writes the projects, and the project list shows them.
 * Then, on a phone, the same ledger maps that column by itself (remembered for the office).
 */
import fs from 'node:fs/promises';
import { beijingLocal, type OrgDto, type ProjectPage } from '@pacer/domain';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { pickOption, screenshot, signIn, tableRows, useBrowser } from './support.ts';

const baseUrl = inject('baseUrl');
const { newPage } = useBrowser(baseUrl);

// Last year's first quarter: a period that has passed whatever the day the test runs.
const Y = Number(beijingLocal(new Date()).slice(0, 4)) - 1;
const stamp = Date.now().toString(36).slice(-5);
const names = [`台账导入验收智能装备园${stamp}`, `台账导入验收新材料基地${stamp}`];
const FILE = `${Y}年1-3月重点项目进度${stamp}.xlsx`;

async function ledger(owner: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('1-3月进度');
  ws.getCell('A1').value = `截至${Y}年3月31日湘潭市重点建设项目投资完成情况表`;
  ws.mergeCells('A1:I1');
  ws.getCell('I2').value = '单位：万元';
  const rows: (string | number | null)[][] = [
    ['序号', '项目名称', '县市区', '业主单位', '建设性质', '项目级别', '投资情况', null, null],
    [null, null, null, null, null, null, '本项目总盘子', `${Y}年计划`, '1-3月完成'],
    ['一、产业项目（2个）', null, null, null, null, null, 60000, 20000, 1500],
    [1, names[0]!, '雨湖区', owner, '新建', '市州重点', '52,000', 18000, '1,234.5 '],
    [2, names[1]!, '岳塘区', owner, '续建', '市州重点', 8000, '2000', 265.5],
    ['合计', null, null, null, null, null, 60000, 20000, 1500],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(3 + i, j + 1).value = v)));
  for (const col of ['A', 'B', 'C', 'D', 'E', 'F']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('G3:I3');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

/** A statistic's value: the Statistic's title and value in one text. */
const count = (page: Page, key: string) => page.getByTestId(`count-${key}`).locator('.ant-statistic-content-value').textContent();

describe('data import', () => {
  test('the office uploads a ledger, fixes one column mapping, previews, commits and finds the projects', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'admin');
      const owners = (await (await context.request.get('/api/organisations?kind=owner')).json()) as OrgDto[];
      const owner = owners[0]!.name;

      await page.getByTestId('side-menu').getByRole('link', { name: '数据导入' }).click();
      await page.waitForURL(/\/imports/);
      await page.locator('[data-testid="upload-card"] input[type="file"]').setInputFiles({
        name: FILE,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await ledger(owner),
      });

      // The job is read in the background; the mapping shows what was found.
      await page.waitForURL(/\/imports\?job=/);
      await page.getByTestId('mapping-card').waitFor();
      expect(await text(page, 'job-file')).toContain(FILE);
      expect(await text(page, 'sheet-header-rows-0')).toBe('表头：第 3–4 行');
      expect(await text(page, 'sheet-unit-0')).toBe('万元');
      expect(await page.getByTestId('sheet-0').textContent()).toContain(`本表：${Y}年3月`);
      expect(await text(page, 'mapping-source-0-G')).toBe('未识别');
      expect(await text(page, 'mapping-field-0-H')).toBe('年度计划投资');
      expect(await text(page, 'mapping-field-0-I')).toBe('本年累计完成投资');

      // A dry run as proposed: the new projects lack their total investment and would be skipped.
      await page.getByTestId('run-preview').click();
      await page.getByTestId('preview-card').waitFor();
      await expect.poll(() => count(page, 'skipped')).toBe('2');
      expect(await count(page, 'created')).toBe('0');
      await expect.poll(() => page.getByTestId('problems-table').textContent()).toContain('新项目须填写计划总投资');
      expect(await page.getByTestId('commit-import').isDisabled()).toBe(true);

      // The problems as a workbook to send back to whoever keeps the ledger.
      const [problemsFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('problems-download').click()]);
      const problems = new ExcelJS.Workbook();
      await problems.xlsx.load((await fs.readFile(await problemsFile.path())) as unknown as ArrayBuffer);
      const reasons: string[] = [];
      problems.getWorksheet('问题清单')!.eachRow((row, n) => {
        if (n > 3) reasons.push(String(row.getCell(8).value));
      });
      expect(reasons.filter((r) => r.includes('新项目须填写计划总投资'))).toHaveLength(2);

      // The fix: 本项目总盘子 is the total investment. Until previewed again, no commit.
      await pickOption(page, 'mapping-field-0-G', '计划总投资');
      expect(await text(page, 'mapping-source-0-G')).toBe('手工');
      await expect.poll(() => text(page, 'commit-hint')).toBe('对应关系已修改，请重新预检后再提交');
      expect(await page.getByTestId('commit-import').isDisabled()).toBe(true);

      await page.getByTestId('run-preview').click();
      await page.getByTestId('preview-clean').waitFor();
      expect(await count(page, 'created')).toBe('2');
      expect(await count(page, 'skipped')).toBe('0');
      expect(await count(page, 'reportsCreated')).toBe('2');
      expect(await count(page, 'ignoredRows')).toBe('2');
      const rowsText = await page.getByTestId('rows-table').textContent();
      for (const name of names) expect(rowsText).toContain(name);
      await screenshot(page, 'imports-01-preview');

      await page.getByTestId('commit-import').click();
      await page.getByTestId('import-result').waitFor();
      expect(await page.getByTestId('import-result').textContent()).toContain('新建 2 个项目、更新 0 个，写入填报 2 份');
      await expect.poll(() => page.getByTestId('history-table').locator('tbody tr.ant-table-row').first().textContent()).toContain('已导入');
      expect(await page.getByTestId('history-table').locator('tbody tr.ant-table-row').first().textContent()).toContain(FILE);
      await screenshot(page, 'imports-02-committed');

      // The projects are in the library, with the total read from the fixed column (52,000 万元).
      await page.getByTestId('side-menu').getByRole('link', { name: '项目库' }).click();
      await page.waitForURL(/\/projects/);
      await page.getByTestId('filter-q').fill(stamp);
      await page.getByTestId('filter-submit').click();
      await page.waitForURL((url) => url.searchParams.get('q') === stamp);
      await expect.poll(async () => (await (await tableRows(page)).getByTestId('project-name').allInnerTexts()).map((n) => n.trim()).sort()).toEqual([...names].sort());
      const listed = (await (await context.request.get(`/api/projects?q=${stamp}`)).json()) as ProjectPage;
      expect(listed.items.find((p) => p.name === names[0])?.totalInvestmentYuan).toBe(52_000 * 10_000);
      expect((await (await tableRows(page)).allInnerTexts()).join('\n')).toContain('52,000.00');

      // 导出Excel exports what the list shows: the two projects the keyword finds, nothing else.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-projects').click()]);
      const exported = new ExcelJS.Workbook();
      await exported.xlsx.readFile(await download.path());
      const cells = exported.worksheets[0]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : []));
      for (const name of names) expect(cells).toContain(name);
      expect(cells.filter((c) => c.includes('台账导入验收')).length).toBe(2);
    } finally {
      await context.close();
    }
  });

  test('on a phone: the fix is remembered for the next ledger, the page fits the screen, an import can be discarded', async () => {
    const { context, page } = await newPage({ width: 390, height: 844 }, { isMobile: true, hasTouch: true });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    try {
      await signIn(page, baseUrl, 'admin');
      const owners = (await (await context.request.get('/api/organisations?kind=owner')).json()) as OrgDto[];
      await page.goto(`${baseUrl}/imports`);
      await page.getByTestId('upload-card').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);

      await page.locator('[data-testid="upload-card"] input[type="file"]').setInputFiles({ name: `再次-${FILE}`, mimeType: 'application/octet-stream', buffer: await ledger(owners[0]!.name) });
      await page.getByTestId('mapping-card').waitFor();
      // The office's fix in the test above is remembered: the same header now maps by itself.
      expect(await text(page, 'mapping-field-0-G')).toBe('计划总投资');
      expect(await text(page, 'mapping-source-0-G')).toBe('已记住');
      // The mapping table is wider than a phone: it scrolls inside its card, the page does not.
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, 'imports-03-phone-mapping');

      await page.getByTestId('discard-import').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
      await page.getByTestId('upload-card').waitFor();
      await expect.poll(() => page.getByTestId('history-table').locator('tbody tr.ant-table-row').first().textContent()).toContain('已放弃');
    } finally {
      await context.close();
    }
  });
});
