/**
 * 问题交办督办 end to end: an owner raises a problem from its project's page, the office assigns
 * it to a department, the department (on a phone, from its notification) signs for it and replies
 * with an evidence photo, the office re-checks, the owner confirms it closed — and the office's
 * dashboard counts one more problem closed.
 */
import { beijingLocal } from '@pacer/domain';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { closePopups, pickOption, screenshot, solidPng, tableRows, useBrowser } from './support.ts';

const baseUrl = inject('baseUrl');
const today = beijingLocal(new Date()).slice(0, 10);
const { signedIn } = useBrowser(baseUrl);

/** The number a figure shows on the page (e.g. 销号 on the dashboard). */
async function figure(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId('problem-figures').getByTestId(`figure-${key}`).locator('.ant-statistic-content-value').textContent();
  return Number((text ?? '').replace(/[^\d.]/g, ''));
}

async function closedOnDashboard(page: Page): Promise<number> {
  await page.getByTestId('side-menu').getByRole('link', { name: '数据看板' }).click();
  await page.waitForURL(/\/dashboard/);
  await page.getByTestId('problem-figures').getByTestId('figure-closed').waitFor();
  return figure(page, 'closed');
}

/** Picks from a long searchable select: types to narrow the (virtual) list, then clicks the option. */
async function searchAndPick(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(label);
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`).click();
  await closePopups(page);
}

/** Presses an action button on the problem page, fills the dialog's text if given, and submits. */
async function act(page: Page, action: string, text?: string): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId('step-dialog');
  if (text !== undefined) await dialog.getByTestId('step-text').fill(text);
  await dialog.getByTestId('step-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

const stateOf = (page: Page) => page.getByTestId('problem-status').getByTestId('problem-state');

describe('problems', () => {
  test('raised, assigned, signed, answered, re-checked and confirmed closed; the dashboard counts it', async () => {
    const title = '二期用地报批卡在省厅（浏览器测试）';

    // ── The office notes how many problems are closed this year.
    const { page: office } = await signedIn('admin');
    const closedBefore = await closedOnDashboard(office);

    // ── The owner raises it from its project's page.
    const { page: owner } = await signedIn('owner');
    await owner.goto('/projects');
    await (await tableRows(owner)).first().click();
    const projectName = (await owner.getByTestId('project-title').textContent())!.trim();
    await owner.getByTestId('project-raise-problem').click();
    await owner.waitForURL(/\/problems\/new\?projectId=/);
    await expect.poll(() => owner.getByTestId('raise-project').textContent()).toContain(projectName);
    await pickOption(owner, 'raise-type', '用地');
    await owner.getByTestId('raise-severity').getByText('重要').click();
    await owner.getByTestId('raise-title').fill(title);
    await owner.getByTestId('raise-description').fill('二期 120 亩用地报批材料已报省厅一个月，尚无批复，影响 12 月开工。');
    await owner.getByTestId('raise-submit').click();
    await owner.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    const problemPath = new URL(owner.url()).pathname;
    await expect.poll(() => owner.getByTestId('problem-heading').textContent()).toContain(title);
    expect(await stateOf(owner).textContent()).toBe('待交办');
    expect(await owner.getByTestId('problem-project').textContent()).toBe(projectName);
    expect(await owner.getByTestId('no-actions').isVisible()).toBe(true);

    // ── The office finds it waiting in its queue and assigns it, with a deadline by severity.
    await office.getByTestId('side-menu').getByRole('link', { name: '问题督办' }).click();
    await office.waitForURL(/\/problems$/);
    await office.getByTestId('problem-list').getByTestId('problem-title').filter({ hasText: title }).waitFor();
    await screenshot(office, 'problems-00-list');
    await office.getByTestId('problem-list').getByTestId('problem-title').filter({ hasText: title }).click();
    await office.waitForURL(new RegExp(`${problemPath}$`));
    await office.getByTestId('action-assign').click();
    const assign = office.getByTestId('assign-dialog');
    await searchAndPick(office, 'assign-lead', '市自然资源和规划局');
    // 重要: the rule's working days (five by default), counted on the holiday calendar.
    const rules = (await (await office.request.get('/api/problems/rules')).json()) as { deadlineWorkingDays: { major: number } };
    const due = (await (await office.request.get(`/api/calendar/working-days?from=${today}&days=${rules.deadlineWorkingDays.major}`)).json()) as { date: string };
    await expect.poll(() => assign.getByTestId('deadline-preview').textContent()).toMatch(new RegExp(`^${due.date}，距今 \\d+ 个工作日$`));
    await screenshot(office, 'problems-01-assign', { fullPage: false });
    await assign.getByTestId('step-submit').click();
    await assign.waitFor({ state: 'detached' });
    await expect.poll(() => stateOf(office).textContent()).toBe('待签收');

    // ── The department, on a phone, opens it from its notification, signs for it and replies with a photo.
    const { page: dept } = await signedIn('ziyuan', { width: 375, height: 812 });
    await dept.getByTestId('notification-bell').click();
    await dept.getByTestId('notification-item').filter({ hasText: title }).first().click();
    await dept.waitForURL(new RegExp(`${problemPath}$`));
    await act(dept, 'sign');
    await expect.poll(() => stateOf(dept).textContent()).toBe('办理中');
    await dept.getByTestId('action-reply').click();
    const reply = dept.getByTestId('step-dialog');
    await reply.getByTestId('step-text').fill('已协调省厅，用地批复已下达（湘自然资批〔2026〕88号）。');
    await reply.locator('input[type=file]').setInputFiles({ name: 'pifu.png', mimeType: 'image/png', buffer: solidPng(64, 48) });
    await reply.locator('.ant-upload-list-item-done').waitFor();
    await reply.getByTestId('step-submit').click();
    await reply.waitFor({ state: 'detached' });
    await expect.poll(() => stateOf(dept).textContent()).toBe('待复核');
    const replied = dept.locator('[data-testid="timeline-event"][data-action="reply"]');
    expect(await replied.textContent()).toContain('用地批复已下达');
    expect(await replied.getByTestId('problem-photos').locator('img').count()).toBe(1);
    await screenshot(dept, 'problems-02-phone-replied');

    // ── The office re-checks it.
    await office.reload();
    await act(office, 'recheck', '已核实批复文件');
    await expect.poll(() => stateOf(office).textContent()).toBe('待销号确认');

    // ── The owner confirms it is solved: closed.
    await owner.reload();
    await act(owner, 'confirm', '问题已解决');
    await expect.poll(() => stateOf(owner).textContent()).toBe('已销号');
    const actions = await owner.locator('[data-testid="timeline-event"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['raise', 'assign', 'sign', 'reply', 'recheck', 'confirm']);
    await screenshot(owner, 'problems-03-closed');

    // ── The office's dashboard counts one more closed problem.
    expect(await closedOnDashboard(office)).toBe(closedBefore + 1);
  });
});
