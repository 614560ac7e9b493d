/**
 * 竞赛项目: which library projects a campaign runs, and their competition tracks (赛道).
 * Lists page and filter on the server; adding, removing and setting tracks run in one
 * transaction each and leave an audit entry on the campaign (and on each project whose track
 * changed, since the track is the project's own field).
 */
import { COMPETITION_TRACKS, type CampaignProjectDto, type CampaignProjectFilter, type CampaignProjectQuery, type CompetitionTrack, type MembershipResult } from '@pacer/domain';
import { aliasedTable, and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import type { Exec } from '../../db/exec.ts';
import { auditLog, campaignProjects, campaigns, organisations, projects, regions } from '../../db/schema.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { readScope, regionAndBelow } from '../projects/scope.ts';

const park = aliasedTable(regions, 'park');
const owner = aliasedTable(organisations, 'owner');

const isMember = (campaignId: string) =>
  sql`exists (select 1 from ${campaignProjects} where ${campaignProjects.campaignId} = ${campaignId} and ${campaignProjects.projectId} = ${projects.id})`;

/** Live projects in the user's scope matching the filter (members or not: the caller adds that). */
function matching(user: UserContext, f: CampaignProjectFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isNull(projects.deletedAt), readScope(user)];
  if (f.region.length) {
    const area = regionAndBelow(f.region);
    conditions.push(or(sql`${projects.regionCode} in ${area}`, sql`${projects.parkCode} in ${area}`));
  }
  if (f.level.length) conditions.push(sql`${projects.levels} && array[${sql.join(f.level.map((l) => sql`${l}`), sql`, `)}]::text[]`);
  if (f.category.length) conditions.push(inArray(projects.category, f.category));
  if (f.status.length) conditions.push(inArray(projects.status, f.status));
  if (f.track.length) {
    const named = f.track.filter((t) => t !== 'none');
    conditions.push(or(named.length ? inArray(projects.track, named) : undefined, f.track.includes('none') ? isNull(projects.track) : undefined));
  }
  if (f.q) {
    const text = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${projects.name} ilike ${text}`, sql`${projects.code} ilike ${text}`));
  }
  return and(...conditions);
}

export async function assertCampaign(db: Exec, campaignId: string): Promise<{ id: string; name: string; year: number }> {
  const [c] = await db.select({ id: campaigns.id, name: campaigns.name, year: campaigns.year }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!c) throw notFound('竞赛活动');
  return c;
}

/** A page of the campaign's projects (`members`) or of library projects not in it (candidates). */
export async function listCampaignProjects(db: Db, user: UserContext, campaignId: string, query: CampaignProjectQuery, members: boolean) {
  await assertCampaign(db, campaignId);
  const where = and(matching(user, query), members ? isMember(campaignId) : sql`not ${isMember(campaignId)}`);
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      regionCode: projects.regionCode,
      regionName: regions.name,
      parkName: park.name,
      levels: projects.levels,
      category: projects.category,
      status: projects.status,
      track: projects.track,
      ownerName: owner.name,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(park, eq(park.code, projects.parkCode))
    .leftJoin(owner, eq(owner.id, projects.ownerOrgId))
    .where(where)
    .orderBy(asc(projects.regionCode), asc(projects.name), asc(projects.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(projects).where(where);
  // Stored values are checked vocabulary keys (the project schema admits no others).
  const items = rows as CampaignProjectDto[];
  return { items, total: Number(count?.total ?? 0), page: query.page, pageSize: query.pageSize };
}

const trackName = (track: CompetitionTrack | null) => (track ? COMPETITION_TRACKS.label(track) : '无赛道');

/** Adds projects by id (all must exist, be live and in scope) or every non-member matching a filter. */
export async function addCampaignProjects(
  db: Db,
  user: UserContext,
  campaignId: string,
  body: { projectIds?: string[]; filter?: CampaignProjectFilter; track?: CompetitionTrack | null },
): Promise<MembershipResult> {
  return db.transaction(async (tx) => {
    const campaign = await assertCampaign(tx, campaignId);
    let source: SQL;
    let asked: number;
    if (body.projectIds) {
      const found = await tx.select({ id: projects.id }).from(projects).where(and(inArray(projects.id, body.projectIds), isNull(projects.deletedAt), readScope(user)));
      const missing = body.projectIds.length - found.length;
      if (missing > 0) throw new AppError(400, 'validation', `所选项目中有 ${missing} 个不存在、已删除或不在您的范围内，未作任何添加；请刷新列表后重新选择`);
      source = sql`select ${projects.id} from ${projects} where ${inArray(projects.id, body.projectIds)}`;
      asked = body.projectIds.length;
    } else {
      // A province's "all matching" may be tens of thousands: added in one statement, no id list.
      source = sql`select ${projects.id} from ${projects} where ${and(matching(user, body.filter!), sql`not ${isMember(campaignId)}`)}`;
      asked = 0;
    }
    const added = (
      await queryRows<{ project_id: string }>(
        tx as unknown as Db,
        sql`insert into ${campaignProjects} (campaign_id, project_id) select ${campaignId}::uuid, m.id from (${source}) m on conflict do nothing returning project_id`,
      )
    ).map((r) => r.project_id);
    if (!added.length && body.filter) throw conflict('没有符合条件且尚未加入本活动的项目，未作任何添加');
    if (!added.length) throw conflict(`所选项目都已在"${campaign.name}"中，未作改动`);
    await auditCampaign(tx, user, 'projects.add', campaignId, { projectIds: added, ...(body.filter ? { filter: body.filter } : {}) });
    const tracked = body.track === undefined ? 0 : await writeTrack(tx, user, campaignId, added, body.track);
    const already = Math.max(0, asked - added.length);
    return {
      changed: added.length,
      message: `已将 ${added.length} 个项目加入"${campaign.name}"${already ? `（另有 ${already} 个已在活动中）` : ''}${body.track !== undefined ? `，其中 ${tracked} 个赛道改为"${trackName(body.track)}"` : ''}`,
    };
  });
}

export async function removeCampaignProjects(db: Db, user: UserContext, campaignId: string, projectIds: string[]): Promise<MembershipResult> {
  return db.transaction(async (tx) => {
    const campaign = await assertCampaign(tx, campaignId);
    const removed = await tx
      .delete(campaignProjects)
      .where(and(eq(campaignProjects.campaignId, campaignId), inArray(campaignProjects.projectId, projectIds)))
      .returning({ id: campaignProjects.projectId });
    if (!removed.length) throw conflict(`所选项目都不在"${campaign.name}"中，未作改动`);
    await auditCampaign(tx, user, 'projects.remove', campaignId, { projectIds: removed.map((r) => r.id) });
    const absent = projectIds.length - removed.length;
    return { changed: removed.length, message: `已将 ${removed.length} 个项目移出"${campaign.name}"${absent ? `（另有 ${absent} 个本不在活动中）` : ''}；已发布的榜单不受影响` };
  });
}

/** Sets the track of campaign projects; every one must be in the campaign. */
export async function setCampaignTrack(db: Db, user: UserContext, campaignId: string, projectIds: string[], track: CompetitionTrack | null): Promise<MembershipResult> {
  return db.transaction(async (tx) => {
    const campaign = await assertCampaign(tx, campaignId);
    const members = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(inArray(projects.id, projectIds), isNull(projects.deletedAt), readScope(user), isMember(campaignId)));
    const outside = projectIds.length - members.length;
    if (outside > 0) throw new AppError(400, 'validation', `所选项目中有 ${outside} 个不在"${campaign.name}"中或已删除，未作任何修改；请先把它们加入活动`);
    const changed = await writeTrack(tx, user, campaignId, projectIds, track);
    await auditCampaign(tx, user, 'projects.track', campaignId, { projectIds, track });
    return { changed, message: changed ? `已将 ${changed} 个项目的赛道设为"${trackName(track)}"${changed < projectIds.length ? `（另有 ${projectIds.length - changed} 个原本就是）` : ''}` : `所选项目的赛道已是"${trackName(track)}"，未作改动` };
  });
}

/**
 * The track is the project's own field: changing it bumps the project's version (an edit form
 * open elsewhere must not write the old track back) and is recorded on the project.
 */
async function writeTrack(tx: Exec, user: UserContext, campaignId: string, ids: string[], track: CompetitionTrack | null): Promise<number> {
  // The ids as one JSON parameter: "add all matching" may pass more ids than a statement may bind.
  const chosen = sql`${projects.id} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
  const differs = and(chosen, sql`${projects.track} is distinct from ${track}`);
  await tx.execute(sql`insert into ${auditLog} (user_id, action, entity, entity_id, data)
    select ${user.id}, 'track', 'project', ${projects.id}::text, jsonb_build_object('campaignId', ${campaignId}::text, 'before', ${projects.track}, 'after', ${track}::text)
    from ${projects} where ${differs}`);
  const updated = await tx
    .update(projects)
    .set({ track, version: sql`${projects.version} + 1`, updatedAt: new Date(), updatedBy: user.id })
    .where(differs)
    .returning({ id: projects.id });
  return updated.length;
}

async function auditCampaign(tx: Exec, user: UserContext, action: string, campaignId: string, data: Record<string, unknown>) {
  await tx.insert(auditLog).values({ userId: user.id, action, entity: 'campaign', entityId: campaignId, data });
}
