import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineChangeNeedsReason, describeFieldPath, projectInput, projectUpdateInput, type ProjectInput } from './project.ts';

const OWNER = '6f1c2c5e-0d7a-4b53-9a43-1f0a3c9e7b21';

/** A complete, valid project as the office would enter it. */
const valid = (): ProjectInput => ({
  code: '2024-430302-44-01-012345',
  name: '年产5万吨锂电池正极材料项目',
  levels: ['province', 'city'],
  category: 'industry',
  status: 'new',
  track: 'start',
  regionCode: '430302',
  parkCode: '430371',
  industryCode: 'c39',
  ownerOrgId: OWNER,
  totalInvestmentYuan: 1_000_000_000,
  annualPlans: [
    { year: 2025, amountYuan: 300_000_000 },
    { year: 2026, amountYuan: 400_000_000 },
  ],
  plannedStart: '2025-03-01',
  plannedFinish: '2027-12-31',
  fundingSources: [
    { source: 'special_bond', amountYuan: 200_000_000 },
    { source: 'self_raised', amountYuan: 800_000_000 },
  ],
  milestones: [
    { kind: 'signing', plannedDate: '2024-10-01', actualDate: '2024-10-08' },
    { kind: 'start', plannedDate: '2025-03-01' },
  ],
});

/** The issues zod reports, as path → messages (joined by ；), so a test names the field it expects. */
function issues(input: unknown): Record<string, string> {
  const result = projectInput.safeParse(input);
  if (result.success) return {};
  const byPath: Record<string, string> = {};
  for (const i of result.error.issues) {
    const key = i.path.join('.');
    byPath[key] = byPath[key] ? `${byPath[key]}；${i.message}` : i.message;
  }
  return byPath;
}

describe('projectInput', () => {
  it('accepts a complete project and normalises it', () => {
    const data = projectInput.parse({ ...valid(), code: ' 2024-430302-44-01-012345 ', contactName: '  ', description: '' });
    expect(data.code).toBe('2024-430302-44-01-012345');
    expect(data.industryCode).toBe('C39');
    expect(data.contactName).toBeNull();
    expect(data.description).toBeNull();
    expect(data.chainId).toBeNull();
    expect(data.milestones[1]).toEqual({ kind: 'start', plannedDate: '2025-03-01', actualDate: null, changeReason: null });
  });

  it('accepts a project without a national code, as many early-stage projects are', () => {
    const { code: _code, ...noCode } = valid();
    expect(projectInput.parse(noCode).code).toBeNull();
    expect(projectInput.parse({ ...valid(), code: null }).code).toBeNull();
    // A cleared form field arrives as an empty string: it means "no code", like other optional text.
    expect(projectInput.parse({ ...valid(), code: '' }).code).toBeNull();
    expect(projectInput.parse({ ...valid(), code: '   ' }).code).toBeNull();
  });

  it('rejects a badly shaped code on the code field', () => {
    expect(issues({ ...valid(), code: '2024-430302-44-01' })).toEqual({ code: expect.stringContaining('项目代码格式应为') });
    expect(issues({ ...valid(), code: '2024-000000-44-01-012345' })).toEqual({ code: expect.stringContaining('第二段为 6 位区划代码') });
  });

  it('refuses a year plan larger than the total, on that plan amount', () => {
    const input = { ...valid(), annualPlans: [{ year: 2025, amountYuan: 300_000_000 }, { year: 2026, amountYuan: 1_000_000_001 }] };
    expect(issues(input)).toEqual({ 'annualPlans.1.amountYuan': '2026 年度计划投资不能大于计划总投资' });
  });

  it('allows a year plan equal to the total (a one-year project)', () => {
    expect(issues({ ...valid(), annualPlans: [{ year: 2025, amountYuan: 1_000_000_000 }] })).toEqual({});
  });

  it('refuses a planned finish before the planned start, on the finish date', () => {
    expect(issues({ ...valid(), plannedStart: '2025-03-01', plannedFinish: '2025-02-28' })).toEqual({ plannedFinish: '计划竣工日期不能早于计划开工日期' });
    expect(issues({ ...valid(), plannedStart: '2025-03-01', plannedFinish: '2025-03-01' })).toEqual({});
  });

  it('refuses the same plan year twice, on the second one', () => {
    const input = { ...valid(), annualPlans: [{ year: 2025, amountYuan: 1 }, { year: 2025, amountYuan: 2 }] };
    expect(issues(input)).toEqual({ 'annualPlans.1.year': '2025 年的年度计划重复' });
  });

  it('refuses the same milestone twice, naming it in Chinese', () => {
    const input = { ...valid(), milestones: [{ kind: 'start', plannedDate: '2025-03-01' }, { kind: 'land' }, { kind: 'start', plannedDate: '2025-04-01' }] };
    expect(issues(input)).toEqual({ 'milestones.2.kind': '节点"开工"重复' });
  });

  it('refuses the same funding source twice, naming it in Chinese', () => {
    const input = { ...valid(), fundingSources: [{ source: 'bank_loan', amountYuan: 1 }, { source: 'bank_loan', amountYuan: 2 }] };
    expect(issues(input)).toEqual({ 'fundingSources.1.source': '资金来源"银行贷款"重复' });
  });

  it('refuses funding that adds up to more than the total, on the funding list', () => {
    const input = { ...valid(), fundingSources: [{ source: 'special_bond', amountYuan: 200_000_000 }, { source: 'self_raised', amountYuan: 800_000_001 }] };
    expect(issues(input)).toEqual({ fundingSources: '各资金来源合计不能大于计划总投资' });
  });

  it('refuses a park in another prefecture', () => {
    expect(issues({ ...valid(), regionCode: '430302', parkCode: '430171' })).toEqual({ parkCode: '园区应与所在区划属于同一市州' });
  });

  it('refuses amounts that are not whole, non-negative 元', () => {
    expect(issues({ ...valid(), totalInvestmentYuan: 1.5 })).toMatchObject({ totalInvestmentYuan: '金额须精确到元' });
    expect(issues({ ...valid(), totalInvestmentYuan: -1 })).toMatchObject({ totalInvestmentYuan: '金额不能为负数' });
    expect(issues({ ...valid(), totalInvestmentYuan: '100' })).toMatchObject({ totalInvestmentYuan: '请填写金额（数字）' });
  });

  it('refuses impossible dates and empty level lists with Chinese messages', () => {
    expect(issues({ ...valid(), plannedStart: '2025-02-30' })).toEqual({ plannedStart: '不是有效的日期' });
    expect(issues({ ...valid(), plannedStart: '2025/03/01' })).toEqual({ plannedStart: '日期格式应为 YYYY-MM-DD，例如 2026-03-10' });
    expect(issues({ ...valid(), levels: [] })).toEqual({ levels: '请至少选择一个项目级别' });
    expect(issues({ ...valid(), levels: ['city', 'city'] })).toEqual({ levels: '项目级别不能重复' });
    expect(issues({ ...valid(), industryCode: 'Z99' })).toEqual({ industryCode: expect.stringContaining('行业代码') });
    expect(issues({ ...valid(), name: '项' })).toEqual({ name: '项目名称至少 2 个字' });
  });

  it('reports a bad field once, without cross-field messages built on its bad value', () => {
    // The typo is in the start date; the finish date is right and must not be flagged.
    expect(issues({ ...valid(), plannedStart: '2025-02-30', plannedFinish: '2025-02-01' })).toEqual({ plannedStart: '不是有效的日期' });
    expect(issues({ ...valid(), totalInvestmentYuan: -1, annualPlans: [], fundingSources: [] })).toEqual({ totalInvestmentYuan: '金额不能为负数' });
    expect(issues({ ...valid(), totalInvestmentYuan: 1.5 })).toEqual({ totalInvestmentYuan: '金额须精确到元' });
    expect(issues({ ...valid(), regionCode: '43030', parkCode: '430371' })).toEqual({ regionCode: expect.stringContaining('6 位 GB/T 2260') });
    expect(issues({ ...valid(), fundingSources: [{ source: 'bank_loan', amountYuan: 0.5 }] })).toEqual({ 'fundingSources.0.amountYuan': '金额须精确到元' });
  });

  it('still reports every independent mistake in one round', () => {
    const input = { ...valid(), plannedStart: '2025/03/01', milestones: [{ kind: 'start' }, { kind: 'start' }], annualPlans: [{ year: 2025, amountYuan: 2e9 }] };
    expect(issues(input)).toEqual({
      plannedStart: '日期格式应为 YYYY-MM-DD，例如 2026-03-10',
      'milestones.1.kind': '节点"开工"重复',
      'annualPlans.0.amountYuan': '2025 年度计划投资不能大于计划总投资',
    });
  });

  it('never accepts funding above the total, whatever the split', () => {
    const split = fc.uniqueArray(fc.constantFrom('special_bond', 'ultra_long_bond', 'central_budget', 'bank_loan', 'self_raised'), { minLength: 1 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), split, fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 5, maxLength: 5 }), (total, sources, amounts) => {
        const fundingSources = sources.map((source, i) => ({ source, amountYuan: amounts[i]! }));
        const sum = fundingSources.reduce((s, f) => s + f.amountYuan, 0);
        const result = projectInput.safeParse({ ...valid(), totalInvestmentYuan: total, annualPlans: [], fundingSources });
        return result.success === sum <= total;
      }),
    );
  });

  it('requires the version read on update', () => {
    const result = projectUpdateInput.safeParse(valid());
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['version', '缺少版本号']]);
    expect(projectUpdateInput.parse({ ...valid(), version: 3 }).version).toBe(3);
  });
});

