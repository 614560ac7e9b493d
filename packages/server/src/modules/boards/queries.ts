/** Published boards: the list, one board by project, and by region / park / HQ with red flags. */
import { gapPoints, gradeDistribution, groupFigures, rankByCompletion, toPercent, yuanToWan, type Grade } from '@pacer/domain';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { boardEntries, boards, regions } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';

export async function listBoards(db: Db, limit = 60) {
  const rows = await db.select().from(boards).orderBy(desc(boards.weekStart), desc(boards.version)).limit(limit);
  return rows.map(presentBoard);
}

function presentBoard(b: typeof boards.$inferSelect) {
  return {
    id: b.id,
    year: b.year,
    weekStart: b.weekStart,
    weekEnd: b.weekEnd,
    version: b.version,
    timeProgress: b.timeProgress,
    changeNote: b.changeNote,
    changes: b.changes as { projectId: string; projectName: string; what: string }[],
    publishedAt: b.publishedAt.toISOString(),
  };
}

export async function getBoard(db: Db, id: string) {
  const [board] = await db.select().from(boards).where(eq(boards.id, id));
  if (!board) throw notFound('榜单');
  const entries = await db.select().from(boardEntries).where(eq(boardEntries.boardId, id)).orderBy(asc(boardEntries.rank), asc(boardEntries.projectName));
  const versions = await db.select({ id: boards.id, version: boards.version }).from(boards).where(eq(boards.weekStart, board.weekStart)).orderBy(asc(boards.version));
  const [city] = await db.select({ name: regions.name }).from(regions).where(eq(regions.kind, 'city')).limit(1);
  return {
    cityName: city?.name ?? '',
    board: presentBoard(board),
    versions,
    distribution: gradeDistribution(entries.map((e) => e.grade as Grade | null)),
    entries: entries.map(({ boardId: _b, ...e }) => e),
  };
}

export const BOARD_GROUPS = ['region', 'park', 'hq'] as const;
export type BoardGroup = (typeof BOARD_GROUPS)[number];

/** Units ranked by completion (sum over sum); the top carries the red flag (流动红旗), the bottom a warning. */
export async function boardByGroup(db: Db, id: string, groupBy: BoardGroup) {
  const { board, entries } = await getBoard(db, id);
  const keyOf = (e: (typeof entries)[number]) => (groupBy === 'region' ? e.regionName : groupBy === 'park' ? (e.parkName ?? '（园区外）') : (e.hqName ?? '（未分指挥部）'));
  const groups = new Map<string, typeof entries>();
  for (const e of entries) groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), e]);
  const rows = [...groups].map(([group, list]) => {
    const g = groupFigures(list.map((e) => ({ planYuan: e.planYuan, ytdYuan: e.ytdYuan })));
    return {
      group,
      projects: g.projects,
      planWan: yuanToWan(g.planYuan),
      ytdWan: yuanToWan(g.ytdYuan),
      completionRate: g.completionRate,
      ytdYuan: g.ytdYuan,
      distribution: gradeDistribution(list.map((e) => e.grade as Grade | null)),
    };
  });
  const ranked = rankByCompletion(rows);
  const rankedCount = ranked.filter((r) => r.rank !== null).length;
  const worst = Math.max(...ranked.map((r) => r.rank ?? 0));
  return {
    board,
    groupBy,
    rows: ranked.map(({ ytdYuan: _y, ...r }) => ({
      ...r,
      completionRate: r.completionRate === null ? null : toPercent(r.completionRate),
      gapPoints: gapPoints(r.completionRate, board.timeProgress / 100),
      redFlag: r.rank === 1 && rankedCount > 1,
      warning: r.rank === worst && rankedCount > 1 && r.rank !== 1,
    })),
  };
}
