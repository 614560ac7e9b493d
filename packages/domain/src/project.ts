import { z } from 'zod';
import { isIndustryCode, isRegionCode, parseProjectCode } from './codes.ts';
import { MAX_YUAN } from './money.ts';
import {
  COMPETITION_TRACKS,
  FUNDING_SOURCES,
  MILESTONE_KINDS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STATUSES,
} from './vocabulary.ts';

/** A project enters the statistics (入库) when its total investment is at least 500 万元. */
export const STATISTICS_THRESHOLD_YUAN = 5_000_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The limits of a project's fields. The schemas below are built from them, and so is the fast
 * path (parseProjectInput), so a limit is changed in one place.
 */
const NAME_LENGTH = { min: 2, max: 200 };
const CONTACT_NAME_MAX = 50;
const CONTACT_PHONE_MAX = 30;
const DESCRIPTION_MAX = 4000;
const CHANGE_REASON_MAX = 500;
const PLAN_YEARS = { min: 2000, max: 2100 };
const LATITUDE = { min: 3, max: 54 };
const LONGITUDE = { min: 73, max: 136 };

/** A YYYY-MM-DD text that names a day of the calendar (not 2026-02-30). */
const isRealDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const isoDate = z
  .string({ error: '请填写日期' })
  .regex(ISO_DATE, { error: '日期格式应为 YYYY-MM-DD，例如 2026-03-10' })
  .refine(isRealDate, {
    error: '不是有效的日期',
    // A malformed date gets the format message alone, not also "不是有效的日期".
    when: (payload) => typeof payload.value === 'string' && ISO_DATE.test(payload.value),
  });

/** Integer 元, non-negative, bounded. */
export const yuanAmount = z
  .number({ error: '请填写金额（数字）' })
  .int({ error: '金额须精确到元' })
  .min(0, { error: '金额不能为负数' })
  .max(MAX_YUAN, { error: '金额超出合理范围（不超过 10 万亿元）' });

export const regionCode = z
  .string({ error: '请选择区划' })
  .refine(isRegionCode, { error: '区划代码应为 6 位 GB/T 2260 代码，例如 430302' });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `不能超过 ${max} 个字` })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const optionalId = z.uuid({ error: '请从列表中选择' }).nullable().optional().transform((v) => v ?? null);

export const projectCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((s) => parseProjectCode(s) !== null, {
    error: '项目代码格式应为 YYYY-AAAAAA-NN-NN-NNNNNN（24 位，第二段为 6 位区划代码），例如 2024-430302-44-01-012345',
  });

export const annualPlanInput = z.object({
  year: z.number().int().min(PLAN_YEARS.min, { error: '年份不正确' }).max(PLAN_YEARS.max, { error: '年份不正确' }),
  amountYuan: yuanAmount,
  /** Why the plan differs from its baseline; required when it does (see server). */
  changeReason: optionalText(CHANGE_REASON_MAX),
});

export const fundingInput = z.object({
  source: z.enum(FUNDING_SOURCES.keys, { error: '请选择资金来源' }),
  amountYuan: yuanAmount,
});

export const milestoneInput = z.object({
  kind: z.enum(MILESTONE_KINDS.keys, { error: '请选择节点' }),
  plannedDate: isoDate.nullable().optional().transform((v) => v ?? null),
  actualDate: isoDate.nullable().optional().transform((v) => v ?? null),
  changeReason: optionalText(CHANGE_REASON_MAX),
});

const coordinate = (range: { min: number; max: number }, what: string) => {
  const error = `${what}应在 ${range.min}–${range.max} 之间`;
  return z.number().min(range.min, { error }).max(range.max, { error }).nullable().optional().transform((v) => v ?? null);
};

