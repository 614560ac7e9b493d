/**
 * 调度会 end to end: the office creates a 周调度 meeting, finds the agenda proposed from the data
 * (as the API has it), removes one item, writes the minutes and saves, adds a decision that
 * becomes a problem assigned to 市自然资源和规划局 (checked in the problems API), and downloads the
 * minutes as Word, which carry the meeting's title, the minutes and the decision. Then the same
 * meeting on a phone.
 */
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { closePopups, docxText, pickOption, screenshot, useBrowser } from './support.ts';

const baseUrl = inject('baseUrl');
const { signedIn } = useBrowser(baseUrl);

/** Types into a searchable select to find an option among many, then picks it. */
async function searchAndPick(page: Page, testId: string, text: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`).click();
  await closePopups(page);
}

interface Meeting {
  id: string;
  title: string;
  minutes: string;
  agenda: { section: string; title: string; projectId: string | null; problemId: string | null }[];
  decisionList: { problemId: string; text: string }[];
}

const DATA_SECTIONS = ['lagging', 'overdue_problem', 'missing_report', 'chair_project'];

describe('meetings', () => {
  test('the office holds a 周调度: agenda from the data, edited, minuted, a decision assigned, minutes in Word', async () => {
    const title = '重点项目第四季度周调度会（浏览器测试）';
    const minutes = '会议听取了滞后项目的进度汇报。会议要求各责任单位倒排工期、限期解决问题。';
    const decisionText = '市自然资源和规划局牵头，两周内完成片区用地组卷报批（浏览器测试）';
    const { page, context } = await signedIn('admin');

    await page.getByTestId('side-menu').getByRole('link', { name: '调度会' }).click();
    await page.waitForURL(/\/meetings$/);
    await page.getByTestId('create-meeting').click();
    const dialog = page.getByTestId('create-meeting-dialog');
    await pickOption(page, 'field-kind', '周调度');
    await dialog.getByTestId('field-title').fill(title);
    await dialog.getByTestId('field-location').fill('市政府第一会议室');
    await dialog.getByTestId('create-meeting-ok').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await expect.poll(() => page.getByTestId('meeting-title').textContent()).toBe(title);

    // The agenda shown is the one proposed from the data, item for item.
    const proposed = (await (await context.request.get(`/api/meetings/${id}`)).json()) as Meeting;
    expect(proposed.agenda.length).toBeGreaterThan(1);
    expect(proposed.agenda.some((a) => DATA_SECTIONS.includes(a.section) && (a.projectId || a.problemId))).toBe(true);
    const items = page.getByTestId('agenda').getByTestId('agenda-item');
    await expect.poll(() => items.count()).toBe(proposed.agenda.length);
    const sections = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
    expect(sections).toEqual(proposed.agenda.map((a) => a.section));
    await screenshot(page, 'meetings-01-agenda');

    // Remove the first item; the page says there is something to save.
    await items.first().getByTestId('agenda-remove').click();
    await expect.poll(() => items.count()).toBe(proposed.agenda.length - 1);
    await page.getByTestId('save-bar').waitFor();

    // Minutes, then one save for both.
    await page.getByTestId('tab-minutes').click();
    await page.getByTestId('field-minutes').fill(minutes);
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('save-bar').waitFor({ state: 'detached' });
    const saved = (await (await context.request.get(`/api/meetings/${id}`)).json()) as Meeting;
    expect(saved.minutes).toBe(minutes);
    expect(saved.agenda).toHaveLength(proposed.agenda.length - 1);
    expect(saved.agenda.map((a) => a.title)).toEqual(proposed.agenda.slice(1).map((a) => a.title));

    // A decision: a problem assigned at once to its lead unit.
    await page.getByTestId('tab-decisions').click();
    await page.getByTestId('decision-add').click();
    const decision = page.getByTestId('decision-dialog');
    await decision.getByTestId('decision-text').fill(decisionText);
    await pickOption(page, 'decision-kind', '问题');
    await searchAndPick(page, 'decision-lead', '自然资源', '市自然资源和规划局');
    await decision.getByTestId('decision-ok').click();
    await decision.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('decisions').getByTestId('decision').first().textContent()).toContain(decisionText);
    await screenshot(page, 'meetings-02-decision');

    const problems = (await (await context.request.get(`/api/problems?meetingId=${id}`)).json()) as { total: number; items: { id: string; title: string; state: string; kind: string; source: string }[] };
    expect(problems.total).toBe(1);
    expect(problems.items[0]).toMatchObject({ state: 'assigned', kind: 'problem' });
    const problem = (await (await context.request.get(`/api/problems/${problems.items[0]!.id}`)).json()) as { description: string; source: string; meetingId: string; leadOrg?: { name: string }; handlers?: { name: string; role: string }[] };
    expect(problem).toMatchObject({ source: 'meeting', meetingId: id, description: decisionText });
    expect(JSON.stringify(problem)).toContain('市自然资源和规划局');

    // The minutes as Word: the title, what was said and what was decided.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-minutes').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const text = await docxText(await fs.readFile((await download.path())!));
    expect(text).toContain(title);
    expect(text).toContain(minutes);
    expect(text).toContain(decisionText);
    expect(text).toContain('市自然资源和规划局');

    // The same meeting on a phone: the list, then the meeting with its tabs.
    const phone = await signedIn('admin', { width: 390, height: 844 });
    await phone.page.goto(`${baseUrl}/meetings`);
    await phone.page.getByTestId('meeting-table').getByText(title).waitFor();
    await screenshot(phone.page, 'meetings-03-phone-list');
    await phone.page.getByTestId('meeting-table').getByText(title).click();
    await phone.page.getByTestId('agenda').getByTestId('agenda-item').first().waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await screenshot(phone.page, 'meetings-04-phone-meeting');
  });
});

describe('on-site tours', () => {
  test('the office sets the projects visited and enters score sheets; a leader scores on a phone; the ranking follows', async () => {
    const title = '四季度重点项目现场观摩（浏览器测试）';
    const { page, context } = await signedIn('admin');
    const list = (await (await context.request.get('/api/projects?pageSize=2&sort=name&order=asc')).json()) as { items: { id: string; name: string }[] };
    const [first, second] = list.items as [{ id: string; name: string }, { id: string; name: string }];

    await page.goto(`${baseUrl}/meetings`);
    await page.getByTestId('create-meeting').click();
    await pickOption(page, 'field-kind', '现场观摩');
    await page.getByTestId('create-meeting-dialog').getByTestId('field-title').fill(title);
    await page.getByTestId('create-meeting-dialog').getByTestId('create-meeting-ok').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;

    // A tour opens on its visits; the office adds two projects by searching their names.
    const tour = page.getByTestId('tour');
    for (const p of [first, second]) {
      await searchAndPick(page, 'visit-project', p.name.slice(0, 6), p.name);
      await page.getByTestId('visit-add').click();
    }
    await expect.poll(() => tour.getByTestId('visit').count()).toBe(2);
    await page.getByTestId('visits-save').click();
    await expect.poll(async () => ((await (await context.request.get(`/api/meetings/${id}`)).json()) as { visits: { projectId: string }[] }).visits.map((v) => v.projectId)).toEqual([first.id, second.id]);

    // Paper score sheets, entered by the office under each observer's name.
    const score = async (p: Page, project: string, value: number, observer?: string) => {
      await pickOption(p, 'score-project', project);
      await p.getByTestId('score-value').fill(String(value));
      if (observer) await p.getByTestId('score-observer').fill(observer);
      await p.getByTestId('score-submit').click();
      await p.locator('.ant-message').getByText('评分已保存').last().waitFor();
    };
    await score(page, first.name, 90, '评委甲');
    await score(page, first.name, 80, '评委乙');
    await score(page, second.name, 95, '评委甲');
    const ranking = (p: Page) => p.getByTestId('ranking-row').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim())));
    await expect.poll(() => ranking(page)).toEqual([
      ['1', second.name, expect.any(String), '1', '95.00'],
      ['2', first.name, expect.any(String), '2', '85.00'],
    ]);
    await screenshot(page, 'meetings-05-tour');

    // The linked leader, on a phone, scores as itself; the first project's average falls to 80.
    const leader = await signedIn('leader', { width: 390, height: 844 });
    await leader.page.goto(`${baseUrl}/meetings/${id}`);
    await leader.page.getByTestId('score-form').waitFor();
    expect(await leader.page.getByTestId('score-observer').count()).toBe(0);
    await score(leader.page, first.name, 70);
    await expect.poll(() => ranking(leader.page)).toEqual([
      ['1', second.name, expect.any(String), '1', '95.00'],
      ['2', first.name, expect.any(String), '3', '80.00'],
    ]);
    await leader.page.getByTestId('ranking-group').getByText('按县市区').click();
    await expect.poll(async () => (await ranking(leader.page)).length).toBeGreaterThan(0);
    await screenshot(leader.page, 'meetings-06-tour-phone');
  });
});
