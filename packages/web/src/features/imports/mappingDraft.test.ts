import { emptyCounts } from '@pacer/domain';
import { describe, expect, test } from 'vitest';
import { changedSincePreview, columnImported, draftIssues, draftOf, hasIssues, mappingBody, setField, setSheet } from './mappingDraft.ts';
import type { ImportJob, SheetFinding } from './types.ts';

const sheet = (name: string, over: Partial<SheetFinding> = {}): SheetFinding => ({
  sheet: name,
  hidden: false,
  rows: 12,
  found: true,
  enabled: true,
  headerTop: 2,
  headerBottom: 3,
  unit: 'wan',
  unitSource: 'note',
  columns: [
    { index: 0, header: '序号', field: 'seq', unit: null, source: 'rule' },
    { index: 1, header: '项目名称', field: 'name', unit: null, source: 'rule' },
    { index: 2, header: '投资情况 / 本项目总盘子', field: null, unit: null, source: 'none' },
    { index: 3, header: '投资情况 / 1-3月完成', field: 'ytd', unit: null, source: 'rule' },
  ],
  title: ['截至2025年3月31日重点项目表'],
  period: { year: 2025, month: 3 },
  year: 2025,
  problems: [],
  sample: [['1', '甲项目', '52,000', '1,234.5']],
  ...over,
});

const job = (over: Partial<ImportJob> = {}): ImportJob => ({
  id: 'j1',
  fileName: '台账.xlsx',
  fileSize: 9000,
  status: 'mapping',
  stage: null,
  progress: { done: 1, total: 1 },
  error: null,
  sheets: [sheet('1-3月'), sheet('说明', { found: false, enabled: false, columns: [] })],
  period: '2025-03',
  periodSource: 'title',
  needsPeriod: false,
  planYear: 2025,
  defaults: {},
  notices: [],
  counts: emptyCounts(),
  createdBy: 'u',
  createdAt: '2025-04-01T00:00:00Z',
  committedAt: null,
  rolledBackAt: null,
  ...over,
});

const auto = { kind: 'auto' as const, period: null };

describe('mapping draft', () => {
  test('an untouched draft sends only the sheet switches: nothing becomes "the person\'s choice"', () => {
    const j = job();
    expect(mappingBody(j, draftOf(j, auto))).toEqual({ sheets: [{ sheet: '1-3月', enabled: true }], kind: 'auto', remember: true });
  });

  test('a fixed column, a changed unit and a switched-off sheet are sent; nothing else', () => {
    const j = job({ sheets: [sheet('台账'), sheet('进度')] });
    let d = setField(draftOf(j, auto), '台账', 2, 'total');
    d = setSheet(d, '台账', { unit: 'yuan' });
    d = setSheet(d, '进度', { enabled: false });
    expect(mappingBody(j, d).sheets).toEqual([
      { sheet: '台账', enabled: true, unit: 'yuan', columns: [{ index: 2, field: 'total' }] },
      { sheet: '进度', enabled: false },
    ]);
  });

  test('setting a column back to what the server proposed sends nothing for it', () => {
    const j = job();
    const d = setField(setField(draftOf(j, auto), '1-3月', 3, 'periodAmount'), '1-3月', 3, 'ytd');
    expect(mappingBody(j, d).sheets?.[0]).toEqual({ sheet: '1-3月', enabled: true });
  });

  test('the sheet\'s own period wins over the one given at upload; the upload\'s fills a gap', () => {
    expect(draftOf(job(), { kind: 'auto', period: '2025-06' }).period).toBe('2025-03');
    const blank = job({ period: null, periodSource: null, needsPeriod: true });
    const d = draftOf(blank, { kind: 'auto', period: '2025-06' });
    expect(d.period).toBe('2025-06');
    expect(mappingBody(blank, d).period).toBe('2025-06');
  });

  test('a progress sheet without a period, or no sheet at all, is refused before asking the server', () => {
    const blank = job({ period: null, periodSource: null });
    expect(draftIssues(blank, draftOf(blank, auto))).toMatchObject({ needsPeriod: true, noSheet: false });
    // Projects only: the progress column is left out and no month is needed.
    const projectsOnly = draftOf(blank, { kind: 'projects', period: null });
    expect(draftIssues(blank, projectsOnly).sheets.map((x) => x.message)).toEqual(['除项目名称、代码外没有可导入的列']);
    expect(hasIssues(draftIssues(blank, setField(projectsOnly, '1-3月', 2, 'total')))).toBe(false);
    const none = setSheet(draftOf(job(), auto), '1-3月', { enabled: false });
    expect(draftIssues(job(), none).noSheet).toBe(true);
  });

  test('mapping problems come per sheet in the server\'s words', () => {
    const j = job();
    const d = setField(draftOf(j, auto), '1-3月', 2, 'name');
    expect(draftIssues(j, d).sheets).toEqual([{ sheet: '1-3月', message: '"项目名称"对应了多列，请只保留一列' }]);
  });

  test('a draft that differs from the previewed mapping must be previewed again', () => {
    const previewed = job({ status: 'previewed' });
    const d = draftOf(previewed, auto);
    expect(changedSincePreview(previewed, d)).toBe(false);
    expect(changedSincePreview(previewed, setField(d, '1-3月', 2, 'total'))).toBe(true);
    expect(changedSincePreview(previewed, { ...d, period: '2025-02' })).toBe(true);
    expect(changedSincePreview(previewed, { ...d, defaults: { category: 'industry' } })).toBe(true);
    // A cleared select leaves an empty list behind: still the same defaults.
    expect(changedSincePreview(previewed, { ...d, defaults: { levels: [] } })).toBe(false);
  });

  test('a preview made as "projects only" stays current while the kind is kept, not when it changes', () => {
    const stored = job({ status: 'previewed', sheets: [sheet('1-3月', { columns: sheet('1-3月').columns.map((c) => (c.field === 'ytd' ? { ...c, field: 'ignore', source: 'none' } : c)) })] });
    const kept = draftOf(stored, { kind: 'projects', period: null });
    expect(changedSincePreview(stored, kept)).toBe(false);
    const original = { ...kept, sheets: kept.sheets.map((s) => ({ ...s, fields: { ...s.fields, 3: 'ytd' as const } })) };
    expect(changedSincePreview(stored, original)).toBe(false);
    expect(changedSincePreview(stored, { ...original, kind: 'auto' })).toBe(true);
  });

  test('columns left out by the kind, ignored or numbering are not imported', () => {
    expect(columnImported('auto', 'ytd')).toBe(true);
    expect(columnImported('projects', 'ytd')).toBe(false);
    expect(columnImported('progress', 'total')).toBe(false);
    expect(columnImported('progress', 'name')).toBe(true);
    expect(columnImported('auto', 'ignore')).toBe(false);
    expect(columnImported('auto', null)).toBe(false);
  });
});