const projectFields = z.object({
  // A cleared form field arrives as '' and means "no code yet", as for the other optional text.
  code: z
    .string()
    .trim()
    .transform((s) => s || null)
    .pipe(projectCode.nullable())
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  name: z
    .string({ error: '请填写项目名称' })
    .trim()
    .min(NAME_LENGTH.min, { error: `项目名称至少 ${NAME_LENGTH.min} 个字` })
    .max(NAME_LENGTH.max, { error: `项目名称不能超过 ${NAME_LENGTH.max} 个字` }),
  levels: z
    .array(z.enum(PROJECT_LEVELS.keys, { error: '项目级别不在可选范围内' }))
    .min(1, { error: '请至少选择一个项目级别' })
    .refine((l) => new Set(l).size === l.length, { error: '项目级别不能重复' }),
  category: z.enum(PROJECT_CATEGORIES.keys, { error: '请选择项目类别' }),
  status: z.enum(PROJECT_STATUSES.keys, { error: '请选择建设状态' }),
  track: z.enum(COMPETITION_TRACKS.keys, { error: '竞赛赛道不在可选范围内' }).nullable().optional().transform((v) => v ?? null),
  regionCode,
  parkCode: regionCode.nullable().optional().transform((v) => v ?? null),
  industryCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => s === '' || isIndustryCode(s), { error: '行业代码应为 GB/T 4754 门类字母加 2–4 位数字，例如 C39' })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  chainId: optionalId,
  ownerOrgId: z.uuid({ error: '请选择业主单位' }),
  responsibleOrgId: optionalId,
  leaderPersonId: optionalId,
  hqOrgId: optionalId,
  serviceTeamOrgId: optionalId,
  contactName: optionalText(CONTACT_NAME_MAX),
  contactPhone: optionalText(CONTACT_PHONE_MAX),
  totalInvestmentYuan: yuanAmount,
  annualPlans: z.array(annualPlanInput).default([]),
  plannedStart: isoDate.nullable().optional().transform((v) => v ?? null),
  plannedFinish: isoDate.nullable().optional().transform((v) => v ?? null),
  fundingSources: z.array(fundingInput).default([]),
  latitude: coordinate(LATITUDE, '纬度'),
  longitude: coordinate(LONGITUDE, '经度'),
  description: optionalText(DESCRIPTION_MAX),
  milestones: z.array(milestoneInput).default([]),
});

type Fields = z.infer<typeof projectFields>;

/** No field failed its own rule (the usual case: no set to build). */
const NONE_FAILED: ReadonlySet<unknown> = new Set();

/**
 * Cross-field rules, each reported on the field a user would correct. Plain loops and no
 * closures: an import runs this for every row of a ledger (through parseProjectInput).
 */
function checkProject(p: Fields, ctx: z.RefinementCtx) {
  // A field that failed its own rule still holds the raw input here; comparing it would add a
  // second, misleading message, often on a field the user got right.
  const failed = ctx.issues.length ? new Set(ctx.issues.map((i) => i.path?.[0])) : NONE_FAILED;
  if (!failed.has('plannedStart') && !failed.has('plannedFinish') && p.plannedStart && p.plannedFinish && p.plannedFinish < p.plannedStart) {
    ctx.addIssue({ code: 'custom', path: ['plannedFinish'], message: '计划竣工日期不能早于计划开工日期' });
  }
  const totalValid = !failed.has('totalInvestmentYuan');
  if (p.annualPlans.length) {
    const plansWithinTotal = totalValid && !failed.has('annualPlans');
    const years = new Set<number>();
    for (let i = 0; i < p.annualPlans.length; i++) {
      const plan = p.annualPlans[i]!;
      if (years.has(plan.year)) ctx.addIssue({ code: 'custom', path: ['annualPlans', i, 'year'], message: `${plan.year} 年的年度计划重复` });
      years.add(plan.year);
      if (plansWithinTotal && plan.amountYuan > p.totalInvestmentYuan) {
        ctx.addIssue({ code: 'custom', path: ['annualPlans', i, 'amountYuan'], message: `${plan.year} 年度计划投资不能大于计划总投资` });
      }
    }
  }
  if (p.milestones.length) {
    const kinds = new Set<string>();
    for (let i = 0; i < p.milestones.length; i++) {
      const m = p.milestones[i]!;
      if (kinds.has(m.kind)) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'kind'], message: `节点"${MILESTONE_KINDS.label(m.kind)}"重复` });
      kinds.add(m.kind);
    }
  }
  if (p.fundingSources.length) {
    const sources = new Set<string>();
    let funded = 0;
    for (let i = 0; i < p.fundingSources.length; i++) {
      const f = p.fundingSources[i]!;
      if (sources.has(f.source)) ctx.addIssue({ code: 'custom', path: ['fundingSources', i, 'source'], message: `资金来源"${FUNDING_SOURCES.label(f.source)}"重复` });
      sources.add(f.source);
      funded += f.amountYuan;
    }
    if (totalValid && !failed.has('fundingSources') && funded > p.totalInvestmentYuan) {
      ctx.addIssue({ code: 'custom', path: ['fundingSources'], message: '各资金来源合计不能大于计划总投资' });
    }
  }
  if (!failed.has('regionCode') && !failed.has('parkCode') && p.parkCode && p.parkCode.slice(0, 4) !== p.regionCode.slice(0, 4)) {
    ctx.addIssue({ code: 'custom', path: ['parkCode'], message: '园区应与所在区划属于同一市州' });
  }
}

