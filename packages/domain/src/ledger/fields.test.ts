import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchHeader, type LedgerField } from './fields.ts';

/** Headers seen in real ledgers and what they mean. */
const SYNONYMS: [string[], LedgerField][] = [
  [['序号'], 'seq'],
  [['项目名称'], 'name'],
  [['项目代码'], 'code'],
  [['投资项目统一代码'], 'code'],
  [['国民经济行业代码'], 'industry'],
  [['项目级别'], 'levels'],
  [['项目类别'], 'category'],
  [['建设性质'], 'status'],
  [['新建/续建'], 'status'],
  [['竞赛赛道'], 'track'],
  [['县市区'], 'region'],
  [['所属区域'], 'region'],
  [['县市区（园区）'], 'region'],
  [['所在园区'], 'park'],
  [['业主单位'], 'owner'],
  [['项目建设单位'], 'owner'],
  [['责任单位'], 'responsible'],
  [['联点市领导'], 'leader'],
  [['协调指挥部'], 'hq'],
  [['服务专班'], 'serviceTeam'],
  [['联系人'], 'contactName'],
  [['联系电话'], 'contactPhone'],
  [['总投资（万元）'], 'total'],
  [['计划总投资'], 'total'],
  [['投资情况', '总投资'], 'total'],
  [['年度计划投资'], 'annualPlan'],
  [['2022年计划投资'], 'annualPlan'],
  [['本年计划'], 'annualPlan'],
  [['2022年', '计划投资'], 'annualPlan'],
  [['投资情况', '年度计划'], 'annualPlan'],
  [['1-3月完成投资'], 'ytd'],
  [['投资情况', '1-3月完成'], 'ytd'],
  [['1-3月', '完成投资'], 'ytd'],
  [['本年累计完成投资'], 'ytd'],
  [['累计完成投资'], 'ytd'],
  [['2022年投资计划', '完成投资'], 'ytd'],
  [['自开工累计完成投资'], 'sinceStart'],
  [['开工以来累计完成'], 'sinceStart'],
  [['本月完成投资'], 'periodAmount'],
  [['3月', '完成投资'], 'periodAmount'],
  [['本年累计财务支出'], 'paidYtd'],
  [['完成率（%）'], 'ignore'],
  [['投资情况', '完成率'], 'ignore'],
  [['计划开工时间'], 'plannedStart'],
  [['计划竣工时间'], 'plannedFinish'],
  [['建设内容及规模'], 'description'],
  [['形象进度'], 'physicalProgress'],
  [['项目进展情况'], 'physicalProgress'],
  [['存在问题'], 'problems'],
  [['备注'], 'ignore'],
];

describe('header text → field', () => {
  it.each(SYNONYMS)('%j means %s', (path, field) => {
    expect(matchHeader(path)?.field).toBe(field);
  });

  it('is not fooled by spaces, line breaks and full-width brackets', () => {
    const noise = fc.constantFrom(' ', '\n', '\u3000', '');
    fc.assert(
      fc.property(fc.constantFrom(...SYNONYMS), noise, noise, ([path, field], a, b) => {
        const noisy = path.map((p) => [...p].join(a) + b);
        expect(matchHeader(noisy)?.field).toBe(field);
      }),
    );
  });

  it('reads the year, the months and the unit a header names', () => {
    expect(matchHeader(['2022年', '计划投资（亿元）'])).toEqual({ field: 'annualPlan', year: 2022, month: null, unit: 'yi' });
    expect(matchHeader(['投资情况（万元）', '1-3月完成'])).toEqual({ field: 'ytd', year: null, month: 3, unit: 'wan' });
    expect(matchHeader(['投资情况', '总投资'])?.unit).toBeNull();
  });

  it('knows nothing of unrelated headers', () => {
    for (const h of ['甲', '', '资金到位']) expect(matchHeader([h])).toBeNull();
  });
});
