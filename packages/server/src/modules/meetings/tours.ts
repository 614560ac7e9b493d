/**
 * 现场观摩: the projects a tour visited and the observers' scores, rolled into a ranking by
 * project (trimmed average) and by region (average of its projects' averages).
 */
import { rankAverages, tourRanking, type scoreInput, type visitsInput } from '@pacer/domain';
import { and, eq, gte, inArray, lte, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Exec } from '../../db/exec.ts';
import { meetings, meetingScores, meetingVisits, projects, regions } from '../../db/schema.ts';
import { conflict, fieldError, forbidden } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { meetingReadScope, visibleMeeting } from './scope.ts';
import { audit, lockMeeting } from './service.ts';

export const RANKING_GROUPS = ['project', 'region'] as const;
export type RankingGroup = (typeof RANKING_GROUPS)[number];

async function tour(tx: Exec, user: UserContext, id: string) {
  const { m } = await visibleMeeting(tx, user, id);
  if (m.kind !== 'tour') throw conflict('只有现场观摩可以记录观摩点和打分');
  return m;
}

/** Replaces the visited projects; scores of projects no longer visited go with them. */
export async function setVisits(db: Db, user: UserContext, id: string, body: z.output<typeof visitsInput>, now: Date) {
  await tour(db, user, id);
  const ids = body.visits.map((v) => v.projectId);
  if (new Set(ids).size !== ids.length) throw fieldError(['visits'], '同一项目不能重复列为观摩点');
  if (ids.length && (await db.select({ id: projects.id }).from(projects).where(inArray(projects.id, ids))).length !== ids.length) throw fieldError(['visits'], '观摩点中有不存在的项目');
  await db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, id, body.version);
    await tx.delete(meetingVisits).where(eq(meetingVisits.meetingId, id));
    if (ids.length) await tx.insert(meetingVisits).values(body.visits.map((v, i) => ({ meetingId: id, projectId: v.projectId, note: v.note, sort: i + 1 })));
    await tx.delete(meetingScores).where(and(eq(meetingScores.meetingId, id), ids.length ? notInArray(meetingScores.projectId, ids) : undefined));
    await tx.update(meetings).set({ version: meeting.version + 1, updatedAt: now }).where(eq(meetings.id, id));
    await audit(tx, user, 'visits', id, { projects: ids.length }, now);
  });
}

/** One observer's score for one visited project; scoring again replaces it. */
export async function setScore(db: Db, user: UserContext, id: string, input: z.output<typeof scoreInput>, now: Date) {
  await tour(db, user, id);
  const [visit] = await db.select().from(meetingVisits).where(and(eq(meetingVisits.meetingId, id), eq(meetingVisits.projectId, input.projectId)));
  if (!visit) throw fieldError(['projectId'], '该项目不是本次观摩的观摩点');
  // Observers score as themselves; only the office enters score sheets for others.
  if (input.observer && input.observer !== user.displayName && user.role !== 'office') throw forbidden('只能以本人名义打分');
  const observer = input.observer ?? user.displayName;
  const values = { score: input.score, comment: input.comment, enteredBy: user.id, enteredAt: now };
  await db
    .insert(meetingScores)
    .values({ meetingId: id, projectId: input.projectId, observer, ...values })
    .onConflictDoUpdate({ target: [meetingScores.meetingId, meetingScores.projectId, meetingScores.observer], set: values });
}

/** Project averages over the given tours, ranked. */
export async function projectScores(db: Exec, meetingIds: string[]) {
  if (!meetingIds.length) return [];
  const rows = await db
    .select({ projectId: meetingScores.projectId, observer: meetingScores.observer, meetingId: meetingScores.meetingId, score: meetingScores.score, name: projects.name, regionName: regions.name })
    .from(meetingScores)
    .innerJoin(projects, eq(projects.id, meetingScores.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(inArray(meetingScores.meetingId, meetingIds));
  const regionOf = new Map(rows.map((r) => [r.projectId, r.regionName]));
  return tourRanking(rows.map((r) => ({ key: r.projectId, name: r.name, observer: `${r.meetingId}/${r.observer}`, score: r.score }))).map((r) => ({ ...r, regionName: regionOf.get(r.key)! }));
}

export async function ranking(db: Exec, meetingIds: string[], groupBy: RankingGroup) {
  const byProject = await projectScores(db, meetingIds);
  if (groupBy === 'project') return byProject.map((p) => ({ key: p.key, name: p.name, regionName: p.regionName, scores: p.scores, average: p.average, rank: p.rank }));
  const regions = new Map<string, number[]>();
  for (const p of byProject) regions.set(p.regionName, [...(regions.get(p.regionName) ?? []), p.average]);
  const averaged = [...regions].map(([name, list]) => ({ key: name, name, regionName: name, scores: list.length, average: Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 100) / 100 }));
  return rankAverages(averaged);
}

/** The year's tours the user may read: the year's ranking is of those alone. */
export async function toursOfYear(db: Exec, user: UserContext, year: number): Promise<string[]> {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.kind, 'tour'), gte(meetings.heldOn, `${year}-01-01`), lte(meetings.heldOn, `${year}-12-31`), meetingReadScope(user)));
  return rows.map((r) => r.id);
}
