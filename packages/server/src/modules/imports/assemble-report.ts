/**
 * The progress figures of a ledger row (本年累计, 本期, 自开工累计, 形象进度) become the
 * month's report, checked by the same rules as a report filled in by hand (checkReport).
 */
import { checkReport, formatWan, type LedgerField, type LedgerValues, type ReportFinding } from '@pacer/domain';
import { reviews, type Actor } from './actor.ts';
import type { RowProblem } from './assemble-project.ts';
import type { ReportSituation } from './existing.ts';

export interface ReportPeriod {
  start: string;
  end: string;
  year: number;
}

/** What a commit writes as the month's report. */
export interface ReportPayload {
  ytdYuan: number;
  sinceStartYuan: number;
  periodYuan: number;
  paidYtdYuan: number | null;
  physicalProgress: string;
  problems: string;
  findings: ReportFinding[];
  status: 'approved' | 'submitted';
  /** The version of the report this replaces (a commit refuses if it moved since). */
  baseVersion: number | null;
}

export interface AssembledReport {
  action: 'create' | 'update' | 'unchanged' | null;
  payload: ReportPayload | null;
  problems: RowProblem[];
}

const FINDING_FIELDS: Record<string, LedgerField> = { ytdYuan: 'ytd', sinceStartYuan: 'sinceStart', periodYuan: 'periodAmount' };
const wan = (y: number) => `${formatWan(y)} 万元`;

export const hasProgressValues = (v: LedgerValues) =>
  v.ytd !== undefined || v.sinceStart !== undefined || v.periodAmount !== undefined || v.paidYtd !== undefined || v.physicalProgress !== undefined || v.problems !== undefined;

export function assembleReport(
  v: LedgerValues,
  situation: ReportSituation,
  sinceStartBase: number,
  project: { totalYuan: number; planYuan: number | null },
  actor: Actor,
): AssembledReport {
  const problems: RowProblem[] = [];
  if (!hasProgressValues(v)) return { action: null, payload: null, problems };
  const { current, previous } = situation;
  if (current && !reviews(actor) && (current.status === 'submitted' || current.status === 'approved')) {
    problems.push({ level: 'error', field: 'ytd', reason: '本月报表已提交，不能通过导入修改；如需更正请联系审核人退回' });
    return { action: null, payload: null, problems };
  }
  const prevYtd = previous?.ytdYuan ?? 0;
  const ytd = v.ytd ?? (v.periodAmount !== undefined ? prevYtd + v.periodAmount : (current?.ytdYuan ?? prevYtd));
  const periodYuan = ytd - prevYtd;
  if (v.periodAmount !== undefined && v.periodAmount !== periodYuan && v.ytd !== undefined) {
    if (previous) {
      problems.push({ level: 'error', field: 'periodAmount', reason: `本期完成应等于本年累计减上月累计：${wan(ytd)} − ${wan(prevYtd)} = ${wan(periodYuan)}` });
    } else {
      problems.push({ level: 'warning', field: 'periodAmount', reason: `系统中没有本年此前的月报，本期完成按本年累计 ${wan(ytd)} 记` });
    }
  }
  const sinceStart = v.sinceStart ?? (previous ? previous.sinceStartYuan - previous.ytdYuan : sinceStartBase) + ytd;
  const findings = checkReport(
    { ytdYuan: ytd, sinceStartYuan: sinceStart, periodYuan: Math.max(0, periodYuan) },
    { totalInvestmentYuan: project.totalYuan, annualPlanYuan: project.planYuan, previous: previous ? { ytdYuan: previous.ytdYuan, sinceStartYuan: previous.sinceStartYuan } : null, recentYtd: situation.recentYtd },
  );
  for (const f of findings) {
    if (f.level === 'flag') continue;
    problems.push({ level: f.level === 'error' ? 'error' : 'warning', field: FINDING_FIELDS[f.field] ?? 'ytd', reason: f.message });
  }
  if (problems.some((p) => p.level === 'error')) return { action: null, payload: null, problems };
  const payload: ReportPayload = {
    ytdYuan: ytd,
    sinceStartYuan: sinceStart,
    periodYuan,
    paidYtdYuan: v.paidYtd ?? current?.paidYtdYuan ?? null,
    physicalProgress: v.physicalProgress ?? current?.physicalProgress ?? '',
    problems: v.problems ?? current?.problems ?? '',
    findings,
    status: reviews(actor) ? 'approved' : 'submitted',
    baseVersion: current?.version ?? null,
  };
  if (!current) return { action: 'create', payload, problems };
  const same =
    current.ytdYuan === payload.ytdYuan &&
    current.sinceStartYuan === payload.sinceStartYuan &&
    current.periodYuan === payload.periodYuan &&
    current.paidYtdYuan === payload.paidYtdYuan &&
    current.physicalProgress === payload.physicalProgress &&
    current.problems === payload.problems;
  return { action: same ? 'unchanged' : 'update', payload: same ? null : payload, problems };
}
