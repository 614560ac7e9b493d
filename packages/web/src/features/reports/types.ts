/** What the reports API answers (see packages/server/src/modules/reports/routes.ts). */
import type { Period, ReportDto, ReportInput } from '@pacer/domain';

export const REPORT_STATES = ['missing', 'draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export interface PeriodRow {
  projectId: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  ownerName: string;
  state: ReportState;
  reportId: string | null;
  late: boolean;
  overdue: boolean;
  ytdYuan: number | null;
  /** Warnings and flags on the report (errors are not counted). */
  flags: number;
}

export interface PeriodReports {
  period: Period;
  deadline: string;
  previous: Period;
  rows: PeriodRow[];
}

export interface ComplianceRow {
  group: string;
  expected: number;
  submitted: number;
  late: number;
  missing: number;
}

export interface ReportPrefill {
  ytdYuan: number;
  sinceStartYuan: number;
  periodYuan: number;
  paidYtdYuan: number | null;
  physicalProgress: string;
}

export interface ReportFormData {
  report: ReportDto | null;
  period: Period;
  prefill: ReportPrefill | null;
  /** The report 本期 is measured against (same kind, same year); null for the first of the year. */
  previous?: { ytdYuan: number; sinceStartYuan: number } | null;
}

export interface ReportVersion {
  version: number;
  action: 'save' | 'submit' | 'return' | 'approve';
  status: ReportDto['status'];
  at: string;
  userName: string | null;
  data: Partial<ReportDto>;
}

export interface ReportPhoto {
  id: string;
  url: string;
  contentType: string;
  width: number;
  height: number;
  takenAt: string | null;
  latitude: number | null;
  longitude: number | null;
  caption: string | null;
}

/** PUT /api/reports: the domain's input plus the version read (null for a new report). */
/** `submit`: save and submit in one request (提交审核); with an error the report stays a draft. */
export type ReportWrite = ReportInput & { version: number | null; submit?: boolean };
