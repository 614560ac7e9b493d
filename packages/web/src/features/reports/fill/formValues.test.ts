import type { ReportDto } from '@pacer/domain';
import dayjs from 'dayjs';
import { describe, expect, test } from 'vitest';
import type { ReportFormData } from '../types.ts';
import { computedPeriodWan, formFieldOf, initialValues, previousYtdOf, shiftWan, toWrite } from './formValues.ts';

const period = { kind: 'week' as const, start: '2026-11-23', end: '2026-11-29' };
const fresh: ReportFormData = {
  report: null,
  period,
  prefill: { ytdYuan: 226_750_000, sinceStartYuan: 397_860_000, periodYuan: 0, paidYtdYuan: null, physicalProgress: '主体封顶' },
};
const saved = (patch: Partial<ReportDto>): ReportFormData => ({
  period,
  prefill: null,
  report: { ytdYuan: 230_000_000, periodYuan: 3_250_000, sinceStartYuan: 401_110_000, paidYtdYuan: null, findings: [], milestones: [], problems: '', physicalProgress: '', ...patch } as ReportDto,
});
const msg = { required: (f: string) => `请填写 ${f}`, format: '格式不对' };

describe('report form values', () => {
  test('a new report starts from the last one, nothing typed twice', () => {
    expect(initialValues(fresh)).toMatchObject({ ytdWan: '22675', periodWan: '0', sinceStartWan: '39786', paidYtdWan: null, physicalProgress: '主体封顶' });
    expect(previousYtdOf(fresh)).toBe(226_750_000);
  });

  test('本期 is 本年累计 minus the previous report, exactly', () => {
    expect(computedPeriodWan('23898.5678', 226_750_000)).toBe('1223.5678');
    expect(computedPeriodWan('abc', 226_750_000)).toBeNull();
    expect(computedPeriodWan('100', null)).toBeNull();
  });

  test('自开工累计 follows a change in 本年累计', () => {
    expect(shiftWan('39786', 12_235_678)).toBe('41009.5678');
    expect(shiftWan('', 100)).toBe('');
  });

  test('a saved draft gives back its previous figure unless its check disagreed', () => {
    expect(previousYtdOf(saved({}))).toBe(226_750_000);
    expect(previousYtdOf(saved({ findings: [{ level: 'error', field: 'periodYuan', code: 'period_mismatch', message: '' }] }))).toBeNull();
    // When the server names the previous report, that wins, even for a draft that failed its check.
    const mismatched = saved({ findings: [{ level: 'error', field: 'periodYuan', code: 'period_mismatch', message: '' }] });
    expect(previousYtdOf({ ...mismatched, previous: { ytdYuan: 5_000_000, sinceStartYuan: 9_000_000 } })).toBe(5_000_000);
    expect(previousYtdOf({ ...mismatched, previous: null })).toBe(0);
  });

  test('amounts typed in 万元 go out as integer 元, milestones as dates', () => {
    const checked = toWrite(
      { ytdWan: '23898.5678', periodWan: '1223.5678', sinceStartWan: '41009.5678', paidYtdWan: '', physicalProgress: ' 二次结构 ', milestones: { main_structure: dayjs('2026-11-20') } },
      { projectId: 'p', period, version: null },
      msg,
    );
    expect(checked).toEqual({
      ok: true,
      body: {
        projectId: 'p',
        periodKind: 'week',
        periodDate: '2026-11-23',
        ytdYuan: 238_985_678,
        periodYuan: 12_235_678,
        sinceStartYuan: 410_095_678,
        paidYtdYuan: null,
        physicalProgress: '二次结构',
        problems: '',
        milestones: [{ kind: 'main_structure', actualDate: '2026-11-20' }],
        version: null,
      },
    });
  });

  test('missing or malformed amounts are listed per field', () => {
    const checked = toWrite({ ytdWan: '', periodWan: '1.23456', sinceStartWan: '-1' }, { projectId: 'p', period, version: 3 }, msg);
    expect(checked).toEqual({
      ok: false,
      issues: [
        { field: 'ytdWan', message: '请填写 ytdWan' },
        { field: 'periodWan', message: '格式不对' },
        { field: 'sinceStartWan', message: '格式不对' },
      ],
    });
  });

  test('server fields map onto the form', () => {
    expect(formFieldOf('periodYuan')).toBe('periodWan');
    expect(formFieldOf('problems')).toBe('problems');
    expect(formFieldOf('periodDate')).toBeUndefined();
  });
});
