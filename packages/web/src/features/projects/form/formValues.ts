/**
 * What the form holds versus what the API takes. The form keeps amounts as 万元 text and
 * dates as dayjs; the API takes integer 元 and YYYY-MM-DD. Field names are the domain's,
 * except that an amount in 万元 is named …Wan where the API's is …Yuan.
 */
import {
  yuanToWanText,
  type CompetitionTrack,
  type FundingSource,
  type MilestoneKind,
  type ProjectCategory,
  type ProjectDetail,
  type ProjectLevel,
  type ProjectStatus,
} from '@pacer/domain';
import dayjs, { type Dayjs } from 'dayjs';

export interface PlanRow {
  year?: number | null;
  amountWan?: string | null;
  changeReason?: string | null;
}

export interface FundingRow {
  source?: FundingSource;
  amountWan?: string | null;
}

export interface MilestoneRow {
  kind?: MilestoneKind;
  plannedDate?: Dayjs | null;
  actualDate?: Dayjs | null;
  changeReason?: string | null;
}

export interface ProjectFormValues {
  code?: string | null;
  name?: string;
  levels?: ProjectLevel[];
  category?: ProjectCategory;
  status?: ProjectStatus;
  track?: CompetitionTrack | null;
  regionCode?: string;
  parkCode?: string | null;
  industryCode?: string | null;
  chainId?: string | null;
  ownerOrgId?: string;
  responsibleOrgId?: string | null;
  leaderPersonId?: string | null;
  hqOrgId?: string | null;
  serviceTeamOrgId?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  totalInvestmentWan?: string | null;
  annualPlans?: PlanRow[];
  plannedStart?: Dayjs | null;
  plannedFinish?: Dayjs | null;
  fundingSources?: FundingRow[];
  latitude?: number | null;
  longitude?: number | null;
  description?: string | null;
  milestones?: MilestoneRow[];
}

export const LIST_FIELDS = ['annualPlans', 'fundingSources', 'milestones'] as const;

const day = (s: string | null) => (s ? dayjs(s) : null);

export function emptyValues(): ProjectFormValues {
  return { levels: [], annualPlans: [], fundingSources: [], milestones: [] };
}

export function detailToValues(p: ProjectDetail): ProjectFormValues {
  return {
    code: p.code,
    name: p.name,
    levels: p.levels,
    category: p.category,
    status: p.status,
    track: p.track,
    regionCode: p.regionCode,
    parkCode: p.parkCode,
    industryCode: p.industryCode,
    chainId: p.chainId,
    ownerOrgId: p.ownerOrgId,
    responsibleOrgId: p.responsibleOrgId,
    leaderPersonId: p.leaderPersonId,
    hqOrgId: p.hqOrgId,
    serviceTeamOrgId: p.serviceTeamOrgId,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    totalInvestmentWan: yuanToWanText(p.totalInvestmentYuan),
    annualPlans: p.annualPlans.map((a) => ({ year: a.year, amountWan: yuanToWanText(a.amountYuan), changeReason: a.changeReason })),
    plannedStart: day(p.plannedStart),
    plannedFinish: day(p.plannedFinish),
    fundingSources: p.fundingSources.map((f) => ({ source: f.source, amountWan: yuanToWanText(f.amountYuan) })),
    latitude: p.latitude,
    longitude: p.longitude,
    description: p.description,
    milestones: p.milestones.map((m) => ({
      kind: m.kind,
      plannedDate: day(m.plannedDate),
      actualDate: day(m.actualDate),
      changeReason: m.changeReason,
    })),
  };
}

/** The originals a changed plan or date is measured against (the server keeps the same). */
export interface Baselines {
  plans: ReadonlyMap<number, number>;
  milestones: ReadonlyMap<string, string | null>;
}

export function baselinesOf(p: ProjectDetail | undefined): Baselines {
  return {
    plans: new Map((p?.annualPlans ?? []).map((a) => [a.year, a.baselineYuan])),
    milestones: new Map((p?.milestones ?? []).map((m) => [m.kind, m.baselineDate])),
  };
}

export type IssuePath = (string | number)[];

/** API field path → form field name: amounts live in …Wan fields on the form. */
export function formNameOf(path: readonly (string | number)[]): IssuePath {
  return path.map((part, i) =>
    i === path.length - 1 && part === 'totalInvestmentYuan' ? 'totalInvestmentWan' : i === path.length - 1 && part === 'amountYuan' ? 'amountWan' : part,
  );
}
