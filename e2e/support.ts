/** Browser helpers for the e2e tests: launch Chromium, sign in, pick from antd selects. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

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

const DESKTOP = { width: 1440, height: 900 };

export interface BrowserSession {
  /** A fresh context and page (desktop, Chinese, downloads allowed unless `extra` says otherwise); closed after the file. */
  newPage(viewport?: { width: number; height: number }, extra?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** The same, signed in as `username`. */
  signedIn(username: string, viewport?: { width: number; height: number }, extra?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
}

/** One Chromium for the test file: launched before its tests, closed with its contexts after them. */
export function useBrowser(baseUrl: string): BrowserSession {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });
  const newPage: BrowserSession['newPage'] = async (viewport = DESKTOP, extra = {}) => {
    if (!browser) throw new Error('useBrowser: the browser starts in beforeAll; open pages inside tests');
    const context = await browser.newContext({ viewport, locale: 'zh-CN', baseURL: baseUrl, acceptDownloads: true, ...extra });
    contexts.push(context);
    return { context, page: await context.newPage() };
  };
  return {
    newPage,
    async signedIn(username, viewport, extra) {
      const opened = await newPage(viewport, extra);
      await signIn(opened.page, baseUrl, username);
      return opened;
    },
  };
}

/** A small solid-colour PNG standing in for a site photo (the server checks the bytes, not the name). */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number] = [40, 120, 200]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The text of a Word document, paragraph by paragraph. */
export async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
