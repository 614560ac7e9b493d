/**
 * 进度填报: what an owner reports per project and period, and the checks that explain
 * themselves to the reporter and flag what a reviewer should look at.
 */
import { z } from 'zod';
import { isoDate, yuanAmount } from './project.ts';
import { MILESTONE_KINDS } from './vocabulary.ts';
import { PERIOD_KINDS } from './periods.ts';
import { formatWan } from './money.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { draft: '草稿', submitted: '已提交', returned: '已退回', approved: '已审核' };

export const reportInput = z.object({
  projectId: z.uuid({ error: '请选择项目' }),
  periodKind: z.enum(PERIOD_KINDS, { error: '填报周期应为 week 或 month' }),
  /** Any date inside the period; the server normalises it to the period's start. */
  periodDate: isoDate,
  /** 本年累计完成投资 (形象进度口径), integer 元. */
  ytdYuan: yuanAmount,
  /** 自开工累计完成投资, integer 元. */
  sinceStartYuan: yuanAmount,
  /** 本期完成投资; must equal the change in 本年累计 (checked). */
  periodYuan: yuanAmount,
  /** 本年累计财务支出 (财务支出口径), optional, kept beside the physical figure. */
  paidYtdYuan: yuanAmount.nullable().optional().transform((v) => v ?? null),
  /** 形象进度: what was built. */
  physicalProgress: z.string().trim().max(2000, { error: '形象进度不能超过 2000 字' }).default(''),
  milestones: z
    .array(z.object({ kind: z.enum(MILESTONE_KINDS.keys), actualDate: isoDate }))
    .default([]),
  problems: z.string().trim().max(2000, { error: '问题描述不能超过 2000 字' }).default(''),
});
export type ReportInput = z.input<typeof reportInput>;
export type ReportData = z.output<typeof reportInput>;

export const REPORT_FIELD_LABELS: Record<string, string> = {
  ytdYuan: '本年累计完成投资',
  sinceStartYuan: '自开工累计完成投资',
  periodYuan: '本期完成投资',
  paidYtdYuan: '本年累计财务支出',
  physicalProgress: '形象进度',
  milestones: '节点完成情况',
  problems: '存在问题',
  projectId: '项目',
  periodKind: '填报周期',
  periodDate: '填报日期',
  kind: '节点',
  actualDate: '实际完成日期',
  version: '版本号',
  note: '审核意见',
  reason: '退回原因',
};

/** A finding about a report: errors stop submission; warnings need the reviewer's acceptance; flags draw attention. */
export interface ReportFinding {
  level: 'error' | 'warning' | 'flag';
  field: string;
  code: string;
  message: string;
}

export interface ReportContext {
  /** 计划总投资. */
  totalInvestmentYuan: number;
  /** 年度计划投资 this year (null when none). */
  annualPlanYuan: number | null;
  /** The last report of the same year before this period (null for the first). */
  previous: { ytdYuan: number; sinceStartYuan: number } | null;
  /** 本年累计 of the last few reports before this one, newest first (to spot copied figures). */
  recentYtd: number[];
}

/** A week's jump above this share of the annual plan is flagged for the reviewer. */
export const JUMP_SHARE_OF_PLAN = 0.3;
/** This many reports with the same 本年累计 in a row are flagged as possibly copied. */
export const UNCHANGED_STREAK = 3;

const wan = (y: number) => `${formatWan(y)} 万元`;

export function checkReport(r: Pick<ReportData, 'ytdYuan' | 'sinceStartYuan' | 'periodYuan'>, ctx: ReportContext): ReportFinding[] {
  const out: ReportFinding[] = [];
  const prevYtd = ctx.previous?.ytdYuan ?? 0;
  if (r.ytdYuan < prevYtd) {
    out.push({ level: 'error', field: 'ytdYuan', code: 'ytd_fell', message: `本年累计（${wan(r.ytdYuan)}）不能小于上期的 ${wan(prevYtd)}；如上期填错，请联系审核人退回上期更正` });
  }
  const expectedPeriod = r.ytdYuan - prevYtd;
  if (r.ytdYuan >= prevYtd && r.periodYuan !== expectedPeriod) {
    out.push({ level: 'error', field: 'periodYuan', code: 'period_mismatch', message: `本期完成应等于本年累计的增加额：${wan(r.ytdYuan)} − 上期 ${wan(prevYtd)} = ${wan(expectedPeriod)}` });
  }
  if (r.ytdYuan > r.sinceStartYuan) {
    out.push({ level: 'warning', field: 'sinceStartYuan', code: 'ytd_over_since_start', message: `本年累计（${wan(r.ytdYuan)}）大于自开工累计（${wan(r.sinceStartYuan)}），请核实` });
  }
  if (r.sinceStartYuan > ctx.totalInvestmentYuan) {
    out.push({ level: 'warning', field: 'sinceStartYuan', code: 'over_total', message: `自开工累计（${wan(r.sinceStartYuan)}）超过计划总投资（${wan(ctx.totalInvestmentYuan)}），请核实或申请调整总投资` });
  }
  if (ctx.previous && r.sinceStartYuan < ctx.previous.sinceStartYuan) {
    out.push({ level: 'warning', field: 'sinceStartYuan', code: 'since_start_fell', message: `自开工累计比上期（${wan(ctx.previous.sinceStartYuan)}）减少，请核实` });
  }
  if (ctx.annualPlanYuan && expectedPeriod > ctx.annualPlanYuan * JUMP_SHARE_OF_PLAN) {
    out.push({ level: 'flag', field: 'periodYuan', code: 'jump', message: `本期完成 ${wan(expectedPeriod)}，超过年度计划的 ${JUMP_SHARE_OF_PLAN * 100}%，请审核人重点核实（可要求上传现场照片）` });
  }
  const streak = [r.ytdYuan, ...ctx.recentYtd].findIndex((v) => v !== r.ytdYuan);
  const same = streak === -1 ? ctx.recentYtd.length + 1 : streak;
  if (same >= UNCHANGED_STREAK && r.ytdYuan > 0) {
    out.push({ level: 'flag', field: 'ytdYuan', code: 'unchanged', message: `本年累计已连续 ${same} 期未变化，请核实项目是否停工或照抄上期数据` });
  }
  return out;
}

const finding = z.object({ level: z.enum(['error', 'warning', 'flag']), field: z.string(), code: z.string(), message: z.string() });

/** A report as the API presents it. */
export const reportDto = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  year: z.number(),
  status: z.enum(REPORT_STATUSES),
  version: z.number(),
  periodYuan: z.number(),
  ytdYuan: z.number(),
  sinceStartYuan: z.number(),
  paidYtdYuan: z.number().nullable(),
  physicalProgress: z.string(),
  problems: z.string(),
  milestones: z.array(z.object({ kind: z.enum(MILESTONE_KINDS.keys), actualDate: z.string() })),
  findings: z.array(finding),
  reviewNote: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** Submitted after the period's deadline. */
  late: z.boolean(),
  deadline: z.string(),
  updatedAt: z.string(),
});
export type ReportDto = z.infer<typeof reportDto>;
