/**
 * The fill-in form versus the API. The form holds amounts as 万元 text (typed exactly, never
 * through a float) and milestone dates as dayjs; the API takes integer 元 and YYYY-MM-DD.
 */
import { MILESTONE_KINDS, wanToYuan, yuanToWanText, type MilestoneKind, type Period, type ReportDto } from '@pacer/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReportFormData, ReportWrite } from '../types.ts';

export const AMOUNT_FIELDS = ['ytdWan', 'periodWan', 'sinceStartWan', 'paidYtdWan'] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];

export interface ReportFormValues {
  ytdWan?: string | null;
  periodWan?: string | null;
  sinceStartWan?: string | null;
  paidYtdWan?: string | null;
  physicalProgress?: string;
  problems?: string;
  milestones?: Partial<Record<MilestoneKind, Dayjs | null>>;
}

const API_FIELD: Record<AmountField, keyof ReportDto> = { ytdWan: 'ytdYuan', periodWan: 'periodYuan', sinceStartWan: 'sinceStartYuan', paidYtdWan: 'paidYtdYuan' };

/** API field → form field, for the server's findings and issues. */
export function formFieldOf(apiField: string | number | undefined): string | undefined {
  if (apiField === undefined) return undefined;
  const amount = AMOUNT_FIELDS.find((f) => API_FIELD[f] === apiField);
  if (amount) return amount;
  return ['physicalProgress', 'problems', 'milestones'].includes(String(apiField)) ? String(apiField) : undefined;
}

const wan = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : yuanToWanText(yuan));

export function initialValues(data: ReportFormData): ReportFormValues {
  const r = data.report;
  const src = r ?? data.prefill;
  const milestones: ReportFormValues['milestones'] = {};
  for (const m of r?.milestones ?? []) milestones[m.kind] = dayjs(m.actualDate);
  return {
    ytdWan: wan(src?.ytdYuan ?? 0),
    periodWan: wan(src?.periodYuan ?? 0),
    sinceStartWan: wan(src?.sinceStartYuan ?? 0),
    paidYtdWan: wan(src?.paidYtdYuan),
    physicalProgress: src?.physicalProgress ?? '',
    problems: r?.problems ?? '',
    milestones,
  };
}

/**
 * 本年累计 of the report before this one, which 本期完成 must be measured from. The server says
 * it (`previous`); without that, a new report is prefilled with it and a saved one carries it
 * as 本年累计 − 本期 unless its check says the two did not agree.
 */
export function previousYtdOf(data: ReportFormData): number | null {
  if (data.previous !== undefined) return data.previous?.ytdYuan ?? 0;
  if (!data.report) return data.prefill?.ytdYuan ?? 0;
  const r = data.report;
  if (r.findings.some((f) => f.code === 'period_mismatch' || f.code === 'ytd_fell')) return null;
  return r.ytdYuan - r.periodYuan;
}

/** 本期 = 本年累计 − 上期, as 万元 text; null when it cannot be worked out. */
export function computedPeriodWan(ytdWan: string | null | undefined, previousYtdYuan: number | null): string | null {
  if (previousYtdYuan === null || !ytdWan) return null;
  const ytd = wanToYuan(ytdWan);
  if (ytd === null) return null;
  return yuanToWanText(ytd - previousYtdYuan);
}

export interface FormIssue {
  field: string;
  message: string;
}

export interface Messages {
  required: (field: AmountField) => string;
  format: string;
}

/** Checks the amounts and builds the PUT body, or lists what to fix. */
export function toWrite(
  values: ReportFormValues,
  ctx: { projectId: string; period: Period; version: number | null },
  msg: Messages,
): { ok: true; body: ReportWrite } | { ok: false; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const yuan: Partial<Record<AmountField, number | null>> = {};
  for (const field of AMOUNT_FIELDS) {
    const text = (values[field] ?? '').trim();
    if (!text) {
      if (field !== 'paidYtdWan') issues.push({ field, message: msg.required(field) });
      yuan[field] = null;
      continue;
    }
    const v = wanToYuan(text);
    if (v === null || v < 0) issues.push({ field, message: msg.format });
    else yuan[field] = v;
  }
  if (issues.length) return { ok: false, issues };
  const milestones = MILESTONE_KINDS.keys.flatMap((kind) => {
    const d = values.milestones?.[kind];
    return d ? [{ kind, actualDate: d.format('YYYY-MM-DD') }] : [];
  });
  return {
    ok: true,
    body: {
      projectId: ctx.projectId,
      periodKind: ctx.period.kind,
      periodDate: ctx.period.start,
      ytdYuan: yuan.ytdWan!,
      periodYuan: yuan.periodWan!,
      sinceStartYuan: yuan.sinceStartWan!,
      paidYtdYuan: yuan.paidYtdWan ?? null,
      physicalProgress: (values.physicalProgress ?? '').trim(),
      problems: (values.problems ?? '').trim(),
      milestones,
      version: ctx.version,
    },
  };
}

/** An amount moved by a change in 元 (自开工累计 grows with 本年累计); unreadable text is left as typed. */
export function shiftWan(text: string | null | undefined, deltaYuan: number): string | null | undefined {
  const v = text ? wanToYuan(text) : null;
  return v === null ? text : yuanToWanText(v + deltaYuan);
}