export const projectInput = projectFields.superRefine(checkProject);
export type ProjectInput = z.input<typeof projectInput>;
export type ProjectData = z.output<typeof projectInput>;

/**
 * projectInput.safeParse for many rows at a time (an import checks every row of a 100,000-row
 * ledger): the same result, with the common case — a valid project — checked without zod's
 * per-field bookkeeping. It accepts only what every field's schema above accepts, built from the
 * same limits, vocabularies and code checks, then runs the same cross-field rules
 * (checkProject); anything it does not accept is parsed by projectInput itself, so every error
 * message and path is zod's. project-fast-path.test.ts holds the two to the same answers.
 */
export function parseProjectInput(input: unknown): ReturnType<typeof projectInput.safeParse> {
  const data = acceptedProject(input);
  return data ? { success: true, data } : projectInput.safeParse(input);
}

/** Returned by a field check that does not accept its value (null is a valid value). */
const REFUSED = Symbol('refused');
type Checked<T> = T | typeof REFUSED;

/** The pattern z.uuid() checks ids with. */
const UUID = projectFields.shape.ownerOrgId._zod.def.pattern!;
const LEVEL_KEYS = new Set<string>(PROJECT_LEVELS.keys);
const CATEGORY_KEYS = new Set<string>(PROJECT_CATEGORIES.keys);
const STATUS_KEYS = new Set<string>(PROJECT_STATUSES.keys);
const TRACK_KEYS = new Set<string>(COMPETITION_TRACKS.keys);
const FUNDING_KEYS = new Set<string>(FUNDING_SOURCES.keys);
const MILESTONE_KEYS = new Set<string>(MILESTONE_KINDS.keys);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;

/** The project as projectInput outputs it, or null when projectInput might not accept it. */
export function acceptedProject(input: unknown): ProjectData | null {
  if (!isRecord(input)) return null;
  const x = input;
  const code = checkCode(x.code);
  const name = typeof x.name === 'string' ? x.name.trim() : '';
  const levels = checkLevels(x.levels);
  const track = absent(x.track) ? null : checkKey(x.track, TRACK_KEYS);
  const parkCode = absent(x.parkCode) ? null : checkRegion(x.parkCode);
  const industryCode = checkIndustry(x.industryCode);
  const chainId = optionalUuid(x.chainId);
  const responsibleOrgId = optionalUuid(x.responsibleOrgId);
  const leaderPersonId = optionalUuid(x.leaderPersonId);
  const hqOrgId = optionalUuid(x.hqOrgId);
  const serviceTeamOrgId = optionalUuid(x.serviceTeamOrgId);
  const contactName = checkText(x.contactName, CONTACT_NAME_MAX);
  const contactPhone = checkText(x.contactPhone, CONTACT_PHONE_MAX);
  const annualPlans = checkList(x.annualPlans, checkPlan);
  const plannedStart = checkDate(x.plannedStart);
  const plannedFinish = checkDate(x.plannedFinish);
  const fundingSources = checkList(x.fundingSources, checkFunding);
  const latitude = checkCoordinate(x.latitude, LATITUDE);
  const longitude = checkCoordinate(x.longitude, LONGITUDE);
  const description = checkText(x.description, DESCRIPTION_MAX);
  const milestones = checkList(x.milestones, checkMilestone);
  if (
    code === REFUSED ||
    name.length < NAME_LENGTH.min ||
    name.length > NAME_LENGTH.max ||
    levels === REFUSED ||
    !CATEGORY_KEYS.has(x.category as string) ||
    !STATUS_KEYS.has(x.status as string) ||
    track === REFUSED ||
    checkRegion(x.regionCode) === REFUSED ||
    parkCode === REFUSED ||
    industryCode === REFUSED ||
    chainId === REFUSED ||
    !isUuid(x.ownerOrgId) ||
    responsibleOrgId === REFUSED ||
    leaderPersonId === REFUSED ||
    hqOrgId === REFUSED ||
    serviceTeamOrgId === REFUSED ||
    contactName === REFUSED ||
    contactPhone === REFUSED ||
    !isYuan(x.totalInvestmentYuan) ||
    annualPlans === REFUSED ||
    plannedStart === REFUSED ||
    plannedFinish === REFUSED ||
    fundingSources === REFUSED ||
    latitude === REFUSED ||
    longitude === REFUSED ||
    description === REFUSED ||
    milestones === REFUSED
  ) {
    return null;
  }
  // In the order of projectFields, as zod builds its output.
  const data: ProjectData = {
    code,
    name,
    levels,
    category: x.category as ProjectData['category'],
    status: x.status as ProjectData['status'],
    track: track as ProjectData['track'],
    regionCode: x.regionCode as string,
    parkCode,
    industryCode,
    chainId,
    ownerOrgId: x.ownerOrgId as string,
    responsibleOrgId,
    leaderPersonId,
    hqOrgId,
    serviceTeamOrgId,
    contactName,
    contactPhone,
    totalInvestmentYuan: x.totalInvestmentYuan as number,
    annualPlans,
    plannedStart,
    plannedFinish,
    fundingSources,
    latitude,
    longitude,
    description,
    milestones,
  };
  return crossFieldRulesHold(data) ? data : null;
}

