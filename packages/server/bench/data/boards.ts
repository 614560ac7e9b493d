/**
 * Published weekly boards (周晒榜) of the benchmark city for the last weeks, computed as the
 * board service computes a draft (figures as of the week's end, missing reports, overdue
 * milestones, domain grades and ranks) and loaded by COPY. One board per city and week, the
 * way docs/scaling.md plans boards at province scale. The monthly colour is left empty.
 */
import { buildBoard, maxOverdueDays, periodOf, previousPeriod, timeProgress, toPercent, type Period } from '@pacer/domain';
import { BENCH_CITY } from './geography.ts';
import { idFactory } from './ids.ts';
import { generateReports } from './reports.ts';
import type { World } from './world.ts';

export interface GenBoard {
  id: string;
  week: Period;
  timeProgress: number;
  publishedAt: Date;
  entries: Record<string, unknown>[];
}

export function generateBoards(world: World, seed: number, weeks: number): GenBoard[] {
  const { year, today } = world;
  const city = world.projects.filter((p) => p.prefecture === BENCH_CITY && p.status !== 'reserve');
  const reports = new Map<string, { kind: string; start: string; end: string; ytd: number; at: number }[]>();
  for (const r of generateReports({ ...world, projects: city }, seed)) {
    if (r.year !== year) continue;
    const list = reports.get(r.projectId) ?? [];
    list.push({ kind: r.kind, start: r.start, end: r.end, ytd: r.ytdYuan, at: r.submittedAt.getTime() });
    reports.set(r.projectId, list);
  }
  const list: Period[] = [];
  for (let w = previousPeriod(periodOf('week', today)), i = 0; i < weeks; i++, w = previousPeriod(w)) list.unshift(w);
  const boardId = idFactory(seed, 7);
  let lastRanks = new Map<string, number>();
  return list.map((week) => {
    const progress = timeProgress(week.end, year);
    const items = city.map((p) => {
      const own = reports.get(p.id) ?? [];
      const latest = own.filter((r) => r.end <= week.end).sort((a, b) => (a.end === b.end ? b.at - a.at : a.end < b.end ? 1 : -1))[0];
      return {
        p,
        projectId: p.id,
        planYuan: p.plans.get(year) ?? null,
        ytdYuan: latest?.ytd ?? 0,
        category: p.category,
        reportMissing: !own.some((r) => r.kind === 'week' && r.start === week.start),
        maxOverdueDays: maxOverdueDays(p.milestones, week.end),
      };
    });
    const lines = buildBoard(items, progress, undefined, lastRanks);
    lastRanks = new Map(lines.filter((l) => l.rank !== null).map((l) => [l.item.projectId, l.rank!]));
    const id = boardId();
    return {
      id,
      week,
      timeProgress: toPercent(progress),
      publishedAt: new Date(`${addDays(week.end, 1)}T10:00:00+08:00`),
      entries: lines.map((l) => ({
        board_id: id,
        project_id: l.item.projectId,
        project_name: l.item.p.name,
        region_code: l.item.p.regionCode,
        region_name: l.item.p.regionName,
        park_name: l.item.p.parkName,
        hq_name: l.item.p.hq.name,
        owner_name: l.item.p.owner.name,
        category: l.item.p.category,
        levels: l.item.p.levels,
        plan_yuan: l.item.planYuan,
        ytd_yuan: l.item.ytdYuan,
        completion_rate: l.completionRate,
        gap_points: l.gapPoints,
        suggested_grade: l.suggestedGrade,
        grade: l.suggestedGrade,
        grade_reason: l.suggestedReason,
        rank: l.rank,
        peer_rank: l.peerRank,
        movement: l.movement,
        report_missing: l.item.reportMissing,
        max_overdue_days: l.item.maxOverdueDays,
        colour: null,
      })),
    };
  });
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
