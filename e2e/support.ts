/** Browser helpers for the e2e tests: launch Chromium, sign in, pick from antd selects. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const DEMO_PASSWORD = 'pacer2026';
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Full page by default; overlays (modals, drawers) are captured as the viewport shows them. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Let antd's open/close motions settle so the picture shows the finished state.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: opts.fullPage ?? true, animations: 'disabled' });
}

export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/projects/);
}

const OPEN_POPUP = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/** Opens an antd Select (found by its data-testid), clicks the option with this exact label, closes the popup. */
export async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`${OPEN_POPUP} .ant-select-item-option[title="${label}"]`).click();
  await closePopups(page);
}

/** Same for an antd TreeSelect. */
export async function pickTreeNode(page: Page, testId: string, title: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`${OPEN_POPUP} .ant-select-tree-node-content-wrapper[title="${title}"]`).click();
  await closePopups(page);
}

/** Closes select popups and waits until they are gone, so the next pick finds only its own. */
export async function closePopups(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, OPEN_POPUP);
}

/** Rows of the project table once loading has finished. */
export async function tableRows(page: Page) {
  const table = page.getByTestId('project-table');
  await table.locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined);
  return table.locator('tbody tr.ant-table-row');
}