/** What checkProject reports, collected (a class: no closure to make for every row). */
class CollectedIssues {
  issues: unknown[] = [];
  constructor(readonly value: unknown) {}
  addIssue(issue: unknown) {
    this.issues.push(issue);
  }
}

/** Whether checkProject, the schema's own cross-field rules, finds nothing to report. */
function crossFieldRulesHold(data: ProjectData): boolean {
  const ctx = new CollectedIssues(data);
  checkProject(data, ctx as unknown as z.RefinementCtx);
  return ctx.issues.length === 0;
}

function checkCode(v: unknown): Checked<string | null> {
  if (absent(v)) return null;
  if (typeof v !== 'string') return REFUSED;
  // A cleared field ('') means no code; else projectCode's trim, upper case and shape.
  const trimmed = v.trim();
  if (!trimmed) return null;
  const code = trimmed.toUpperCase();
  return parseProjectCode(code) !== null ? code : REFUSED;
}

function checkLevels(v: unknown): Checked<ProjectData['levels']> {
  if (!Array.isArray(v) || v.length < 1) return REFUSED;
  for (let i = 0; i < v.length; i++) if (!LEVEL_KEYS.has(v[i])) return REFUSED;
  return new Set(v).size === v.length ? (v.slice() as ProjectData['levels']) : REFUSED;
}

const checkKey = (v: unknown, keys: Set<string>): Checked<string> => (typeof v === 'string' && keys.has(v) ? v : REFUSED);
const checkRegion = (v: unknown): Checked<string> => (typeof v === 'string' && isRegionCode(v) ? v : REFUSED);
const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
const optionalUuid = (v: unknown): Checked<string | null> => (absent(v) ? null : isUuid(v) ? v : REFUSED);
const isYuan = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_YUAN;

function checkIndustry(v: unknown): Checked<string | null> {
  if (absent(v)) return null;
  if (typeof v !== 'string') return REFUSED;
  const code = v.trim().toUpperCase();
  if (code === '') return null;
  return isIndustryCode(code) ? code : REFUSED;
}

/** optionalText(max): trimmed, at most `max` characters, empty as null. */
function checkText(v: unknown, max: number): Checked<string | null> {
  if (absent(v)) return null;
  if (typeof v !== 'string') return REFUSED;
  const text = v.trim();
  if (text.length > max) return REFUSED;
  return text === '' ? null : text;
}

function checkDate(v: unknown): Checked<string | null> {
  if (absent(v)) return null;
  return typeof v === 'string' && ISO_DATE.test(v) && isRealDate(v) ? v : REFUSED;
}

