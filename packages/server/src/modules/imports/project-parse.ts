/**
 * projectInput.safeParse for ledger rows, without zod's cost for the rows that pass it. A
 * 100,000-row ledger spent 15 % of its dry run in the full schema, most of it allocating the
 * results and issues of checks that pass. `quickProjectParse` gives zod's own result for an input
 * it can prove valid — each field read as the schema reads it (fields with few distinct values
 * through the schema's own field parser, remembered by value), then the cross-field rules of
 * checkProject — and nothing otherwise; every other input, and every failure with its messages,
 * goes through zod itself. project-parse.test.ts holds the two to the same answers.
 */
import { FUNDING_SOURCES, MAX_YUAN, parseProjectCode, PROJECT_LEVELS, projectInput, type ProjectData } from '@pacer/domain';

type Shape = typeof projectInput.shape;
type ParseResult = ReturnType<typeof projectInput.safeParse>;

/** A field's parse as the schema does it, remembered per value (a ledger repeats its ids, regions and dates). */
function remembered<K extends keyof Shape>(field: K): (value: unknown) => { ok: boolean; value: unknown } {
  const schema = projectInput.shape[field];
  const known = new Map<unknown, { ok: boolean; value: unknown }>();
  return (value) => {
    let r = known.get(value);
    if (!r) {
      const parsed = schema.safeParse(value);
      r = parsed.success ? { ok: true, value: parsed.data } : { ok: false, value: undefined };
      // Typed-in values (dates) could be many, and the server keeps these maps: past a
      // thousand values a field's further ones are parsed without being kept.
      if (known.size < 1000) known.set(value, r);
    }
    return r;
  };
}

const FEW_VALUES = ['category', 'status', 'track', 'regionCode', 'parkCode', 'industryCode', 'chainId', 'ownerOrgId', 'responsibleOrgId', 'leaderPersonId', 'hqOrgId', 'serviceTeamOrgId', 'plannedStart', 'plannedFinish'] as const;
type FewValued = (typeof FEW_VALUES)[number];
const field = Object.fromEntries(FEW_VALUES.map((f) => [f, remembered(f)])) as Record<FewValued, ReturnType<typeof remembered>>;

const LEVELS = new Set<unknown>(PROJECT_LEVELS.keys);
const SOURCES = new Set<unknown>(FUNDING_SOURCES.keys);
/** No value: `undefined` marks a field that does not pass (the result is then zod's). */
const FAIL = undefined;

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
/** yuanAmount: an integer number of 元, 0 to MAX_YUAN. */
const isYuan = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_YUAN;

/** optionalText(max): trimmed, '' and absent as null. */
function optionalText(x: unknown, max: number): string | null | undefined {
  if (x === undefined || x === null) return null;
  if (typeof x !== 'string') return FAIL;
  const t = x.trim();
  if (t.length > max) return FAIL;
  return t === '' ? null : t;
}

/** The code field: trimmed, '' as none, else upper case and a valid national project code. */
function projectCode(x: unknown): string | null | undefined {
  if (x === undefined || x === null) return null;
  if (typeof x !== 'string') return FAIL;
  const t = x.trim();
  if (t === '') return null;
  const upper = t.toUpperCase();
  return parseProjectCode(upper) === null ? FAIL : upper;
}

function coordinate(x: unknown, min: number, max: number): number | null | undefined {
  if (x === undefined || x === null) return null;
  return typeof x === 'number' && x >= min && x <= max ? x : FAIL;
}

function levels(x: unknown): ProjectData['levels'] | undefined {
  if (!Array.isArray(x) || x.length < 1) return FAIL;
  for (let i = 0; i < x.length; i++) {
    if (!LEVELS.has(x[i])) return FAIL;
    for (let j = 0; j < i; j++) if (x[j] === x[i]) return FAIL;
  }
  return [...x] as ProjectData['levels'];
}

function annualPlans(x: unknown): ProjectData['annualPlans'] | undefined {
  if (x === undefined) return [];
  if (!Array.isArray(x)) return FAIL;
  const out: ProjectData['annualPlans'] = [];
  for (const p of x) {
    if (!isPlain(p)) return FAIL;
    const { year, amountYuan } = p;
    const changeReason = optionalText(p.changeReason, 500);
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100 || !isYuan(amountYuan) || changeReason === FAIL) return FAIL;
    out.push({ year, amountYuan, changeReason });
  }
  return out;
}

