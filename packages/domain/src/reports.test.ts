import { describe, expect, it } from 'vitest';
import { checkReport, reportInput } from './reports.ts';

const ctx = { totalInvestmentYuan: 100_000_000, annualPlanYuan: 40_000_000, previous: { ytdYuan: 10_000_000, sinceStartYuan: 30_000_000 }, recentYtd: [10_000_000] };
const codes = (f: { code: string }[]) => f.map((x) => x.code);

describe('report checks', () => {
  it('accepts a consistent report', () => {
    expect(checkReport({ ytdYuan: 12_000_000, sinceStartYuan: 32_000_000, periodYuan: 2_000_000 }, ctx)).toEqual([]);
  });

  it('refuses a falling 本年累计 with a message that says what to do', () => {
    const f = checkReport({ ytdYuan: 9_000_000, sinceStartYuan: 32_000_000, periodYuan: 0 }, ctx);
    expect(f[0]).toMatchObject({ level: 'error', field: 'ytdYuan', code: 'ytd_fell' });
    expect(f[0]!.message).toContain('不能小于上期的 1,000.00 万元');
  });

  it('requires 本期 = change in 本年累计', () => {
    const f = checkReport({ ytdYuan: 12_000_000, sinceStartYuan: 32_000_000, periodYuan: 3_000_000 }, ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ level: 'error', field: 'periodYuan', code: 'period_mismatch' });
    expect(f[0]!.message).toContain('= 200.00 万元');
  });

  it('warns when 本年累计 > 自开工累计 or 自开工累计 > 总投资', () => {
    expect(codes(checkReport({ ytdYuan: 40_000_000, sinceStartYuan: 35_000_000, periodYuan: 30_000_000 }, { ...ctx, annualPlanYuan: null }))).toEqual(['ytd_over_since_start']);
    expect(codes(checkReport({ ytdYuan: 12_000_000, sinceStartYuan: 120_000_000, periodYuan: 2_000_000 }, ctx))).toEqual(['over_total']);
  });

  it('flags suspicious jumps and figures copied week after week', () => {
    expect(codes(checkReport({ ytdYuan: 25_000_000, sinceStartYuan: 45_000_000, periodYuan: 15_000_000 }, ctx))).toEqual(['jump']);
    expect(codes(checkReport({ ytdYuan: 10_000_000, sinceStartYuan: 30_000_000, periodYuan: 0 }, { ...ctx, recentYtd: [10_000_000, 10_000_000, 9_000_000] }))).toEqual(['unchanged']);
    expect(codes(checkReport({ ytdYuan: 10_000_000, sinceStartYuan: 30_000_000, periodYuan: 0 }, { ...ctx, recentYtd: [10_000_000] }))).toEqual([]);
  });

  it('treats the first report of the year as starting from zero', () => {
    expect(checkReport({ ytdYuan: 5_000_000, sinceStartYuan: 5_000_000, periodYuan: 5_000_000 }, { ...ctx, previous: null, recentYtd: [] })).toEqual([]);
  });

  it('validates the input with Chinese messages', () => {
    const r = reportInput.safeParse({ projectId: 'x', periodKind: 'day', periodDate: '2026-13-01', ytdYuan: -1, sinceStartYuan: 1.5, periodYuan: 0 });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('ytdYuan: 金额不能为负数');
    expect(messages).toContain('sinceStartYuan: 金额须精确到元');
    expect(messages.some((m) => m.startsWith('periodDate'))).toBe(true);
  });
});
