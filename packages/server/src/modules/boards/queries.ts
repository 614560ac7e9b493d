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

/**
 * A published board never changes (a correction is a new board), so each instance keeps the
 * frozen part of the last boards it served: the board row and its entries, with the entries
 * already serialised and encoded (UTF-8 of ~1 MB of mostly Chinese text took 11 ms a request
 * when a string was sent). Safe across instances: nothing here can go stale.
 */
interface Frozen {
  board: ReturnType<typeof presentBoard>;
  entries: Omit<typeof boardEntries.$inferSelect, 'boardId'>[];
  /** `,"entries":[…]}` as UTF-8: the tail of getBoardJson's answer. */
  entriesTail: Buffer;
  distribution: Record<Grade | 'none', number>;
  groups: Map<BoardGroup, Awaited<ReturnType<typeof groupRows>>>;
}
const FROZEN_LIMIT = 16;
const frozen = new Map<string, Frozen>();

async function frozenBoard(db: Db, id: string): Promise<Frozen> {
  const hit = frozen.get(id);
  if (hit) {
    frozen.delete(id); // most recently used last
    frozen.set(id, hit);
    return hit;
  }
  const [board] = await db.select().from(boards).where(eq(boards.id, id));
  if (!board) throw notFound('榜单');
  const rows = await db.select().from(boardEntries).where(eq(boardEntries.boardId, id)).orderBy(asc(boardEntries.rank), asc(boardEntries.projectName));
  const entries = rows.map(({ boardId: _b, ...e }) => e);
  const value: Frozen = { board: presentBoard(board), entries, entriesTail: Buffer.from(`,"entries":${JSON.stringify(entries)}}`), distribution: gradeDistribution(entries.map((e) => e.grade as Grade | null)), groups: new Map() };
  frozen.set(id, value);
  if (frozen.size > FROZEN_LIMIT) frozen.delete(frozen.keys().next().value!);
  return value;
}

/** What changes around a frozen board: the versions of its week (a correction adds one) and the city's name. */
async function boardSurroundings(db: Db, weekStart: string) {
  const [versions, [city]] = await Promise.all([
    db.select({ id: boards.id, version: boards.version }).from(boards).where(eq(boards.weekStart, weekStart)).orderBy(asc(boards.version)),
    db.select({ name: regions.name }).from(regions).where(eq(regions.kind, 'city')).limit(1),
  ]);
  return { cityName: city?.name ?? '', versions };
}

export async function getBoard(db: Db, id: string) {
  const f = await frozenBoard(db, id);
  const { cityName, versions } = await boardSurroundings(db, f.board.weekStart);
  return { cityName, board: f.board, versions, distribution: f.distribution, entries: f.entries };
}

/** getBoard() as JSON text, the entries spliced in already serialised (what the public page reads). */
export async function getBoardJson(db: Db, id: string): Promise<Buffer> {
  const f = await frozenBoard(db, id);
  const { cityName, versions } = await boardSurroundings(db, f.board.weekStart);
  const head = JSON.stringify({ cityName, board: f.board, versions, distribution: f.distribution });
  return Buffer.concat([Buffer.from(head.slice(0, -1)), f.entriesTail]);
}

export const BOARD_GROUPS = ['region', 'park', 'hq'] as const;
export type BoardGroup = (typeof BOARD_GROUPS)[number];

/** Units ranked by completion (sum over sum); the top carries the red flag (流动红旗), the bottom a warning. */
export async function boardByGroup(db: Db, id: string, groupBy: BoardGroup) {
  const f = await frozenBoard(db, id);
  const cached = f.groups.get(groupBy);
  if (cached) return cached;
  const result = groupRows(f.board, f.entries, groupBy);
  f.groups.set(groupBy, result);
  return result;
}

function groupRows(board: Frozen['board'], entries: Frozen['entries'], groupBy: BoardGroup) {
  const keyOf = (e: (typeof entries)[number]) => (groupBy === 'region' ? e.regionName : groupBy === 'park' ? (e.parkName ?? '（园区外）') : (e.hqName ?? '（未分指挥部）'));
  const groups = new Map<string, typeof entries>();
  for (const e of entries) {
    const list = groups.get(keyOf(e));
    if (list) list.push(e);
    else groups.set(keyOf(e), [e]);
  }
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