function fundingSources(x: unknown): ProjectData['fundingSources'] | undefined {
  if (x === undefined) return [];
  if (!Array.isArray(x)) return FAIL;
  const out: ProjectData['fundingSources'] = [];
  for (const f of x) {
    if (!isPlain(f) || !SOURCES.has(f.source) || !isYuan(f.amountYuan)) return FAIL;
    out.push({ source: f.source as ProjectData['fundingSources'][number]['source'], amountYuan: f.amountYuan });
  }
  return out;
}

/** zod's data for an input that passes every field and cross-field rule; undefined for any other. */
export function quickProjectParse(input: unknown): ProjectData | undefined {
  if (!isPlain(input)) return FAIL;
  // Milestones are never part of a ledger row: any given goes to zod.
  if (input.milestones !== undefined && !(Array.isArray(input.milestones) && input.milestones.length === 0)) return FAIL;
  const code = projectCode(input.code);
  if (code === FAIL) return FAIL;
  if (typeof input.name !== 'string') return FAIL;
  const name = input.name.trim();
  if (name.length < 2 || name.length > 200) return FAIL;
  const lv = levels(input.levels);
  if (!lv) return FAIL;
  const few = {} as Record<FewValued, unknown>;
  for (const f of FEW_VALUES) {
    const r = field[f](input[f]);
    if (!r.ok) return FAIL;
    few[f] = r.value;
  }
  const contactName = optionalText(input.contactName, 50);
  const contactPhone = optionalText(input.contactPhone, 30);
  const description = optionalText(input.description, 4000);
  const latitude = coordinate(input.latitude, 3, 54);
  const longitude = coordinate(input.longitude, 73, 136);
  const total = input.totalInvestmentYuan;
  const plans = annualPlans(input.annualPlans);
  const funding = fundingSources(input.fundingSources);
  if (contactName === FAIL || contactPhone === FAIL || description === FAIL || latitude === FAIL || longitude === FAIL || !isYuan(total) || !plans || !funding) return FAIL;
  // checkProject's rules, on the parsed values as there.
  const start = few.plannedStart as string | null;
  const finish = few.plannedFinish as string | null;
  if (start && finish && finish < start) return FAIL;
  for (let i = 0; i < plans.length; i++) {
    if (plans[i]!.amountYuan > total) return FAIL;
    for (let j = 0; j < i; j++) if (plans[j]!.year === plans[i]!.year) return FAIL;
  }
  let funded = 0;
  for (let i = 0; i < funding.length; i++) {
    funded += funding[i]!.amountYuan;
    for (let j = 0; j < i; j++) if (funding[j]!.source === funding[i]!.source) return FAIL;
  }
  if (funded > total) return FAIL;
  const region = few.regionCode as string;
  const park = few.parkCode as string | null;
  if (park && park.slice(0, 4) !== region.slice(0, 4)) return FAIL;
  // The schema's keys in the schema's order, as zod gives them.
  return {
    code,
    name,
    levels: lv,
    category: few.category,
    status: few.status,
    track: few.track,
    regionCode: region,
    parkCode: park,
    industryCode: few.industryCode,
    chainId: few.chainId,
    ownerOrgId: few.ownerOrgId,
    responsibleOrgId: few.responsibleOrgId,
    leaderPersonId: few.leaderPersonId,
    hqOrgId: few.hqOrgId,
    serviceTeamOrgId: few.serviceTeamOrgId,
    contactName,
    contactPhone,
    totalInvestmentYuan: total,
    annualPlans: plans,
    plannedStart: start,
    plannedFinish: finish,
    fundingSources: funding,
    latitude,
    longitude,
    description,
    milestones: [],
  } as ProjectData;
}

/** projectInput.safeParse(input), the same result, quicker for inputs that pass. */
export function parseProject(input: unknown): ParseResult {
  const data = quickProjectParse(input);
  return data ? ({ success: true, data } as ParseResult) : projectInput.safeParse(input);
}
