/**
 * Progress reports: this year's weekly and monthly reports and two prior years of monthly
 * reports, for every project under way, each project at its own pace (most near time
 * progress, some ahead, some stalled, a few late or missing) — the shape of seed/reports.ts
 * at scale. Generated as a stream, twice if need be (reports, then versions): same order, same ids.
 */
import { checkReport, deadlineOf, periodsBetween, timeProgress, type Period, type PeriodKind } from '@pacer/domain';
import { seededRandom, type Random } from '../../src/seed/random.ts';
import { idFactory } from './ids.ts';
import type { Project, World } from './world.ts';

export interface GenReport {
  id: string;
  projectId: string;
  kind: PeriodKind;
  start: string;
  end: string;
  year: number;
  status: 'submitted' | 'approved';
  version: number;
  periodYuan: number;
  ytdYuan: number;
  sinceStartYuan: number;
  paidYtdYuan: number | null;
  progress: string;
  findings: unknown[];
  submittedAt: Date;
  reviewedAt: Date | null;
  createdAt: Date;
}

const WAN = 10_000;

interface Pace {
  finish: number;
  stallFrom: string | null;
  priorYuan: number;
  sloppy: boolean;
}

/** Periods of a kind and year whose deadline passed before `today`, computed once. */
function duePeriods(kind: PeriodKind, year: number, today: string): (Period & { lastWeek: boolean })[] {
  const all = periodsBetween(kind, `${year}-01-01`, `${year}-12-31`).filter((p) => Number(p.end.slice(0, 4)) === year);
  const due = all.filter((p) => deadlineOf(p).slice(0, 10) < today);
  return due.map((p, i) => ({ ...p, lastWeek: kind === 'week' && i === due.length - 1 && (all[i + 1] === undefined || deadlineOf(all[i + 1]!).slice(0, 10) >= today) }));
}

export function* generateReports(world: World, seed: number): Generator<GenReport> {
  const id = idFactory(seed, 6);
  const { year, today } = world;
  const schedule: [number, PeriodKind][] = [
    [year - 2, 'month'],
    [year - 1, 'month'],
    [year, 'month'],
    [year, 'week'],
  ];
  const periods = new Map(schedule.map(([y, k]) => [`${y}/${k}`, duePeriods(k, y, today)]));
  for (const p of world.projects) {
    if (p.status === 'reserve' || p.status === 'preliminary') continue;
    const rnd = seededRandom(seed * 7919 + p.index * 31 + 17);
    const pace: Pace = {
      finish: 0.82 + rnd.next() * 0.5,
      stallFrom: rnd.chance(0.12) ? `${year}-${String(rnd.int(6, 10)).padStart(2, '0')}-01` : null,
      priorYuan: p.status === 'continuing' ? Math.round((p.totalYuan * (0.05 + rnd.next() * 0.15)) / WAN) * WAN : 0,
      sloppy: rnd.chance(0.15),
    };
    for (const [y, kind] of schedule) yield* projectReports(p, pace, y, kind, periods.get(`${y}/${kind}`)!, rnd, id);
  }
}

function* projectReports(p: Project, pace: Pace, year: number, kind: PeriodKind, periods: (Period & { lastWeek: boolean })[], rnd: Random, id: () => string): Generator<GenReport> {
  const plan = p.plans.get(year);
  if (!plan) return;
  let prior = pace.priorYuan;
  for (const [y, amount] of p.plans) if (y < year) prior += Math.floor((amount * Math.min(pace.finish, 1)) / WAN) * WAN;
  let previous: { ytdYuan: number; sinceStartYuan: number } | null = null;
  const recent: number[] = [];
  for (const period of periods) {
    if (pace.sloppy && period.lastWeek && rnd.chance(0.6)) continue; // a missing report this week
    const stalled = year === Number(pace.stallFrom?.slice(0, 4)) && period.end > pace.stallFrom! ? pace.stallFrom! : period.end;
    const ytdYuan = Math.floor((plan * pace.finish * timeProgress(stalled, year)) / WAN) * WAN;
    const sinceStartYuan = prior + ytdYuan;
    const periodYuan = ytdYuan - (previous?.ytdYuan ?? 0);
    const findings = checkReport({ ytdYuan, sinceStartYuan, periodYuan }, { totalInvestmentYuan: p.totalYuan, annualPlanYuan: plan, previous, recentYtd: recent.slice(0, 5) });
    const late = pace.sloppy && rnd.chance(0.3);
    const deadline = deadlineOf(period).slice(0, 10);
    yield {
      id: id(),
      projectId: p.id,
      kind,
      start: period.start,
      end: period.end,
      year,
      status: period.lastWeek ? 'submitted' : 'approved',
      version: period.lastWeek ? 2 : 3,
      periodYuan,
      ytdYuan,
      sinceStartYuan,
      paidYtdYuan: kind === 'month' ? Math.round((ytdYuan * (0.7 + rnd.next() * 0.25)) / WAN) * WAN : null,
      progress: progressText(ytdYuan / plan, rnd),
      findings,
      submittedAt: at(late ? addDays(deadline, 1) : deadline, late ? '10:30' : '10:00'),
      reviewedAt: period.lastWeek ? null : at(addDays(deadline, 1), '15:00'),
      createdAt: at(deadline, '09:00'),
    };
    previous = { ytdYuan, sinceStartYuan };
    recent.unshift(ytdYuan);
  }
}

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const STAGES = [
  ['场地平整完成', '桩基施工中', '临建设施搭建完成'],
  ['主体结构施工中', '钢结构吊装完成', '设备基础浇筑完成'],
  ['主体封顶，二次结构施工中', '设备安装调试中', '室外配套工程施工中'],
];

function progressText(share: number, rnd: Random): string {
  return rnd.pick(STAGES[share < 0.2 ? 0 : share < 0.6 ? 1 : 2]!);
}
