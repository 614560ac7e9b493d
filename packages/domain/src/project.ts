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

export const isoDate = z
  .string({ error: '请填写日期' })
  .regex(ISO_DATE, { error: '日期格式应为 YYYY-MM-DD，例如 2026-03-10' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
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
  year: z.number().int().min(2000, { error: '年份不正确' }).max(2100, { error: '年份不正确' }),
  amountYuan: yuanAmount,
  /** Why the plan differs from its baseline; required when it does (see server). */
  changeReason: optionalText(500),
});

export const fundingInput = z.object({
  source: z.enum(FUNDING_SOURCES.keys, { error: '请选择资金来源' }),
  amountYuan: yuanAmount,
});

export const milestoneInput = z.object({
  kind: z.enum(MILESTONE_KINDS.keys, { error: '请选择节点' }),
  plannedDate: isoDate.nullable().optional().transform((v) => v ?? null),
  actualDate: isoDate.nullable().optional().transform((v) => v ?? null),
  changeReason: optionalText(500),
});

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
  name: z.string({ error: '请填写项目名称' }).trim().min(2, { error: '项目名称至少 2 个字' }).max(200, { error: '项目名称不能超过 200 个字' }),
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
  contactName: optionalText(50),
  contactPhone: optionalText(30),
  totalInvestmentYuan: yuanAmount,
  annualPlans: z.array(annualPlanInput).default([]),
  plannedStart: isoDate.nullable().optional().transform((v) => v ?? null),
  plannedFinish: isoDate.nullable().optional().transform((v) => v ?? null),
  fundingSources: z.array(fundingInput).default([]),
  latitude: z.number().min(3, { error: '纬度应在 3–54 之间' }).max(54, { error: '纬度应在 3–54 之间' }).nullable().optional().transform((v) => v ?? null),
  longitude: z.number().min(73, { error: '经度应在 73–136 之间' }).max(136, { error: '经度应在 73–136 之间' }).nullable().optional().transform((v) => v ?? null),
  description: optionalText(4000),
  milestones: z.array(milestoneInput).default([]),
});

type Fields = z.infer<typeof projectFields>;

/** Cross-field rules, each reported on the field a user would correct. */
function checkProject(p: Fields, ctx: z.RefinementCtx) {
  // A field that failed its own rule still holds the raw input here; comparing it would add a
  // second, misleading message, often on a field the user got right.
  const failed = new Set(ctx.issues.map((i) => i.path?.[0]));
  const valid = (...fields: (keyof Fields)[]) => fields.every((f) => !failed.has(f));
  if (valid('plannedStart', 'plannedFinish') && p.plannedStart && p.plannedFinish && p.plannedFinish < p.plannedStart) {
    ctx.addIssue({ code: 'custom', path: ['plannedFinish'], message: '计划竣工日期不能早于计划开工日期' });
  }
  const years = new Set<number>();
  p.annualPlans.forEach((plan, i) => {
    if (years.has(plan.year)) ctx.addIssue({ code: 'custom', path: ['annualPlans', i, 'year'], message: `${plan.year} 年的年度计划重复` });
    years.add(plan.year);
    if (valid('totalInvestmentYuan', 'annualPlans') && plan.amountYuan > p.totalInvestmentYuan) {
      ctx.addIssue({ code: 'custom', path: ['annualPlans', i, 'amountYuan'], message: `${plan.year} 年度计划投资不能大于计划总投资` });
    }
  });
  const kinds = new Set<string>();
  p.milestones.forEach((m, i) => {
    if (kinds.has(m.kind)) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'kind'], message: `节点"${MILESTONE_KINDS.label(m.kind)}"重复` });
    kinds.add(m.kind);
  });
  const sources = new Set<string>();
  p.fundingSources.forEach((f, i) => {
    if (sources.has(f.source)) ctx.addIssue({ code: 'custom', path: ['fundingSources', i, 'source'], message: `资金来源"${FUNDING_SOURCES.label(f.source)}"重复` });
    sources.add(f.source);
  });
  const funded = p.fundingSources.reduce((sum, f) => sum + f.amountYuan, 0);
  if (valid('totalInvestmentYuan', 'fundingSources') && funded > p.totalInvestmentYuan) {
    ctx.addIssue({ code: 'custom', path: ['fundingSources'], message: '各资金来源合计不能大于计划总投资' });
  }
  if (valid('regionCode', 'parkCode') && p.parkCode && p.parkCode.slice(0, 4) !== p.regionCode.slice(0, 4)) {
    ctx.addIssue({ code: 'custom', path: ['parkCode'], message: '园区应与所在区划属于同一市州' });
  }
}

export const projectInput = projectFields.superRefine(checkProject);
export type ProjectInput = z.input<typeof projectInput>;
export type ProjectData = z.output<typeof projectInput>;

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
