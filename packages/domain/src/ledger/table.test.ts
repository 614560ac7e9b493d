import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillMerges, locateTable, type MergeRange } from './table.ts';
import type { LedgerCell } from './text.ts';

const t = (text: string): LedgerCell => ({ kind: 'text', text });
const n = (v: number): LedgerCell => ({ kind: 'number', text: String(v) });
const e: LedgerCell = { kind: 'empty' };
const row = (...cells: (string | number | null)[]) => cells.map((c) => (c === null ? e : typeof c === 'number' ? n(c) : t(c)));
const fields = (table: ReturnType<typeof locateTable>) => table!.columns.map((c) => c.match?.field ?? null);

describe('finding the table', () => {
  it('reads a one-row header at the top', () => {
    const table = locateTable([row('项目名称', '县市区', '总投资（万元）'), row('湘潭A项目', '雨湖区', 5000)], []);
    expect(table).toMatchObject({ headerTop: 0, headerBottom: 0, unit: null, period: null });
    expect(fields(table)).toEqual(['name', 'region', 'total']);
  });

  it('reads a title, a unit note and a two-row header with merged parents', () => {
    const rows = [
      row('2022年1-3月全市重点项目投资完成情况表', null, null, null, null, null, null),
      row(null, null, null, null, null, null, '单位：万元'),
      row('序号', '项目名称', '投资情况', null, null, null, '形象进度'),
      row(null, null, '总投资', '2022年计划', '1-3月完成', '完成率', null),
      row('一、产业项目（2个）', null, 3000, 1000, 200, '20%', null),
      row(1, '湘潭A项目', 1000, 500, 100, '20%', '主体施工'),
    ];
    const merges: MergeRange[] = [
      { top: 0, left: 0, bottom: 0, right: 6 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 5 },
      { top: 2, left: 6, bottom: 3, right: 6 },
    ];
    const table = locateTable(rows, merges);
    expect(table).toMatchObject({ headerTop: 2, headerBottom: 3, unit: 'wan', period: { year: 2022, month: 3 }, year: 2022 });
    expect(fields(table)).toEqual(['seq', 'name', 'total', 'annualPlan', 'ytd', 'ignore', 'physicalProgress']);
    expect(table!.columns[4]!.path).toEqual(['投资情况', '1-3月完成']);
    expect(table!.columns[3]!.match?.year).toBe(2022);
  });

  it('carries a parent typed once, without merging, over its children', () => {
    const table = locateTable([row('项目名称', '2022年', null, '备注'), row(null, '计划投资', '完成投资', null)], []);
    expect(fields(table)).toEqual(['name', 'annualPlan', 'ytd', 'ignore']);
  });

  it('ignores a filler row above a one-row header', () => {
    const table = locateTable([row('填报单位：雨湖区发改局', null, '填报日期：2022-04-05'), row('项目名称', '总投资', '年度计划')], []);
    expect(table).toMatchObject({ headerTop: 1, headerBottom: 1 });
  });

  it('finds no table in an instructions sheet', () => {
    expect(locateTable([row('填写说明'), row('1. 金额单位为万元'), row('2. 日期写作 2022-03-10')], [])).toBeNull();
  });

  it('finds the header wherever it starts, under any number of title rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), (titles) => {
        const rows = [...Array.from({ length: titles }, (_, i) => row(`标题行${i}`)), row('序号', '项目名称', '总投资'), row(1, '湘潭A项目', 100)];
        expect(locateTable(rows, [])).toMatchObject({ headerTop: titles, headerBottom: titles });
      }),
    );
  });

  it('fills every merged cell with the top-left value', () => {
    const grid = fillMerges([row('a', null), row(null, null)], [{ top: 0, left: 0, bottom: 1, right: 1 }]);
    expect(grid.flat().map((c) => (c.kind === 'text' ? c.text : ''))).toEqual(['a', 'a', 'a', 'a']);
  });
});