describe('describeFieldPath', () => {
  it('names a field the way the form labels it', () => {
    expect(describeFieldPath(['totalInvestmentYuan'])).toBe('计划总投资');
    expect(describeFieldPath(['annualPlans', 0, 'amountYuan'])).toBe('年度计划第1行·金额');
    expect(describeFieldPath(['milestones', 2, 'changeReason'])).toBe('节点计划第3行·调整原因');
    expect(describeFieldPath(['fundingSources', 1, 'source'])).toBe('资金来源第2行·资金来源');
  });

  it('falls back to the key for an unknown field and to nothing for an empty path', () => {
    expect(describeFieldPath(['mystery'])).toBe('mystery');
    expect(describeFieldPath([])).toBe('');
    expect(describeFieldPath([0])).toBe('第1行');
  });

  it('uses the labels it is given', () => {
    expect(describeFieldPath(['rows', 4, 'x'], { rows: '明细', x: '数值' })).toBe('明细第5行·数值');
  });
});

describe('baselineChangeNeedsReason', () => {
  it('asks for a reason only when a baseline exists and the value moves from it', () => {
    expect(baselineChangeNeedsReason(100, 120, null)).toBe(true);
    expect(baselineChangeNeedsReason(100, 120, '  ')).toBe(true);
    expect(baselineChangeNeedsReason(100, 120, '省里调整了任务')).toBe(false);
    expect(baselineChangeNeedsReason(100, 100, null)).toBe(false);
    expect(baselineChangeNeedsReason(null, 120, null)).toBe(false);
    expect(baselineChangeNeedsReason('2025-03-01', null, null)).toBe(true);
    expect(baselineChangeNeedsReason('2025-03-01', '2025-03-01', null)).toBe(false);
  });
});
