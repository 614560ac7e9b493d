/**
 * 周晒榜 workflow: the draft is computed live from the data with suggested grades; the office
 * adjusts grades with written reasons and publishes. A published board never changes; a
 * correction publishes the next version of the same week, saying what changed.
 */
import { buildBoard, GRADE_LABELS, periodOf, toPercent, type BoardLine, type Grade, type Period } from '@pacer/domain';
import { and, desc, eq, max, sql } from 'drizzle-orm';
import { queryArrays, type Db } from '../../db/client.ts';
import { boardAdjustments, boardEntries, boards } from '../../db/schema.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { boardInputs, type BoardInputs, type BoardProject } from './inputs.ts';

/** `now` decides whether this week's reports are due yet (see boardInputs; `deadline` says when they are). */
export async function draftBoard(db: Db, weekDate: string, now = new Date()) {
  const week = periodOf('week', weekDate);
  const { inputs, previous, office } = await draftParts(db, week, now);
  return assembleDraft(week, inputs, previous.ranks, office);
}

/** What a draft is assembled from, read side by side. */
export async function draftParts(db: Db, week: Period, now: Date) {
  const [inputs, previous, office] = await Promise.all([boardInputs(db, week, now), previousWeekBoard(db, week.start), officeWork(db, week.start)]);
  return { inputs, previous, office };
}

/** What the office has done with the week's board: grades adjusted, versions published. */
export interface OfficeWork {
  adjustments: (typeof boardAdjustments.$inferSelect)[];
  publishedVersion: number | null;
}

export async function officeWork(db: Db, weekStart: string): Promise<OfficeWork> {
  const [adjustments, [latest]] = await Promise.all([
    db.select().from(boardAdjustments).where(eq(boardAdjustments.weekStart, weekStart)),
    db.select({ version: max(boards.version) }).from(boards).where(eq(boards.weekStart, weekStart)),
  ]);
  return { adjustments, publishedVersion: latest?.version ?? null };
}

/** The draft from its inputs: ranked, graded, the office's adjustments applied. */
export function assembleDraft(week: Period, inputs: BoardInputs, lastRanks: ReadonlyMap<string, number>, office: OfficeWork) {
  const { year, campaign, progress, deadline, projects } = inputs;
  const adjustmentOf = new Map(office.adjustments.map((a) => [a.projectId, a]));
  const lines = buildBoard(projects, progress, campaign.gradingRules, lastRanks).map((line) => draftLine(line, adjustmentOf.get(line.item.projectId)));
  return { week, year, timeProgress: toPercent(progress), publishedVersion: office.publishedVersion, deadline, lines };
}

/** A board line with the grade given: the office's adjustment when there is one, else the suggestion. */
function draftLine(line: BoardLine<BoardProject>, adj: typeof boardAdjustments.$inferSelect | undefined) {
  return {
    item: line.item,
    completionRate: line.completionRate,
    gapPoints: line.gapPoints,
    suggestedGrade: line.suggestedGrade,
    suggestedReason: line.suggestedReason,
    rank: line.rank,
    peerRank: line.peerRank,
    movement: line.movement,
    grade: (adj?.grade as Grade | undefined) ?? line.suggestedGrade,
    gradeReason: adj ? `调整：${adj.reason}` : line.suggestedReason,
    adjusted: !!adj,
  };
}

type Draft = Awaited<ReturnType<typeof draftBoard>>;

/**
 * The draft as the office's page reads it: each line's project cut to what the page shows (the
 * full figures stay inside for publishing), every object written out field by field (spreading
 * took V8's slow path). City: 1.22 → 0.94 MB.
 */
export function presentDraft(draft: Draft) {
  return { ...presentHead(draft), lines: draft.lines.map(presentLine) };
}

/** presentDraft() but the lines. */
export function presentHead(draft: Draft) {
  return { week: draft.week, year: draft.year, timeProgress: draft.timeProgress, publishedVersion: draft.publishedVersion };
}

export type DraftLine = Draft['lines'][number];

export function presentLine(l: DraftLine) {
  return {
    completionRate: l.completionRate,
    gapPoints: l.gapPoints,
    suggestedGrade: l.suggestedGrade,
    suggestedReason: l.suggestedReason,
    rank: l.rank,
    peerRank: l.peerRank,
    movement: l.movement,
    grade: l.grade,
    gradeReason: l.gradeReason,
    adjusted: l.adjusted,
    item: draftItem(l.item),
  };
}

/** Whether two lines present the same: the same project inputs (the same object) and the same grading. */
export function samePresentedLine(a: DraftLine, b: DraftLine): boolean {
  return (
    a.item === b.item &&
    a.completionRate === b.completionRate &&
    a.gapPoints === b.gapPoints &&
    a.suggestedGrade === b.suggestedGrade &&
    a.suggestedReason === b.suggestedReason &&
    a.rank === b.rank &&
    a.peerRank === b.peerRank &&
    a.movement === b.movement &&
    a.grade === b.grade &&
    a.gradeReason === b.gradeReason &&
    a.adjusted === b.adjusted
  );
}

function draftItem(p: BoardProject) {
  return {
    projectId: p.projectId,
    name: p.name,
    regionName: p.regionName,
    category: p.category,
    planYuan: p.planYuan,
    ytdYuan: p.ytdYuan,
    reportMissing: p.reportMissing,
    maxOverdueDays: p.maxOverdueDays,
    colour: p.colour,
  };
}

