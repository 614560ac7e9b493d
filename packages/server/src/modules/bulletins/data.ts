/**
 * What a bulletin says, assembled once and rendered to Word, Excel and the print page:
 * title, date, summary written from the data, tables by region and by project, red/yellow lists.
 */
import {
  beijingLocal,
  doubleHalfSentence,
  GRADE_LABELS,
  gapPoints,
  periodLabel,
  periodOf,
  PROJECT_CATEGORIES,
  summarySentence,
  toPercent,
  completionRate,
  listNames,
  problemSentence,
  type Grade,
  type ProblemFigures,
  type Period,
} from '@pacer/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { boardEntries, boards, regions } from '../../db/schema.ts';
import { boardInputs } from '../boards/inputs.ts';
import { computeStats, type StatsRow } from '../stats/service.ts';
import { groupProblemFigures, problemFacts, type ProblemStatsRow } from '../problems/stats.ts';

export const BULLETIN_KINDS = ['week', 'month', 'quarter'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

export interface BulletinProject {
  name: string;
  regionName: string;
  category: string;
  planWan: number | null;
  ytdWan: number;
  completionRate: number | null;
  gapPoints: number | null;
  grade: string | null;
  colour: 'green' | 'yellow' | 'red' | null;
}

export interface BulletinData {
  kind: BulletinKind;
  title: string;
  cityName: string;
  periodText: string;
  asOf: string;
  issuedOn: string;
  summary: string[];
  byRegion: StatsRow[];
  byCategory: StatsRow[];
  total: StatsRow;
  projects: BulletinProject[];
  red: BulletinProject[];
  yellow: BulletinProject[];
  /** Whether grades come from a published board. */
  gradesPublished: boolean;
  /** 问题交办办理情况, the year to the date, by lead department. */
  problems: { sentence: string; total: ProblemFigures; byDepartment: ProblemStatsRow[] };
}

export function bulletinPeriod(kind: BulletinKind, date: string): Period & { label: string } {
  if (kind !== 'quarter') {
    const p = periodOf(kind, date);
    return { ...p, label: periodLabel(p) };
  }
  const year = date.slice(0, 4);
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const end = periodOf('month', `${year}-${String(q * 3 + 3).padStart(2, '0')}-01`).end;
  return { kind: 'month', start, end, label: `${year}年第${q + 1}季度` };
}

export async function bulletinData(db: Db, kind: BulletinKind, date: string, now = new Date()): Promise<BulletinData> {
  const today = beijingLocal(now).slice(0, 10);
  const period = bulletinPeriod(kind, date);
  const asOf = period.end < today ? period.end : today;
  const year = Number(asOf.slice(0, 4));
  const [city] = await db.select({ name: regions.name }).from(regions).where(eq(regions.kind, 'city')).limit(1);
  const cityName = city?.name ?? '';
  // The queries do not depend on one another: at province scale the per-project inputs take
  // seconds, and the sums, grades and problems are read meanwhile on other connections.
  const [byRegion, byCategory, inputs, grades, facts] = await Promise.all([
    computeStats(db, null, { year, asOf, groupBy: 'region' }),
    computeStats(db, null, { year, asOf, groupBy: 'category' }),
    boardInputs(db, { kind: 'week', start: periodOf('week', asOf).start, end: asOf }),
    kind === 'week' ? publishedGrades(db, period.start) : null,
    problemFacts(db, null, `${year}-01-01`, asOf),
  ]);
  const projects: BulletinProject[] = inputs.projects.map((p) => {
    const rate = completionRate(p.ytdYuan, p.planYuan);
    return {
      name: p.name,
      regionName: p.regionName,
      category: PROJECT_CATEGORIES.label(p.category),
      planWan: p.planYuan === null ? null : p.planYuan / 10_000,
      ytdWan: p.ytdYuan / 10_000,
      completionRate: rate === null ? null : toPercent(rate),
      gapPoints: gapPoints(rate, inputs.progress),
      grade: grades?.get(p.projectId) ?? null,
      colour: p.colour,
    };
  });
  projects.sort((a, b) => (b.completionRate ?? -1) - (a.completionRate ?? -1));
  const total = byRegion.total;
  const ahead = byRegion.rows.filter((r) => (r.gapPoints ?? -1) >= 0).map((r) => r.group);
  const summary = [
    summarySentence({ asOf, scopeName: '全市', projects: total.projects, ytdYuan: Math.round(total.ytdWan * 10_000), completionRate: total.completionRate, timeProgress: total.timeProgress, gapPoints: total.gapPoints }),
    doubleHalfSentence(total.completionRate, total.timeProgress, asOf),
    ahead.length ? `${listNames(ahead)}快于时序进度。` : '各县市区均慢于时序进度，需加快推进。',
    `红色预警项目${projects.filter((p) => p.colour === 'red').length}个，黄色预警项目${projects.filter((p) => p.colour === 'yellow').length}个。`,
  ].filter((s): s is string => s !== null);
  const problemGroups = groupProblemFigures(facts, 'department', asOf);
  const titles: Record<BulletinKind, string> = {
    week: `${cityName}重点项目建设周晒榜`,
    month: `${cityName}重点项目建设情况通报`,
    quarter: `${cityName}重点项目建设季度通报`,
  };
  return {
    kind,
    title: titles[kind],
    cityName,
    periodText: period.label,
    asOf,
    issuedOn: today,
    summary,
    byRegion: byRegion.rows,
    byCategory: byCategory.rows,
    total,
    projects,
    red: projects.filter((p) => p.colour === 'red'),
    yellow: projects.filter((p) => p.colour === 'yellow'),
    gradesPublished: grades !== null,
    problems: { sentence: problemSentence(problemGroups.total), total: problemGroups.total, byDepartment: problemGroups.rows.filter((r) => r.assigned > 0) },
  };
}

/** Grades of the latest published version of the week, or null when none was published. */
async function publishedGrades(db: Db, weekStart: string): Promise<Map<string, string> | null> {
  const [board] = await db.select().from(boards).where(and(eq(boards.weekStart, weekStart))).orderBy(desc(boards.version)).limit(1);
  if (!board) return null;
  const entries = await db.select({ projectId: boardEntries.projectId, grade: boardEntries.grade }).from(boardEntries).where(eq(boardEntries.boardId, board.id));
  return new Map(entries.map((e) => [e.projectId, e.grade ? GRADE_LABELS[e.grade as Grade].zh : '未评定']));
}
