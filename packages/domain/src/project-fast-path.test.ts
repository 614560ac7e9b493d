import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_YUAN } from './money.ts';
import { acceptedProject, parseProjectInput, projectInput } from './project.ts';
import { COMPETITION_TRACKS, FUNDING_SOURCES, MILESTONE_KINDS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES } from './vocabulary.ts';

/**
 * parseProjectInput must answer exactly as projectInput.safeParse: the same data for what it
 * accepts, the same issues (path and message) for what it refuses. The inputs mix valid values
 * with values just past each limit, wrong types and broken cross-field rules, so both answers
 * are met often.
 */

/** An optional field: absent, null, or a value. */
const maybe = (value: fc.Arbitrary<unknown>) => fc.oneof(fc.constant(undefined), fc.constant(null), value);
/** Text as typed: spaces (ideographic too) around it, or blank. */
const typed = (s: fc.Arbitrary<string>) => fc.oneof(fc.tuple(fc.constantFrom('', ' ', '\u3000', '\t'), s, fc.constantFrom('', ' ', '\n')).map(([a, b, c]) => a + b + c), fc.constantFrom('', '  '));
/** Text within a limit, or at it. */
const text = (max: number) => fc.oneof(fc.string({ maxLength: 8 }), fc.constant('字'.repeat(max)));
const tooLong = (max: number) => '字'.repeat(max + 1);

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const province = fc.integer({ min: 11, max: 82 }).map(String);
const region = fc.oneof(fc.tuple(province, digits(4)).map(([p, rest]) => p + rest), fc.constantFrom('430302', '430304', '430371', '440301'));
const code = fc.tuple(fc.integer({ min: 2000, max: 2100 }), region, digits(2), digits(2), digits(6)).map((parts) => parts.join('-'));
const uuid = fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', '6F1C2C5E-0D7A-4B53-9A43-1F0A3C9E7B21'));
const yuan = fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom(0, -0, MAX_YUAN));
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const plan = fc.record({ year: fc.integer({ min: 2018, max: 2030 }), amountYuan: yuan, changeReason: maybe(typed(text(500))) }, { requiredKeys: ['year', 'amountYuan'] });
const funding = fc.record({ source: fc.constantFrom(...FUNDING_SOURCES.keys), amountYuan: yuan });
const milestone = fc.record({ kind: fc.constantFrom(...MILESTONE_KINDS.keys), plannedDate: maybe(date), actualDate: maybe(date), changeReason: maybe(typed(text(500))) }, { requiredKeys: ['kind'] });
const list = <T>(item: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), fc.array(item, { maxLength: 3 }));

/** Projects whose every field passes its own rule (the cross-field rules are often broken: plans above the total, parks elsewhere). */
const validProject = fc.record(
  {
    code: maybe(typed(fc.oneof(code, code.map((c) => c.toLowerCase())))),
    name: typed(fc.oneof(fc.string({ minLength: 2, maxLength: 8 }).filter((s) => s.trim().length >= 2), fc.constant('字'.repeat(200)))),
    levels: fc.uniqueArray(fc.constantFrom(...PROJECT_LEVELS.keys), { minLength: 1 }),
    category: fc.constantFrom(...PROJECT_CATEGORIES.keys),
    status: fc.constantFrom(...PROJECT_STATUSES.keys),
    track: maybe(fc.constantFrom(...COMPETITION_TRACKS.keys)),
    regionCode: region,
    parkCode: maybe(region),
    industryCode: maybe(typed(fc.constantFrom('c39', 'C391', 'A01', 'T', 'c3911'))),
    chainId: maybe(uuid),
    ownerOrgId: uuid,
    responsibleOrgId: maybe(uuid),
    leaderPersonId: maybe(uuid),
    hqOrgId: maybe(uuid),
    serviceTeamOrgId: maybe(uuid),
    contactName: maybe(typed(text(50))),
    contactPhone: maybe(typed(text(30))),
    totalInvestmentYuan: fc.oneof(yuan, fc.constant(MAX_YUAN)),
    annualPlans: list(plan),
    plannedStart: maybe(date),
    plannedFinish: maybe(date),
    fundingSources: list(funding),
    latitude: maybe(fc.double({ min: 3, max: 54, noNaN: true })),
    longitude: maybe(fc.double({ min: 73, max: 136, noNaN: true })),
    description: maybe(typed(text(4000))),
    milestones: list(milestone),
    extra: fc.constant('ignored'),
  },
  { requiredKeys: ['name', 'levels', 'category', 'status', 'regionCode', 'ownerOrgId', 'totalInvestmentYuan'] },
);

