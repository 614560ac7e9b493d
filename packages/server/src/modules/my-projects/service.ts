/**
 * "My projects" (我的项目): a leader's linked projects (联点项目), or an HQ's, a region's, an
 * owner's, with each project's gap to time progress, its latest published grade and its open
 * problems, so the leader sees at a glance where to push.
 */
import { completionRate, gapPoints, GRADE_LABELS, timeProgress, toPercent, type Colour, type Grade } from '@pacer/domain';
import { and, count, desc, eq, inArray, isNull, lte, max, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { boardEntries, boards, problems, projects } from '../../db/schema.ts';
import type { UserContext } from '../auth/sessions.ts';
import { campaignOfYear } from '../campaigns/queries.ts';
import { overdueCondition } from '../problems/queries.ts';
import { projectFigures } from '../stats/service.ts';

export async function myProjects(db: Db, user: UserContext, year: number, asOf: string, today: string) {
  const campaign = await campaignOfYear(db, year);
  const progress = timeProgress(asOf, year, campaign.timeCurve);
  let figures = await projectFigures(db, user, year, asOf);
  if (user.role === 'leader') {
    const linked = user.personId ? await db.select({ id: projects.id }).from(projects).where(and(eq(projects.leaderPersonId, user.personId), isNull(projects.deletedAt))) : [];
    const ids = new Set(linked.map((l) => l.id));
    figures = figures.filter((f) => ids.has(f.id));
  }
  const ids = figures.map((f) => f.id);
  const open = ids.length
    ? await db.select({ projectId: problems.projectId, n: count(), level: max(problems.level) }).from(problems).where(and(inArray(problems.projectId, ids), ne(problems.state, 'closed'))).groupBy(problems.projectId)
    : [];
  const overdue = ids.length ? await db.select({ projectId: problems.projectId, n: count() }).from(problems).where(and(inArray(problems.projectId, ids), overdueCondition(today))).groupBy(problems.projectId) : [];
  const boardLines = await latestBoardLines(db, asOf, ids);
  const rows = figures.map((f) => {
    const rate = completionRate(f.ytdYuan, f.planYuan);
    const o = open.find((x) => x.projectId === f.id);
    const line = boardLines.get(f.id);
    return {
      id: f.id,
      name: f.name,
      regionName: f.regionName,
      hqName: f.hqName,
      leaderName: f.leaderName,
      planWan: f.planYuan === null ? null : f.planYuan / 10_000,
      ytdWan: f.ytdYuan / 10_000,
      completionRate: rate === null ? null : toPercent(rate),
      gapPoints: gapPoints(rate, progress),
      grade: line?.grade ? GRADE_LABELS[line.grade].zh : null,
      gradeKey: line?.grade ?? null,
      colour: line?.colour ?? null,
      openProblems: Number(o?.n ?? 0),
      overdueProblems: Number(overdue.find((x) => x.projectId === f.id)?.n ?? 0),
      highestLevel: o?.level ?? null,
    };
  });
  // Furthest behind first: that is where a leader's push is needed.
  rows.sort((a, b) => (a.gapPoints ?? Infinity) - (b.gapPoints ?? Infinity) || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    year,
    asOf,
    timeProgress: toPercent(progress),
    projects: rows,
    openProblems: rows.reduce((s, r) => s + r.openProblems, 0),
    overdueProblems: rows.reduce((s, r) => s + r.overdueProblems, 0),
  };
}

/** Grade and three-colour code (三色预警) on the latest board published by the date. */
async function latestBoardLines(db: Db, asOf: string, ids: string[]) {
  const [board] = await db.select({ id: boards.id }).from(boards).where(lte(boards.weekStart, asOf)).orderBy(desc(boards.weekStart), desc(boards.version)).limit(1);
  if (!board || !ids.length) return new Map<string, { grade: Grade | null; colour: Colour | null }>();
  const entries = await db.select({ projectId: boardEntries.projectId, grade: boardEntries.grade, colour: boardEntries.colour }).from(boardEntries).where(and(eq(boardEntries.boardId, board.id), inArray(boardEntries.projectId, ids)));
  return new Map(entries.map((e) => [e.projectId, { grade: e.grade as Grade | null, colour: e.colour as Colour | null }]));
}