export async function adjustGrade(db: Db, user: UserContext, weekDate: string, projectId: string, grade: Grade | null, reason: string) {
  const week = periodOf('week', weekDate);
  if (grade === null) {
    await db.delete(boardAdjustments).where(and(eq(boardAdjustments.weekStart, week.start), eq(boardAdjustments.projectId, projectId)));
    return;
  }
  if (!reason.trim()) throw fieldError(['reason'], '调整等次须写明理由');
  const draft = await draftBoard(db, weekDate);
  if (!draft.lines.some((l) => l.item.projectId === projectId)) throw notFound('榜单中的项目');
  await db
    .insert(boardAdjustments)
    .values({ weekStart: week.start, projectId, grade, reason: reason.trim(), userId: user.id })
    .onConflictDoUpdate({ target: [boardAdjustments.weekStart, boardAdjustments.projectId], set: { grade, reason: reason.trim(), userId: user.id, at: new Date() } });
}

/** Freezes the draft as the next version of the week; a correction must say why. */
export async function publishBoard(db: Db, user: UserContext, weekDate: string, note: string | null) {
  const draft = await draftBoard(db, weekDate);
  return db.transaction(async (tx) => {
    const [latest] = await tx.select().from(boards).where(eq(boards.weekStart, draft.week.start)).orderBy(desc(boards.version)).limit(1).for('update');
    const version = (latest?.version ?? 0) + 1;
    const previous = latest ? await tx.select().from(boardEntries).where(eq(boardEntries.boardId, latest.id)) : [];
    const changes = latest ? diffLines(previous, draft.lines) : [];
    if (latest && !note?.trim()) throw fieldError(['note'], `本周榜单已发布第 ${latest.version} 版，发布更正版须写明更正说明`);
    if (latest && changes.length === 0) throw conflict('与已发布版本相比没有变化，无需重新发布');
    const [board] = await tx
      .insert(boards)
      .values({ year: draft.year, weekStart: draft.week.start, weekEnd: draft.week.end, version, timeProgress: draft.timeProgress, changeNote: note?.trim() || null, changes, publishedBy: user.id })
      .returning();
    const rows = draft.lines.map((l) => ({
      boardId: board!.id,
      projectId: l.item.projectId,
      projectName: l.item.name,
      regionCode: l.item.regionCode,
      regionName: l.item.regionName,
      parkName: l.item.parkName,
      hqName: l.item.hqName,
      ownerName: l.item.ownerName,
      category: l.item.category,
      levels: l.item.levels,
      planYuan: l.item.planYuan,
      ytdYuan: l.item.ytdYuan,
      completionRate: l.completionRate,
      gapPoints: l.gapPoints,
      suggestedGrade: l.suggestedGrade,
      grade: l.grade,
      gradeReason: l.gradeReason,
      rank: l.rank,
      peerRank: l.peerRank,
      movement: l.movement,
      reportMissing: l.item.reportMissing,
      maxOverdueDays: l.item.maxOverdueDays,
      colour: l.item.colour,
    }));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(boardEntries).values(rows.slice(i, i + 500));
    return board!;
  });
}

/** What a correction changed: grades and completion rates, project by project. */
function diffLines(previous: (typeof boardEntries.$inferSelect)[], lines: DraftLine[]) {
  const before = new Map(previous.map((p) => [p.projectId, p]));
  const changes: { projectId: string; projectName: string; what: string }[] = [];
  for (const l of lines) {
    const p = before.get(l.item.projectId);
    if (!p) {
      changes.push({ projectId: l.item.projectId, projectName: l.item.name, what: '新增上榜' });
      continue;
    }
    if (p.grade !== l.grade) changes.push({ projectId: p.projectId, projectName: p.projectName, what: `等次 ${label(p.grade)} → ${label(l.grade)}` });
    if (p.completionRate !== l.completionRate) changes.push({ projectId: p.projectId, projectName: p.projectName, what: `完成率 ${p.completionRate ?? '—'}% → ${l.completionRate ?? '—'}%` });
  }
  return changes;
}

const label = (g: string | null) => (g ? GRADE_LABELS[g as Grade].zh : '未评定');

/** The latest board published before a week: its id, and its ranks for movers (none published: null and no ranks). */
export interface PreviousBoard {
  id: string | null;
  ranks: Map<string, number>;
}

/** The latest board published before the week starting `weekStart` (null: none), as a statement. */
const previousBoardId = (weekStart: string) => sql`(${selectPreviousBoard(weekStart)})`;
const selectPreviousBoard = (weekStart: string) =>
  sql`select id from boards where week_start < ${weekStart}::date order by week_start desc, version desc limit 1`;

export async function previousBoardIdOf(db: Db, weekStart: string): Promise<string | null> {
  const [row] = await queryArrays(db, selectPreviousBoard(weekStart));
  return row ? String(row[0]) : null;
}

export async function previousWeekBoard(db: Db, weekStart: string): Promise<PreviousBoard> {
  // Read as arrays: drizzle's select would map each of a city's 1,875 entries to an object first.
  const rows = await queryArrays(db, sql`select ${previousBoardId(weekStart)}, e.project_id, e.rank from (select 1) one
    left join board_entries e on e.board_id = ${previousBoardId(weekStart)} and e.rank is not null`);
  const ranks = new Map<string, number>();
  for (const [, projectId, rank] of rows) if (projectId !== null) ranks.set(String(projectId), Number(rank));
  return { id: rows[0]?.[0] == null ? null : String(rows[0][0]), ranks };
}
