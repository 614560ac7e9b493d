/**
 * Client-side check with the very schema the server uses (projectInput from @pacer/domain),
 * so a user sees the same Chinese message per field before anything is sent.
 */
import { baselineChangeNeedsReason, projectInput, projectUpdateInput, wanToYuan } from '@pacer/domain';
import { z } from 'zod';
import { i18n } from '../../../app/i18n.ts';
import type { Baselines, IssuePath, ProjectFormValues } from './formValues.ts';

// Zod's fallback messages in Chinese too, as on the server; the domain schemas give the specific ones.
z.config(z.locales.zhCN());

export interface FormIssue {
  path: IssuePath;
  message: string;
}

export type Validation = { ok: true; body: Record<string, unknown> } | { ok: false; issues: FormIssue[] };

const date = (d: { format(f: string): string } | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | null | undefined) => s ?? null;
const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export function validateProject(values: ProjectFormValues, baselines: Baselines, version?: number): Validation {
  const issues: FormIssue[] = [];

  /** 万元 text → integer 元; a malformed amount is reported here and left out of the schema check. */
  const yuan = (wan: string | null | undefined, path: IssuePath): number | undefined => {
    if (wan === null || wan === undefined || wan === '') return undefined;
    const amount = wanToYuan(wan);
    if (amount === null) issues.push({ path, message: i18n.t('projects:form.moneyFormat') });
    return amount ?? undefined;
  };

  const plans = (values.annualPlans ?? []).map((row, i) => ({
    year: row.year ?? undefined,
    amountYuan: yuan(row.amountWan, ['annualPlans', i, 'amountYuan']),
    changeReason: text(row.changeReason),
  }));
  const milestones = (values.milestones ?? []).map((row) => ({
    kind: row.kind,
    plannedDate: date(row.plannedDate),
    actualDate: date(row.actualDate),
    changeReason: text(row.changeReason),
  }));

  const input = {
    code: text(values.code),
    name: values.name ?? '',
    levels: values.levels ?? [],
    category: values.category,
    status: values.status,
    track: values.track ?? null,
    regionCode: values.regionCode,
    parkCode: values.parkCode ?? null,
    industryCode: text(values.industryCode),
    chainId: values.chainId ?? null,
    ownerOrgId: values.ownerOrgId,
    responsibleOrgId: values.responsibleOrgId ?? null,
    leaderPersonId: values.leaderPersonId ?? null,
    hqOrgId: values.hqOrgId ?? null,
    serviceTeamOrgId: values.serviceTeamOrgId ?? null,
    contactName: text(values.contactName),
    contactPhone: text(values.contactPhone),
    totalInvestmentYuan: yuan(values.totalInvestmentWan, ['totalInvestmentYuan']),
    annualPlans: plans,
    plannedStart: date(values.plannedStart),
    plannedFinish: date(values.plannedFinish),
    fundingSources: (values.fundingSources ?? []).map((row, i) => ({ source: row.source, amountYuan: yuan(row.amountWan, ['fundingSources', i, 'amountYuan']) })),
    latitude: values.latitude ?? null,
    longitude: values.longitude ?? null,
    description: text(values.description),
    milestones,
    ...(version === undefined ? {} : { version }),
  };

  // The server's baseline rule, checked here so the reason box is asked for before sending.
  plans.forEach((plan, i) => {
    const baseline = plan.year === undefined ? undefined : baselines.plans.get(plan.year);
    if (baseline !== undefined && plan.amountYuan !== undefined && baselineChangeNeedsReason(baseline, plan.amountYuan, plan.changeReason)) {
      issues.push({ path: ['annualPlans', i, 'changeReason'], message: i18n.t('projects:form.changeReasonRequired') });
    }
  });
  milestones.forEach((m, i) => {
    const baseline = m.kind ? baselines.milestones.get(m.kind) : undefined;
    if (baseline !== undefined && baselineChangeNeedsReason(baseline, m.plannedDate, m.changeReason)) {
      issues.push({ path: ['milestones', i, 'changeReason'], message: i18n.t('projects:form.changeReasonRequired') });
    }
  });

  const schema = version === undefined ? projectInput : projectUpdateInput;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // A malformed amount already has its own, more precise message.
      if (!issues.some((i) => same(i.path, path))) issues.push({ path, message: issue.message });
    }
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, body: parsed.data as Record<string, unknown> };
}
