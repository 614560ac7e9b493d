/**
 * 作战图 on the project page: the office sees the year's monthly plan with its three-colour
 * record and legend, is told in Chinese which month is wrong, saves its own plan and returns
 * to the time curve; on a phone the section fits the screen.
 */
import { beijingLocal, yuanToWanText, type MonthlyPlanDto, type ProjectPage } from '@pacer/domain';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { screenshot, signIn, useBrowser } from './support.ts';

const baseUrl = inject('baseUrl');
const year = Number(beijingLocal(new Date()).slice(0, 4));
const { newPage } = useBrowser(baseUrl);

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
const monthInput = (page: Page, month: number) => page.getByTestId(`plan-month-${month}`);

describe('作战图', () => {
  test('edit, save and reset a project’s monthly plan, with its colour record', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'admin');
      const list = (await (await context.request.get(`/api/projects?year=${year}&sort=annualPlanYuan&order=desc&pageSize=1`)).json()) as ProjectPage;
      const project = list.items[0]!;
      const path = `/api/projects/${project.id}/monthly-plans/${year}`;
      const curve = ((await (await context.request.get(path)).json()) as MonthlyPlanDto).months.map((m) => m.curveYuan);

      await page.goto(`${baseUrl}/projects/${project.id}`);
      const section = page.getByTestId('section-battle-plan');
      await section.getByTestId('plan-table').waitFor();
      await poll(() => section.getByTestId('colour-record').locator('[data-testid^="colour-month-"]').count()).toBe(12);
      await poll(() => section.getByTestId('colour-legend').textContent()).toContain('红色月份追上后转为黄色');

      // Start from the curve, then make April fall below March: refused on the spot, naming the month.
      await section.getByTestId('plan-from-curve').click();
      await poll(() => monthInput(page, 4).inputValue()).toBe(yuanToWanText(curve[3]!));
      await monthInput(page, 4).fill(yuanToWanText(curve[2]! - 10_000));
      await poll(() => section.getByTestId('plan-errors').textContent()).toContain('4 月末累计计划投资');
      expect(await section.getByTestId('plan-save').isDisabled()).toBe(true);

      // Front-load March instead: saved as the project's own plan.
      await monthInput(page, 4).fill(yuanToWanText(curve[3]!));
      await monthInput(page, 3).fill(yuanToWanText(curve[3]!));
      await poll(() => section.getByTestId('plan-errors').count()).toBe(0);
      await section.getByTestId('plan-save').click();
      await poll(() => page.getByText('作战图已保存').count()).toBeGreaterThan(0);
      await poll(() => section.getByTestId('plan-source').textContent()).toBe('本项目自定作战图');
      const saved = (await (await context.request.get(path)).json()) as MonthlyPlanDto;
      expect(saved.source).toBe('plan');
      expect(saved.months[2]!.cumulativeYuan).toBe(curve[3]);
      await screenshot(page, 'battle-plan-01-saved');

      // Back to the time curve.
      await section.getByTestId('plan-reset').click();
      await page.getByTestId('plan-reset-ok').click();
      await poll(() => section.getByTestId('plan-source').textContent()).toBe('按时序进度推算（未自定）');
      expect(((await (await context.request.get(path)).json()) as MonthlyPlanDto).source).toBe('curve');
    } finally {
      await context.close();
    }
  });

  test('the section fits a phone', async () => {
    const { context, page } = await newPage({ width: 375, height: 812 });
    try {
      await signIn(page, baseUrl, 'owner');
      const list = (await (await context.request.get('/api/projects?pageSize=1')).json()) as ProjectPage;
      await page.goto(`${baseUrl}/projects/${list.items[0]!.id}`);
      const section = page.getByTestId('section-battle-plan');
      await section.getByTestId('plan-table').waitFor();
      await section.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, 'battle-plan-02-phone', { fullPage: false });
    } finally {
      await context.close();
    }
  });
});