/**
 * A valid project with the cross-field rules kept (plans and funding within the total, years and
 * kinds once, the park in the region's city, the finish after the start) — or, now and then, not.
 */
const coherentProject = fc.tuple(validProject, fc.boolean(), fc.integer({ min: 0, max: 9 })).map(([p, keepPark, spoil]) => {
  if (spoil === 0) return p;
  const out: Record<string, unknown> = { ...p };
  const total = p.totalInvestmentYuan;
  const within = <T extends { amountYuan: number }>(list: T[] | undefined) => list?.map((x) => ({ ...x, amountYuan: Math.floor(x.amountYuan / 4) % (Math.floor(total / 4) + 1) }));
  out.annualPlans = within(p.annualPlans?.filter((x, i, all) => all.findIndex((y) => y.year === x.year) === i));
  out.fundingSources = within(p.fundingSources?.filter((x, i, all) => all.findIndex((y) => y.source === x.source) === i));
  out.milestones = p.milestones?.filter((x, i, all) => all.findIndex((y) => y.kind === x.kind) === i);
  if (p.parkCode && keepPark) out.parkCode = `${p.regionCode.slice(0, 4)}71`;
  else if (p.parkCode) out.parkCode = null;
  if (p.plannedStart && p.plannedFinish && p.plannedFinish < p.plannedStart) [out.plannedStart, out.plannedFinish] = [p.plannedFinish, p.plannedStart];
  return out;
});

const ABSENT = Symbol('absent');
const badUuid = ['', 'x', '6f1c2c5e-0d7a-4b53-9a43-1f0a3c9e7b2', ' 6f1c2c5e-0d7a-4b53-9a43-1f0a3c9e7b21', 42];
const badYuan = [-1, 1.5, MAX_YUAN + 1, Number.NaN, Number.POSITIVE_INFINITY, '100', null];
const badDate = ['2025-02-30', '2025-2-3', '2025-13-01', '20250301', '', ' 2025-03-01', 20250301];
const okPlan = { year: 2025, amountYuan: 0 };
/** Per field, values its own rule refuses (ABSENT: the key left out). */
const BAD: Record<string, unknown[]> = {
  code: ['abc', '2024-430302-44-01-01234', '1999-430302-44-01-012345', '2024-100000-44-01-012345', 5],
  name: ['a', ' a ', '', '   ', tooLong(200), 5, null, ABSENT],
  // [, 'city'] is an array with a hole, as a careless caller might build one.
  // eslint-disable-next-line no-sparse-arrays
  levels: [[], ['city', 'city'], ['town'], 'city', [null], [, 'city'], null, ABSENT],
  category: ['', 'farm', null, ABSENT],
  status: ['', 'done', ABSENT],
  track: ['', 'race', 1],
  regionCode: ['1234', '100000', '830000', ' 430302', 430302, null, ABSENT],
  parkCode: ['43037', 'x', ''],
  industryCode: ['U01', 'C1', 'C12345', 39],
  chainId: badUuid,
  ownerOrgId: [...badUuid, null, ABSENT],
  responsibleOrgId: badUuid,
  leaderPersonId: badUuid,
  hqOrgId: badUuid,
  serviceTeamOrgId: badUuid,
  contactName: [tooLong(50), ` ${tooLong(50)}`, 7],
  contactPhone: [tooLong(30), 13800000000],
  description: [tooLong(4000), []],
  totalInvestmentYuan: [...badYuan, ABSENT],
  plannedStart: badDate,
  plannedFinish: badDate,
  latitude: [2.9, 54.1, Number.NaN, '30', Number.NEGATIVE_INFINITY],
  longitude: [72, 137, Number.POSITIVE_INFINITY],
  annualPlans: [
    null,
    'x',
    {},
    [null],
    [[]],
    [{ year: 2025 }],
    [{ ...okPlan, year: 1999 }],
    [{ ...okPlan, year: 2101 }],
    [{ ...okPlan, year: 2025.5 }],
    [{ ...okPlan, year: '2025' }],
    ...badYuan.map((amountYuan) => [{ ...okPlan, amountYuan }]),
    [{ ...okPlan, changeReason: tooLong(500) }],
    [okPlan, okPlan],
  ],
  fundingSources: [null, [null], [{ source: 'gold', amountYuan: 0 }], [{ source: 'self_raised' }], ...badYuan.map((amountYuan) => [{ source: 'self_raised', amountYuan }])],
  milestones: [
    null,
    [{}],
    [{ kind: 'party' }],
    ...badDate.map((plannedDate) => [{ kind: 'start', plannedDate }]),
    [{ kind: 'start', actualDate: '2025-02-29' }],
    [{ kind: 'start', changeReason: tooLong(500) }],
    [{ kind: 'start' }, { kind: 'start' }],
  ],
};
const fault = fc.constantFrom(...Object.keys(BAD)).chain((field) => fc.constantFrom(...BAD[field]!).map((value) => [field, value] as const));

