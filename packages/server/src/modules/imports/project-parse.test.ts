/**
 * The import's quick project check must give zod's answer: for every input it accepts, the data
 * projectInput.safeParse gives (the same values, keys in the same order); for every input zod
 * refuses, nothing (so zod's own messages are reported).
 */
import { projectInput } from '@pacer/domain';
import { describe, expect, it } from 'vitest';
import { parseProject, quickProjectParse } from './project-parse.ts';

const UUID = '6f1c2b9e-8a4d-4c3e-9b7a-1d2e3f4a5b6c';
const NEW_OWNER = '00000000-0000-4000-8000-000000000000';

const valid = (): Record<string, unknown> => ({
  code: null,
  name: '基准测试项目1号',
  levels: ['city'],
  category: 'industry',
  status: 'new',
  track: null,
  regionCode: '430302',
  parkCode: null,
  industryCode: null,
  chainId: null,
  ownerOrgId: UUID,
  responsibleOrgId: null,
  leaderPersonId: null,
  hqOrgId: null,
  serviceTeamOrgId: null,
  contactName: null,
  contactPhone: null,
  totalInvestmentYuan: 50_000_000,
  plannedStart: null,
  plannedFinish: null,
  latitude: null,
  longitude: null,
  description: null,
  annualPlans: [{ year: 2025, amountYuan: 12_000_000, changeReason: null }],
  fundingSources: [],
  milestones: [],
});

