import type { ProjectDetail } from '@pacer/domain';
import dayjs from 'dayjs';
import { describe, expect, test } from 'vitest';
import { baselinesOf, detailToValues, emptyValues, formNameOf, type ProjectFormValues } from './formValues.ts';
import { validateProject } from './validate.ts';

const OWNER = '0b29acd9-5061-49a4-8997-35e0d1c202af';
const noBaselines = baselinesOf(undefined);

const valid = (over: Partial<ProjectFormValues> = {}): ProjectFormValues => ({
  ...emptyValues(),
  name: '雨湖区标准厂房项目',
  levels: ['city'],
  category: 'industry',
  status: 'new',
  regionCode: '430302',
  ownerOrgId: OWNER,
  totalInvestmentWan: '12345.6789',
  ...over,
});

describe('validateProject', () => {
  test('amounts typed in 万元 become exact integer 元', () => {
    const result = validateProject(valid({ annualPlans: [{ year: 2026, amountWan: '0.1' }], fundingSources: [{ source: 'self_raised', amountWan: '100.0001' }] }), noBaselines);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body.totalInvestmentYuan).toBe(123_456_789);
    expect((result.body.annualPlans as { amountYuan: number }[])[0]!.amountYuan).toBe(1_000);
    expect((result.body.fundingSources as { amountYuan: number }[])[0]!.amountYuan).toBe(1_000_001);
  });

  test('more than four decimals is refused on the amount, with no second message', () => {
    const result = validateProject(valid({ totalInvestmentWan: '1.23456' }), noBaselines);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.path).toEqual(['totalInvestmentYuan']);
  });

  test('the domain schema speaks per field, in Chinese', () => {
    const result = validateProject({ ...emptyValues(), name: 'A' }, noBaselines);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField.name).toBe('项目名称至少 2 个字');
    expect(byField.levels).toBe('请至少选择一个项目级别');
    expect(byField.ownerOrgId).toBe('请选择业主单位');
  });

  test('a plan or milestone moved from its baseline needs a reason', () => {
    const base = {
      annualPlans: [{ year: 2026, amountYuan: 10_000_000, baselineYuan: 10_000_000, changeReason: null }],
      milestones: [{ kind: 'start', plannedDate: '2026-03-01', baselineDate: '2026-03-01', actualDate: null, changeReason: null }],
    } as unknown as ProjectDetail;
    const values = valid({
      annualPlans: [{ year: 2026, amountWan: '900' }],
      milestones: [{ kind: 'start', plannedDate: dayjs('2026-05-01') }],
    });
    const result = validateProject(values, baselinesOf(base));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path.join('.'))).toEqual(['annualPlans.0.changeReason', 'milestones.0.changeReason']);

    values.annualPlans![0]!.changeReason = '压减';
    values.milestones![0]!.changeReason = '征地推迟';
    expect(validateProject(values, baselinesOf(base)).ok).toBe(true);
  });

  test('an update carries the version it was read at', () => {
    const result = validateProject(valid(), noBaselines, 7);
    expect(result.ok && result.body.version).toBe(7);
  });

  test('a project read from the API converts to form values and back unchanged', () => {
    const detail = {
      code: null,
      name: '湘潭测试项目',
      levels: ['county'],
      category: 'livelihood',
      status: 'continuing',
      track: null,
      regionCode: '430304',
      parkCode: null,
      industryCode: 'E47',
      chainId: null,
      ownerOrgId: OWNER,
      responsibleOrgId: null,
      leaderPersonId: null,
      hqOrgId: null,
      serviceTeamOrgId: null,
      contactName: null,
      contactPhone: null,
      totalInvestmentYuan: 98_900_000,
      annualPlans: [{ year: 2026, amountYuan: 31_900_000, baselineYuan: 31_900_000, changeReason: null }],
      plannedStart: '2024-02-25',
      plannedFinish: '2026-11-14',
      fundingSources: [{ source: 'self_raised', amountYuan: 98_900_000 }],
      latitude: 27.831487,
      longitude: 112.925014,
      description: null,
      milestones: [{ kind: 'signing', plannedDate: '2022-10-16', baselineDate: '2022-10-16', actualDate: '2022-11-24', changeReason: null }],
    } as unknown as ProjectDetail;
    const result = validateProject(detailToValues(detail), baselinesOf(detail));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toMatchObject({
      totalInvestmentYuan: 98_900_000,
      annualPlans: [{ year: 2026, amountYuan: 31_900_000 }],
      plannedStart: '2024-02-25',
      milestones: [{ kind: 'signing', plannedDate: '2022-10-16', actualDate: '2022-11-24' }],
    });
  });

  test('server issue paths land on the 万元 fields of the form', () => {
    expect(formNameOf(['totalInvestmentYuan'])).toEqual(['totalInvestmentWan']);
    expect(formNameOf(['annualPlans', 1, 'amountYuan'])).toEqual(['annualPlans', 1, 'amountWan']);
    expect(formNameOf(['milestones', 0, 'changeReason'])).toEqual(['milestones', 0, 'changeReason']);
  });
});
