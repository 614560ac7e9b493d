import { describe, expect, it } from 'vitest';
import { mappingProblems, proposeColumns, sheetPeriod } from './mapping.ts';
import { readRow } from './record.ts';
import { locateTable } from './table.ts';
import type { LedgerCellWithFormula } from './text.ts';

const t = (text: string): LedgerCellWithFormula => ({ kind: 'text', text });
const n = (v: number | string): LedgerCellWithFormula => ({ kind: 'number', text: String(v) });

const header = ['项目代码', '项目名称', '项目级别', '项目类别', '建设状态', '县市区', '总投资（亿元）', '年度计划', '计划开工', '1-3月完成', '形象进度'];
const table = locateTable([header.map(t)], [])!;
const columns = proposeColumns(table.columns, new Map());

describe('reading a project row', () => {
  it('reads each mapped cell into a typed value', () => {
    const cells = [t(' 2022-430302-44-01-000001 '), t('湘潭A项目'), t('省重点、市重点'), t('产业项目'), t('续建'), t('雨湖区'), n('1.5'), t('3,000'), t('2022年3月'), n(1200.5), t('主体\n施工  中')];
    const { values, problems } = readRow(cells, columns, 'wan');
    expect(problems).toEqual([]);
    expect(values).toEqual({
      code: '2022-430302-44-01-000001',
      name: '湘潭A项目',
      levels: ['province', 'city'],
      category: 'industry',
      status: 'continuing',
      region: '雨湖区',
      total: 150_000_000,
      annualPlan: 30_000_000,
      plannedStart: '2022-03-01',
      ytd: 12_005_000,
      physicalProgress: '主体\n施工 中',
    });
  });

  it('leaves blank cells out and names each bad cell with its reason', () => {
    const cells: LedgerCellWithFormula[] = [t(''), t('=HYPERLINK("http://x")'), t('特级'), t(''), t(''), t(''), { kind: 'number', text: '500', formula: 'SUM(A1:A3)' }, t('约三千'), t('明年'), { kind: 'error', text: '#REF!' }];
    const { values, problems } = readRow(cells, columns, 'wan');
    expect(values).toEqual({});
    expect(problems.map((p) => [p.field, p.column])).toEqual([
      ['name', 1],
      ['levels', 2],
      ['total', 6],
      ['annualPlan', 7],
      ['plannedStart', 8],
      ['ytd', 9],
    ]);
    expect(problems.find((p) => p.field === 'total')!.reason).toContain('公式');
    expect(problems.find((p) => p.field === 'name')!.reason).toContain('公式');
  });
});

describe('the proposed mapping', () => {
  it('prefers what the organisation confirmed before', () => {
    const remembered = new Map([['县市区', 'park' as const], ['形象进度', null]]);
    const cols = proposeColumns(table.columns, remembered);
    expect(cols.find((c) => c.header === '县市区')).toMatchObject({ field: 'park', source: 'memory' });
    expect(cols.find((c) => c.header === '形象进度')).toMatchObject({ field: null, source: 'memory' });
  });

  it('keeps one column per field and says what is missing', () => {
    const twice = locateTable([['项目名称', '总投资', '计划总投资'].map(t)], [])!;
    const cols = proposeColumns(twice.columns, new Map());
    expect(cols.map((c) => c.field)).toEqual(['name', 'total', null]);
    expect(mappingProblems({ columns: cols })).toEqual([]);
    expect(mappingProblems({ columns: cols.map((c) => ({ ...c, field: c.field === 'name' ? null : c.field })) })[0]).toContain('项目名称');
    expect(mappingProblems({ columns: cols.map((c) => ({ ...c, field: 'total' as const })) })[0]).toContain('多列');
  });

  it('takes the period from the title or the headers, and reports a disagreement', () => {
    expect(sheetPeriod(null, table.columns, columns).period).toEqual({ year: null, month: 3 });
    expect(sheetPeriod({ year: 2022, month: 3 }, table.columns, columns)).toEqual({ period: { year: 2022, month: 3 }, conflict: null });
    expect(sheetPeriod({ year: 2022, month: 6 }, table.columns, columns).conflict).toContain('不一致');
  });
});
