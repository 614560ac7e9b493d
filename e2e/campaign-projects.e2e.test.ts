/**
 * 竞赛项目 end to end: the office removes a project from the year's campaign in the settings'
 * "竞赛项目" tab, adds it back from the picker with a new track, and sees it in the table with
 * that track; the tab fits a phone.
 */
import { beijingLocal, type CampaignProjectPage } from '@pacer/domain';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { pickOption, screenshot, signIn, useBrowser } from './support.ts';

const baseUrl = inject('baseUrl');
const year = Number(beijingLocal(new Date()).slice(0, 4));
const { newPage } = useBrowser(baseUrl);

/** Types a keyword into a filter bar's search box and applies it. */
async function search(page: Page, testId: string, text: string) {
  const box = page.getByTestId(testId).locator('input');
  await box.fill(text);
  await box.press('Enter');
}

const rowsOf = (page: Page, table: string) => page.getByTestId(table).locator('tbody tr.ant-table-row');
/** Polls with room for a busy machine: the tables load over the network after each change. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe('campaign projects', () => {
  test('remove a project from the campaign, add it back with a new track, and see it listed', async () => {
    const { context, page } = await newPage();
    let campaignId = '';
    let projectId = '';
    try {
      await signIn(page, baseUrl, 'admin');
      const campaigns = (await (await context.request.get('/api/campaigns')).json()) as { id: string; year: number }[];
      campaignId = campaigns.find((c) => c.year === year)!.id;
      const members = (await (await context.request.get(`/api/campaigns/${campaignId}/projects?track=start&pageSize=1`)).json()) as CampaignProjectPage;
      const project = members.items[0]!;
      projectId = project.id;

      await page.getByTestId('side-menu').getByRole('link', { name: '活动设置' }).click();
      await page.getByRole('tab', { name: '竞赛项目' }).click();
      await page.waitForURL((url) => url.searchParams.get('tab') === 'projects');

      // Find it, select it, remove it.
      await search(page, 'member-filters-q', project.name);
      const row = rowsOf(page, 'member-table').filter({ hasText: project.name });
      await poll(() => rowsOf(page, 'member-table').count()).toBe(1);
      await poll(() => row.getByTestId('project-track').textContent()).toBe('比开工');
      await row.locator('.ant-checkbox-input').check();
      await poll(() => page.getByTestId('member-selected').textContent()).toBe('已选 1 个');
      await page.getByTestId('member-remove').click();
      await page.getByTestId('member-remove-ok').click();
      await poll(() => page.getByText('已将 1 个项目移出').count()).toBeGreaterThan(0);
      await poll(() => rowsOf(page, 'member-table').count()).toBe(0);
      await poll(() => page.getByTestId('member-table').textContent()).toContain('没有符合条件的项目');

      // Add it back from the picker, as 比投产.
      await page.getByTestId('member-add').click();
      const picker = page.getByTestId('member-picker');
      await search(page, 'picker-filters-q', project.name);
      const candidate = rowsOf(page, 'picker-table').filter({ hasText: project.name });
      await poll(() => candidate.count()).toBe(1);
      await candidate.locator('.ant-checkbox-input').check();
      await pickOption(page, 'picker-track', '比投产');
      await screenshot(page, 'campaign-projects-01-picker', { fullPage: false });
      await picker.getByTestId('picker-add-selected').click();
      await poll(() => page.getByText(/已将 1 个项目加入.*其中 1 个赛道改为"比投产"/).count()).toBeGreaterThan(0);
      await poll(() => rowsOf(page, 'picker-table').count()).toBe(0);
      await page.locator('.ant-drawer-close').click();
      await picker.waitFor({ state: 'hidden' });

      // Back in the campaign's table, with its new track.
      await poll(() => rowsOf(page, 'member-table').count()).toBe(1);
      await poll(() => row.getByTestId('project-track').textContent()).toBe('比投产');
      await screenshot(page, 'campaign-projects-02-listed', { fullPage: false });
      const after = (await (await context.request.get(`/api/campaigns/${campaignId}/projects?q=${encodeURIComponent(project.name)}`)).json()) as CampaignProjectPage;
      expect(after.items.map((p) => [p.id, p.track])).toEqual([[project.id, 'production']]);
    } finally {
      // Leave the demo campaign as the other browser tests expect it.
      if (projectId) await context.request.put(`/api/campaigns/${campaignId}/projects/track`, { data: { projectIds: [projectId], track: 'start' } });
      await context.close();
    }
  });

  test('the tab and the picker fit a phone', async () => {
    const { context, page } = await newPage({ width: 375, height: 812 });
    try {
      await signIn(page, baseUrl, 'admin');
      await page.goto(`${baseUrl}/campaign?tab=projects`);
      await rowsOf(page, 'member-table').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.getByTestId('member-add').click();
      await rowsOf(page, 'picker-table').first().waitFor();
      const box = await page.locator('.ant-drawer-content-wrapper').boundingBox();
      // Whole pixels: the layout engine reports sub-pixel widths such as 375.00003.
      expect(Math.round(box!.width)).toBeLessThanOrEqual(375);
      await screenshot(page, 'campaign-projects-03-picker-phone', { fullPage: false });
    } finally {
      await context.close();
    }
  });
});
