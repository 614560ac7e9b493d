/**
 * The project library end to end: sign in, filter, open, edit, save — in a real browser
 * against the real server with the demo city (湘潭市) loaded.
 */
import { formatWan, yuanToWanText, type ProjectDetail, type ProjectPage } from '@pacer/domain';
import { describe, expect, inject, test } from 'vitest';
import { pickOption, pickTreeNode, screenshot, signIn, tableRows, useBrowser } from './support.ts';

const baseUrl = inject('baseUrl');
const { newPage } = useBrowser(baseUrl);

describe('project library', () => {
  test('admin signs in, filters the list, opens a project, edits and saves it', async () => {
    const { context, page } = await newPage();
    try {
      // Signed out: the list sends us to /login, and back after signing in.
      await page.goto(`${baseUrl}/projects`);
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码不正确');
      await screenshot(page, '01-login-error');
      await signIn(page, baseUrl, 'admin');
      await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('竞赛办');

      // Filter: 雨湖区 and 市州重点.
      await pickOption(page, 'filter-level', '市州重点');
      await pickTreeNode(page, 'filter-region', '雨湖区');
      const listed = page.waitForResponse((r) => r.url().includes('/api/projects?') && r.url().includes('region=430302'));
      await page.getByTestId('filter-submit').click();
      await listed;
      await page.waitForURL((url) => url.searchParams.get('region') === '430302' && url.searchParams.get('level') === 'city');

      const expected = (await (await context.request.get('/api/projects?region=430302&level=city&pageSize=200')).json()) as ProjectPage;
      expect(expected.total).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('project-total').textContent()).toContain(`共 ${expected.total} 个项目`);
      const rows = await tableRows(page);
      const texts = await rows.allInnerTexts();
      expect(texts.length).toBe(Math.min(expected.total, 20));
      for (const text of texts) {
        expect(text).toContain('雨湖区');
        expect(text).toContain('市州重点');
      }
      await screenshot(page, '02-list-filtered');

      // The filters live in the URL: a reload keeps them.
      await page.reload();
      await expect.poll(() => page.getByTestId('filter-level').textContent()).toContain('市州重点');
      await expect.poll(() => page.getByTestId('filter-region').textContent()).toContain('雨湖区');
      await expect.poll(async () => (await tableRows(page)).count()).toBe(texts.length);

      // Sort by clicking a column header: the server orders, the URL remembers.
      const sorted = page.waitForResponse((r) => r.url().includes('/api/projects?') && r.url().includes('sort=totalInvestmentYuan'));
      await page.getByRole('columnheader', { name: /计划总投资\(万元\)/ }).click();
      await sorted;
      await page.waitForURL((url) => url.searchParams.get('sort') === 'totalInvestmentYuan' && url.searchParams.get('order') === 'asc');
      const bySize = (await (
        await context.request.get('/api/projects?region=430302&level=city&sort=totalInvestmentYuan&order=asc&pageSize=20')
      ).json()) as ProjectPage;
      await expect
        .poll(async () => (await (await tableRows(page)).getByTestId('project-name').allInnerTexts()).map((n) => n.trim()))
        .toEqual(bySize.items.map((p) => p.name));

      // Open the first project.
      const firstName = (await (await tableRows(page)).first().getByTestId('project-name').textContent())!.trim();
      await (await tableRows(page)).first().getByTestId('project-name').click();
      await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByTestId('project-title').textContent()).toBe(firstName);
      const id = page.url().split('/').pop()!;
      const before = (await (await context.request.get(`/api/projects/${id}`)).json()) as ProjectDetail;
      await screenshot(page, '03-detail');

      // Edit: a name that is too short is refused on the client with the schema's message.
      await page.getByTestId('edit-project').click();
      await page.waitForURL(/\/edit$/);
      const name = page.getByTestId('field-name');
      await name.fill('A');
      await page.getByTestId('save-project').click();
      await expect.poll(() => page.getByTestId('form-errors').textContent()).toContain('项目名称至少 2 个字');
      await expect.poll(() => page.locator('#project_name_help').textContent()).toContain('项目名称至少 2 个字');

      // A real edit: new name and a total investment typed in 万元 with four decimals.
      const newName = `${firstName}（e2e 修改）`;
      const newTotalYuan = before.totalInvestmentYuan + 12_345; // + 1.2345 万元
      await name.fill(newName);
      await page.getByTestId('field-total-investment').fill(yuanToWanText(newTotalYuan));
      await screenshot(page, '04-form');
      await page.getByTestId('save-project').click();
      await page.waitForURL(new RegExp(`/projects/${id}$`));
      await expect.poll(() => page.getByText('修改已保存').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('project-title').textContent()).toBe(newName);
      await expect.poll(() => page.getByTestId('total-investment-wan').textContent()).toBe(formatWan(newTotalYuan));
      await expect.poll(() => page.getByTestId('project-version').textContent()).toContain(`第 ${before.version + 1} 版`);
      await screenshot(page, '05-detail-after-edit');

      const after = (await (await context.request.get(`/api/projects/${id}`)).json()) as ProjectDetail;
      expect(after.totalInvestmentYuan).toBe(newTotalYuan);
      expect(after.name).toBe(newName);
    } finally {
      await context.close();
    }
  });

  test('a save over someone else’s newer version is refused and explained', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'admin');
      const list = (await (await context.request.get('/api/projects?pageSize=1&sort=name&order=asc')).json()) as ProjectPage;
      const id = list.items[0]!.id;
      await page.goto(`${baseUrl}/projects/${id}/edit`);
      await page.getByTestId('field-name').waitFor();

      // Someone else saves first.
      const current = (await (await context.request.get(`/api/projects/${id}`)).json()) as ProjectDetail;
      const theirName = `${current.name}（他人修改）`;
      const res = await context.request.put(`/api/projects/${id}`, { data: { ...detailToInput(current), name: theirName, version: current.version } });
      expect(res.status()).toBe(200);

      await page.getByTestId('field-contact-name').fill('王工');
      await page.getByTestId('save-project').click();
      const modal = page.getByTestId('conflict-modal');
      await expect.poll(() => modal.textContent()).toContain('该项目已被他人修改');
      await expect.poll(() => modal.textContent()).toContain(theirName);
      await screenshot(page, '06-conflict', { fullPage: false });

      // Nothing was overwritten; reloading takes the newer version into the form.
      const still = (await (await context.request.get(`/api/projects/${id}`)).json()) as ProjectDetail;
      expect(still.name).toBe(theirName);
      expect(still.contactName).toBe(current.contactName);
      await page.getByTestId('conflict-reload').click();
      await expect.poll(() => page.getByTestId('field-name').inputValue()).toBe(theirName);
    } finally {
      await context.close();
    }
  });

  test('phone width: the list renders, the menu is a drawer, nothing overflows the page', async () => {
    const { context, page } = await newPage({ width: 375, height: 812 });
    try {
      await signIn(page, baseUrl, 'leader');
      const rows = await tableRows(page);
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      expect(await page.getByTestId('side-menu').count()).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, '07-phone-list');

      // A linked leader sees the 只看我联点的 switch and their own rows highlighted.
      const mineListed = page.waitForResponse((r) => r.url().includes('/api/projects?') && r.url().includes('mine=true'));
      await page.getByTestId('mine-only').click();
      await mineListed;
      await page.waitForURL((url) => url.searchParams.get('mine') === 'true');
      // The previous page's rows stay on screen until the new ones render: wait for the new ones.
      const allMine = async () => {
        const rows = await tableRows(page);
        return (await rows.count()) > 0 && (await rows.evaluateAll((trs) => trs.every((tr) => tr.classList.contains('pacer-row-mine'))));
      };
      await expect.poll(allMine).toBe(true);

      // The detail reads in one column.
      await (await tableRows(page)).first().getByTestId('project-name').click();
      await page.getByTestId('project-detail').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, '08-phone-detail');

      await page.getByTestId('open-menu').click();
      await expect.poll(() => page.locator('.ant-drawer').getByText('项目库').count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.ant-drawer').getByTestId('current-user').textContent()).toContain('联点领导');
      await screenshot(page, '09-phone-menu', { fullPage: false });
    } finally {
      await context.close();
    }
  });

  test('the language switch turns the UI to English and is remembered', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'admin');
      await page.getByTestId('language-switch').click();
      await page.getByTestId('language-en-US').click();
      await expect.poll(() => page.getByTestId('sign-out').textContent()).toContain('Sign out');
      await page.reload();
      await expect.poll(() => page.getByTestId('project-total').textContent()).toMatch(/\d+ projects/);
      await screenshot(page, '10-list-english');

      // Signing out ends the session: the list is no longer reachable.
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login/);
      await page.goto(`${baseUrl}/projects`);
      await page.waitForURL(/\/login/);
    } finally {
      await context.close();
    }
  });
});

/** The PUT body for a project as it is now (the API takes ids and integer 元). */
function detailToInput(p: ProjectDetail) {
  return {
    code: p.code,
    name: p.name,
    levels: p.levels,
    category: p.category,
    status: p.status,
    track: p.track,
    regionCode: p.regionCode,
    parkCode: p.parkCode,
    industryCode: p.industryCode,
    chainId: p.chainId,
    ownerOrgId: p.ownerOrgId,
    responsibleOrgId: p.responsibleOrgId,
    leaderPersonId: p.leaderPersonId,
    hqOrgId: p.hqOrgId,
    serviceTeamOrgId: p.serviceTeamOrgId,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    totalInvestmentYuan: p.totalInvestmentYuan,
    annualPlans: p.annualPlans.map(({ year, amountYuan, changeReason }) => ({ year, amountYuan, changeReason })),
    plannedStart: p.plannedStart,
    plannedFinish: p.plannedFinish,
    fundingSources: p.fundingSources,
    latitude: p.latitude,
    longitude: p.longitude,
    description: p.description,
    milestones: p.milestones.map(({ kind, plannedDate, actualDate, changeReason }) => ({ kind, plannedDate, actualDate, changeReason })),
  };
}
