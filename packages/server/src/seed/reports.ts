/**
 * Demo progress reports: weekly and monthly reports of this year up to today and monthly
 * reports of last year, following each project's own pace so the boards look real:
 * most projects near time progress, some ahead, some stalled, a few late or missing.
 */
import { beijingLocal, checkReport, deadlineOf, periodOf, periodsBetween, previousPeriod, timeProgress, type Period, type PeriodKind } from '@pacer/domain';
import type { Db } from '../db/client.ts';
import { publishBoard } from '../modules/boards/service.ts';
import { progressReports, reportVersions } from '../db/schema.ts';
import type { Random } from './random.ts';

export interface ReportSeedProject {
  id: string;
  totalYuan: number;
  plans: Map<number, number>;
  status: string;
}

interface Pace {
  /** Share of the annual plan the project will reach by year end. */
  finish: number;
  /** Date from which it stops progressing (stalled), or null. */
  stallFrom: string | null;
  /** Invested before the year. */
  priorYuan: number;
  /** Misses or is late with reports now and then. */
  sloppy: boolean;
}

const WAN = 10_000;

export async function seedReports(db: Db, list: ReportSeedProject[], today: Date, rnd: Random): Promise<number> {
  const todayText = beijingLocal(today).slice(0, 10);
  const year = Number(todayText.slice(0, 4));
  const rows: (typeof progressReports.$inferInsert)[] = [];
  for (const p of list) {
    if (p.status === 'reserve' || p.status === 'preliminary') continue;
    const pace: Pace = {
      finish: 0.82 + rnd.next() * 0.5,
      stallFrom: rnd.chance(0.12) ? `${year}-${String(rnd.int(6, 10)).padStart(2, '0')}-01` : null,
      priorYuan: p.status === 'continuing' ? Math.round((p.totalYuan * (0.1 + rnd.next() * 0.3)) / WAN) * WAN : 0,
      sloppy: rnd.chance(0.15),
    };
    rows.push(...projectReports(p, pace, year - 1, 'month', todayText, rnd));
    rows.push(...projectReports(p, pace, year, 'month', todayText, rnd));
    rows.push(...projectReports(p, pace, year, 'week', todayText, rnd));
  }
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const saved = await db.insert(progressReports).values(batch).returning();
    await db.insert(reportVersions).values(
      saved.map(({ id, ...data }) => ({ reportId: id, version: data.version, action: 'submit', status: data.status, data, at: data.submittedAt ?? new Date(), userId: null })),
    );
  }
  return rows.length;
}

/** The reports of one project, kind and year whose deadline has passed by today. */
function projectReports(p: ReportSeedProject, pace: Pace, year: number, kind: PeriodKind, today: string, rnd: Random) {
  const plan = p.plans.get(year);
  if (!plan) return [];
  const out: (typeof progressReports.$inferInsert)[] = [];
  const periods = periodsBetween(kind, `${year}-01-01`, `${year}-12-31`).filter((x) => Number(x.end.slice(0, 4)) === year);
  let previous: { ytdYuan: number; sinceStartYuan: number } | null = null;
  const recent: number[] = [];
  for (const period of periods) {
    const deadline = deadlineOf(period);
    if (deadline.slice(0, 10) >= today) break;
    const lastWeek = kind === 'week' && deadlineOf({ ...period, start: addWeek(period.start) }).slice(0, 10) >= today;
    if (pace.sloppy && lastWeek && rnd.chance(0.6)) continue; // a missing report this week
    const ytdYuan = ytdAt(plan, pace, year, period.end);
    const sinceStartYuan = pace.priorYuan + ytdYuan;
    const periodYuan = ytdYuan - (previous?.ytdYuan ?? 0);
    const findings = checkReport({ ytdYuan, sinceStartYuan, periodYuan }, { totalInvestmentYuan: p.totalYuan, annualPlanYuan: plan, previous, recentYtd: recent.slice(0, 5) });
    const late = pace.sloppy && rnd.chance(0.3);
    out.push({
      projectId: p.id,
      periodKind: kind,
      periodStart: period.start,
      periodEnd: period.end,
      year,
      status: lastWeek ? 'submitted' : 'approved',
      version: lastWeek ? 2 : 3,
      periodYuan,
      ytdYuan,
      sinceStartYuan,
      paidYtdYuan: kind === 'month' ? Math.round((ytdYuan * (0.7 + rnd.next() * 0.25)) / WAN) * WAN : null,
      physicalProgress: progressText(ytdYuan / plan, rnd),
      problems: '',
      milestones: [],
      findings,
      submittedAt: submittedAt(period, late),
      reviewedAt: lastWeek ? null : submittedAt(period, true),
      createdAt: submittedAt(period, false),
      updatedAt: submittedAt(period, late),
    });
    previous = { ytdYuan, sinceStartYuan };
    recent.unshift(ytdYuan);
  }
  return out;
}

/** 本年累计 at a date: the plan times the project's pace along the time curve, in whole 万元. */
function ytdAt(plan: number, pace: Pace, year: number, date: string): number {
  const at = pace.stallFrom && date > pace.stallFrom ? pace.stallFrom : date;
  const share = pace.finish * timeProgress(at, year);
  return Math.floor((plan * share) / WAN) * WAN;
}

function submittedAt(period: Period, late: boolean): Date {
  const deadline = deadlineOf(period); // Beijing local
  const local = late ? `${addDays(deadline.slice(0, 10), 1)}T10:30` : `${deadline.slice(0, 10)}T10:00`;
  return new Date(`${local}:00+08:00`);
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const addWeek = (d: string) => addDays(d, 7);

function progressText(share: number, rnd: Random): string {
  const stage = share < 0.2 ? ['场地平整完成', '桩基施工中', '临建设施搭建完成'] : share < 0.6 ? ['主体结构施工至第', '钢结构吊装完成', '设备基础浇筑完成'] : ['主体封顶，二次结构施工中', '设备安装调试中', '室外配套工程施工中'];
  const s = rnd.pick(stage);
  return s.endsWith('第') ? `${s}${rnd.int(2, 18)}层` : s;
}

/** Publishes the boards of the last `weeks` finished weeks, oldest first, so movers show. */
export async function seedBoards(db: Db, office: { id: string; username: string; displayName: string }, today: Date, weeks: number): Promise<void> {
  const user = { ...office, role: 'office' as const, orgId: null, orgName: null, regionCode: null, personId: null };
  let week = previousPeriod(periodOf('week', beijingLocal(today).slice(0, 10)));
  const list: Period[] = [];
  for (let i = 0; i < weeks; i++, week = previousPeriod(week)) list.unshift(week);
  for (const w of list) await publishBoard(db, user, w.start, null);
}
