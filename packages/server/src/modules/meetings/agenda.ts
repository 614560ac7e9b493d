/**
 * What a meeting's agenda is proposed from (议程建议): every project's gap to time progress on
 * the meeting day, overdue problems, last week's missing reports, the chair's linked projects.
 */
import { completionRate, gapPoints, periodLabel, periodOf, previousPeriod, proposeAgenda, timeProgress, type AgendaItem, type AgendaSource, type MeetingKind } from '@pacer/domain';
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, problems, projects } from '../../db/schema.ts';
import { SYSTEM_USER } from '../auth/system-user.ts';
import { campaignOfYear } from '../campaigns/queries.ts';
import { overdueCondition } from '../problems/queries.ts';
import { periodReports } from '../reports/queries.ts';
import { projectFigures } from '../stats/service.ts';

export async function agendaSource(db: Db, heldOn: string, chairPersonId: string | null): Promise<AgendaSource> {
  const year = Number(heldOn.slice(0, 4));
  const campaign = await campaignOfYear(db, year);
  const progress = timeProgress(heldOn, year, campaign.timeCurve);
  const figures = await projectFigures(db, null, year, heldOn);
  const chaired = chairPersonId ? await db.select({ id: projects.id }).from(projects).where(and(eq(projects.leaderPersonId, chairPersonId), isNull(projects.deletedAt))) : [];
  const chairIds = new Set(chaired.map((c) => c.id));
  const open = await db.select({ projectId: problems.projectId, n: count() }).from(problems).where(ne(problems.state, 'closed')).groupBy(problems.projectId);
  const openOf = new Map(open.map((o) => [o.projectId, Number(o.n)]));
  const overdue = await db
    .select({ p: problems, projectName: projects.name, leadName: organisations.name })
    .from(problems)
    .leftJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(organisations, eq(organisations.id, problems.leadOrgId))
    .where(overdueCondition(heldOn));
  const lastWeek = previousPeriod(periodOf('week', heldOn));
  const { rows } = await periodReports(db, SYSTEM_USER, 'week', lastWeek.start);
  return {
    projects: figures.map((f) => ({
      projectId: f.id,
      name: f.name,
      regionName: f.regionName,
      gapPoints: gapPoints(completionRate(f.ytdYuan, f.planYuan), progress),
      chairLinked: chairIds.has(f.id),
      openProblems: openOf.get(f.id) ?? 0,
    })),
    overdueProblems: overdue.map(({ p, projectName, leadName }) => ({ problemId: p.id, number: p.number, title: p.title, type: p.type as never, projectName, leadName, deadline: p.deadline!, level: p.level })),
    missingReports: rows.filter((r) => r.state !== 'submitted' && r.state !== 'approved').map((r) => ({ projectId: r.projectId, name: r.projectName, ownerName: r.ownerName })),
    missingPeriod: periodLabel(lastWeek),
  };
}

export async function proposedAgenda(db: Db, kind: MeetingKind, heldOn: string, chairPersonId: string | null, gapThreshold: number): Promise<AgendaItem[]> {
  return proposeAgenda(kind, await agendaSource(db, heldOn, chairPersonId), gapThreshold);
}