/** A valid project with none, one or a few of its fields broken. */
const project = fc.tuple(coherentProject, fc.oneof(
      { arbitrary: fc.constant([]), weight: 1 },
      { arbitrary: fc.tuple(fault), weight: 3 },
      { arbitrary: fc.array(fault, { minLength: 2, maxLength: 3 }), weight: 1 },
    ),
  ).map(([valid, faults]) => {
  const out: Record<string, unknown> = { ...valid };
  for (const [field, value] of faults) {
    if (value === ABSENT) delete out[field];
    else out[field] = value;
  }
  return out;
});

/** What a caller can see of a parse: the data, or each issue's path and message in order. */
function outcome(result: ReturnType<typeof projectInput.safeParse>) {
  return result.success ? { data: result.data } : { issues: result.error.issues.map((i) => ({ path: i.path, message: i.message })) };
}

describe('parseProjectInput', () => {
  // The fast path restates each field's own rule (from the same constants), so a rule added or
  // changed in projectFields must be brought to acceptedProject() too, or the import would let
  // through what the form refuses. The schema's fingerprint makes that change fail here first.
  it('stands in for this version of the schema (update acceptedProject and the tables above when it changes)', async () => {
    const schema = JSON.stringify(z.toJSONSchema(projectInput, { io: 'input', unrepresentable: 'any' }));
    // Web Crypto: the domain package has no Node types.
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(schema)));
    const fingerprint = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(fingerprint, 'projectInput changed: bring acceptedProject() in project.ts and the value tables of this test along, then update this fingerprint').toBe('7a8d59984ee608ad');
  });

  it('answers as projectInput.safeParse: the same data, or the same issues', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(project, (input) => {
        const zod = projectInput.safeParse(input);
        if (zod.success) accepted++;
        else refused++;
        // The fast path accepts exactly what the schema accepts, and outputs the same data, keys in the same order.
        const fast = acceptedProject(input);
        expect(fast !== null).toBe(zod.success);
        if (fast) expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
        expect(outcome(parseProjectInput(input))).toEqual(outcome(zod));
      }),
      { numRuns: 8000 },
    );
    // Both answers were exercised, many times each.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });

  it('answers as projectInput.safeParse for values that are not projects at all', () => {
    for (const input of [undefined, null, 0, 'project', [], [{}], {}]) {
      expect(acceptedProject(input)).toBeNull();
      expect(outcome(parseProjectInput(input))).toEqual(outcome(projectInput.safeParse(input)));
    }
  });

  it('refuses through the schema, with its messages, what only the cross-field rules refuse', () => {
    const base = { name: '示例项目', levels: ['city'], category: 'industry', status: 'new', regionCode: '430302', ownerOrgId: '6f1c2c5e-0d7a-4b53-9a43-1f0a3c9e7b21', totalInvestmentYuan: 100 };
    const broken = {
      ...base,
      parkCode: '440301',
      plannedStart: '2026-05-01',
      plannedFinish: '2026-04-30',
      annualPlans: [
        { year: 2026, amountYuan: 101 },
        { year: 2026, amountYuan: 1 },
      ],
    };
    expect(acceptedProject(base)).not.toBeNull();
    expect(acceptedProject(broken)).toBeNull();
    expect(outcome(parseProjectInput(broken)).issues?.map((i) => i.message)).toEqual([
      '计划竣工日期不能早于计划开工日期',
      '2026 年度计划投资不能大于计划总投资',
      '2026 年的年度计划重复',
      '园区应与所在区划属于同一市州',
    ]);
  });
});