const text = (n: number) => '项'.repeat(n);
/** Values each field may be given, the valid and the invalid, including the edges of each rule. */
const POOLS: Record<string, unknown[]> = {
  code: [undefined, null, '', '   ', '2024-430302-44-01-012345', ' 2024-430302-44-01-012345 ', '2024-430302-44-01-01234x', '2024-430302-44-01-01234X', '1999-430302-44-01-012345', '2024-990302-44-01-012345', 'abc', 12, '２０２４-430302-44-01-012345'],
  name: [undefined, null, '', ' 甲 ', '甲乙', '  甲乙  ', text(200), text(201), ` ${text(200)} `, 5, '\u3000项目\u3000'],
  levels: [undefined, null, [], ['city'], ['province', 'city'], ['city', 'province'], ['city', 'city'], ['town'], 'city', [null], ['province', 'province_five100', 'city', 'county']],
  category: [undefined, null, '', 'industry', 'restart', 'infrastructure', 'livelihood', 'other', 1],
  status: [undefined, null, 'new', 'continuing', 'reserve', 'preliminary', 'done'],
  track: [undefined, null, '', 'landing', 'nope'],
  regionCode: [undefined, null, '', '430302', '430304', '110000', '100000', '830000', '43030', '4303021', 'abcdef', 430302],
  parkCode: [undefined, null, '', '430371', '430302', '430502', '440302', 'x'],
  industryCode: [undefined, null, '', ' ', 'c39', 'C39', 'C3912', 'C39123', 'U', 'T', ' c3 ', 5],
  chainId: [undefined, null, '', UUID, UUID.toUpperCase(), 'not-a-uuid', NEW_OWNER, '00000000-0000-0000-0000-000000000000'],
  ownerOrgId: [undefined, null, '', UUID, NEW_OWNER, 'x', '6f1c2b9e-8a4d-9c3e-9b7a-1d2e3f4a5b6c', '6f1c2b9e-8a4d-4c3e-1b7a-1d2e3f4a5b6c'],
  responsibleOrgId: [undefined, null, UUID, 'x'],
  leaderPersonId: [undefined, null, UUID, 'x'],
  hqOrgId: [undefined, null, UUID, 'x'],
  serviceTeamOrgId: [undefined, null, UUID, 'x'],
  contactName: [undefined, null, '', '  ', '张三', ` ${text(50)} `, text(51), 3],
  contactPhone: [undefined, null, '', '0731-1234567', text(30), text(31)],
  totalInvestmentYuan: [undefined, null, 0, -0, 1, 50_000_000, 10_000_000_000_000, 10_000_000_000_001, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5000'],
  plannedStart: [undefined, null, '', '2025-03-01', '2025-02-30', '2025-3-1', '2024-02-29', '2023-02-29', 20250301],
  plannedFinish: [undefined, null, '2025-01-01', '2026-12-31', '2025-13-01'],
  latitude: [undefined, null, 3, 2.99, 27.8, 54, 54.01, Number.NaN, '27'],
  longitude: [undefined, null, 73, 112.9, 136, 136.5, 72],
  description: [undefined, null, '', ' 建设内容 ', text(4000), text(4001)],
  annualPlans: [
    undefined,
    null,
    [],
    [{ year: 2025, amountYuan: 1, changeReason: null }],
    [{ year: 2025, amountYuan: 1 }],
    [{ year: 2025, amountYuan: 1, changeReason: ' 调整 ' }],
    [{ year: 2025, amountYuan: 1, changeReason: '' }],
    [{ year: 2025, amountYuan: 1, changeReason: text(501) }],
    [{ year: 2025, amountYuan: 1, changeReason: null, extra: 1 }],
    [{ year: 1999, amountYuan: 1, changeReason: null }],
    [{ year: 2025.5, amountYuan: 1, changeReason: null }],
    [{ year: 2025, amountYuan: -1, changeReason: null }],
    [{ year: 2025, amountYuan: 60_000_000_000, changeReason: null }],
    [{ year: 2024, amountYuan: 1, changeReason: null }, { year: 2025, amountYuan: 2, changeReason: 'x' }],
    [{ year: 2025, amountYuan: 1, changeReason: null }, { year: 2025, amountYuan: 2, changeReason: null }],
    [null],
    'x',
  ],
  fundingSources: [
    undefined,
    null,
    [],
    [{ source: 'special_bond', amountYuan: 1 }],
    [{ source: 'special_bond', amountYuan: 1 }, { source: 'bank_loan', amountYuan: 2 }],
    [{ source: 'nope', amountYuan: 1 }],
    [{ source: 'bank_loan', amountYuan: 1.5 }],
    [{ source: 'special_bond', amountYuan: 1 }, { source: 'special_bond', amountYuan: 2 }],
    [{ source: 'special_bond', amountYuan: 60_000_000_000 }],
  ],
  milestones: [undefined, null, [], [{ kind: 'start', plannedDate: null, actualDate: null, changeReason: null }]],
};

function same(input: Record<string, unknown>) {
  const zod = projectInput.safeParse(input);
  const quick = quickProjectParse(input);
  if (!zod.success) {
    expect(quick, JSON.stringify(input)).toBeUndefined();
    return 'refused';
  }
  if (quick === undefined) return 'zod';
  // The same values, and the keys in the same order.
  expect(JSON.stringify(quick), JSON.stringify(input)).toBe(JSON.stringify(zod.data));
  expect(quick).toStrictEqual(zod.data);
  return 'quick';
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('the quick project check', () => {
  it('accepts a valid ledger row with the data zod gives', () => {
    expect(same(valid())).toBe('quick');
    expect(same({ ...valid(), code: ' 2024-430302-44-01-012345 ', name: ' 甲乙 ', industryCode: ' c39 ', contactName: ' 张三 ', description: ' ', levels: ['city', 'province'] })).toBe('quick');
  });

  it('gives zod’s answer when any one field takes any of its values', () => {
    const outcomes = new Set<string>();
    for (const [field, values] of Object.entries(POOLS)) {
      for (const value of values) {
        const input = valid();
        if (value === undefined) delete input[field];
        else input[field] = value;
        outcomes.add(same(input));
      }
    }
    // Every branch was taken: quick accepts, zod alone accepts, zod refuses.
    expect([...outcomes].sort()).toEqual(['quick', 'refused', 'zod']);
  });

  it('gives zod’s answer for random mixtures of valid and invalid fields', () => {
    const next = random(20261129);
    let quick = 0;
    for (let n = 0; n < 4000; n++) {
      const input: Record<string, unknown> = {};
      for (const [field, values] of Object.entries(POOLS)) {
        // Mostly the valid row's value, so that rows passing every rule are frequent.
        const value = next() < 0.7 ? valid()[field] : values[Math.floor(next() * values.length)];
        if (value !== undefined) input[field] = value;
      }
      if (same(input) === 'quick') quick++;
    }
    expect(quick).toBeGreaterThan(100);
  });

  it('leaves the cross-field rules to zod’s messages', () => {
    const cases = [
      { plannedStart: '2025-03-01', plannedFinish: '2025-01-01' },
      { annualPlans: [{ year: 2025, amountYuan: 60_000_000, changeReason: null }] },
      { fundingSources: [{ source: 'special_bond', amountYuan: 30_000_000 }, { source: 'bank_loan', amountYuan: 30_000_000 }] },
      { parkCode: '440371' },
    ];
    for (const c of cases) {
      const input = { ...valid(), ...c };
      expect(quickProjectParse(input)).toBeUndefined();
      const r = parseProject(input);
      expect(r.success).toBe(false);
      expect(r.error?.issues).toEqual(projectInput.safeParse(input).error?.issues);
    }
    expect(parseProject({ ...valid(), plannedStart: '2025-01-01', plannedFinish: '2025-03-01', parkCode: '430371' }).success).toBe(true);
  });
});