function checkCoordinate(v: unknown, range: { min: number; max: number }): Checked<number | null> {
  if (absent(v)) return null;
  return typeof v === 'number' && v >= range.min && v <= range.max ? v : REFUSED;
}

/** A list with its default ([] when absent), each item checked. */
function checkList<T>(v: unknown, item: (x: Record<string, unknown>) => T | null): Checked<T[]> {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return REFUSED;
  const out: T[] = [];
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    const checked = isRecord(x) ? item(x) : null;
    if (checked === null) return REFUSED;
    out.push(checked);
  }
  return out;
}

function checkPlan(x: Record<string, unknown>): ProjectData['annualPlans'][number] | null {
  const { year, amountYuan } = x;
  const changeReason = checkText(x.changeReason, CHANGE_REASON_MAX);
  if (typeof year !== 'number' || !Number.isInteger(year) || year < PLAN_YEARS.min || year > PLAN_YEARS.max || !isYuan(amountYuan) || changeReason === REFUSED) return null;
  return { year, amountYuan, changeReason };
}

function checkFunding(x: Record<string, unknown>): ProjectData['fundingSources'][number] | null {
  const { source, amountYuan } = x;
  if (checkKey(source, FUNDING_KEYS) === REFUSED || !isYuan(amountYuan)) return null;
  return { source: source as ProjectData['fundingSources'][number]['source'], amountYuan };
}

function checkMilestone(x: Record<string, unknown>): ProjectData['milestones'][number] | null {
  const plannedDate = checkDate(x.plannedDate);
  const actualDate = checkDate(x.actualDate);
  const changeReason = checkText(x.changeReason, CHANGE_REASON_MAX);
  if (checkKey(x.kind, MILESTONE_KEYS) === REFUSED || plannedDate === REFUSED || actualDate === REFUSED || changeReason === REFUSED) return null;
  return { kind: x.kind as ProjectData['milestones'][number]['kind'], plannedDate, actualDate, changeReason };
}

export const projectUpdateInput = projectFields
  .extend({ version: z.number({ error: '缺少版本号' }).int().min(1) })
  .superRefine(checkProject);
export type ProjectUpdateInput = z.input<typeof projectUpdateInput>;

/** Field labels for messages that say where: "计划总投资：金额不能为负数". */
export const PROJECT_FIELD_LABELS: Record<string, string> = {
  code: '项目代码',
  name: '项目名称',
  levels: '项目级别',
  category: '项目类别',
  status: '建设状态',
  track: '竞赛赛道',
  regionCode: '所在区划',
  parkCode: '所在园区',
  industryCode: '国民经济行业',
  chainId: '产业链',
  ownerOrgId: '业主单位',
  responsibleOrgId: '责任单位',
  leaderPersonId: '联点领导',
  hqOrgId: '协调指挥部',
  serviceTeamOrgId: '服务专班',
  contactName: '联系人',
  contactPhone: '联系电话',
  totalInvestmentYuan: '计划总投资',
  annualPlans: '年度计划',
  amountYuan: '金额',
  year: '年份',
  plannedStart: '计划开工',
  plannedFinish: '计划竣工',
  fundingSources: '资金来源',
  source: '资金来源',
  latitude: '纬度',
  longitude: '经度',
  description: '项目简介',
  milestones: '节点计划',
  kind: '节点',
  plannedDate: '计划日期',
  actualDate: '实际日期',
  changeReason: '调整原因',
  version: '版本号',
};

/** Human location of a validation issue: ["annualPlans", 0, "amountYuan"] → "年度计划第1行·金额". */
export function describeFieldPath(path: readonly PropertyKey[], labels = PROJECT_FIELD_LABELS): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      const last = parts.pop() ?? '';
      parts.push(`${last}第${key + 1}行`);
    } else {
      parts.push(labels[String(key)] ?? String(key));
    }
  }
  return parts.join('·');
}

/** A plan or milestone date moved from its baseline needs a written reason (基线不可悄悄改). */
export function baselineChangeNeedsReason(baseline: number | string | null, next: number | string | null, reason: string | null): boolean {
  if (baseline === null || baseline === next) return false;
  return !reason || reason.trim() === '';
}
