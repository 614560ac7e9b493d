/** Reads of the project library: the filtered list and one project in full. */
import type { ProjectDetail, ProjectListQuery, ProjectSummary } from '@pacer/domain';
import { beijingLocal, MILESTONE_KINDS, STATISTICS_THRESHOLD_YUAN } from '@pacer/domain';
import { aliasedTable, and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  industrialChains,
  organisations,
  people,
  projectAnnualPlans,
  projectFunding,
  projectMilestones,
  projects,
  regions,
} from '../../db/schema.ts';
import type { UserContext } from '../auth/sessions.ts';
import { readScope, regionAndBelow } from './scope.ts';

const park = aliasedTable(regions, 'park');
const owner = aliasedTable(organisations, 'owner');
const hq = aliasedTable(organisations, 'hq');
const responsible = aliasedTable(organisations, 'responsible');
const serviceTeam = aliasedTable(organisations, 'service_team');
const leader = aliasedTable(people, 'leader');

const summaryColumns = {
  project: projects,
  regionName: regions.name,
  parkName: park.name,
  ownerName: owner.name,
  leaderName: leader.name,
  hqName: hq.name,
  annualPlanYuan: projectAnnualPlans.amountYuan,
};

function baseQuery(db: Db, year: number) {
  return db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(park, eq(park.code, projects.parkCode))
    .leftJoin(owner, eq(owner.id, projects.ownerOrgId))
    .leftJoin(leader, eq(leader.id, projects.leaderPersonId))
    .leftJoin(hq, eq(hq.id, projects.hqOrgId))
    .leftJoin(projectAnnualPlans, and(eq(projectAnnualPlans.projectId, projects.id), eq(projectAnnualPlans.year, year)));
}

interface SummaryRow {
  project: typeof projects.$inferSelect;
  regionName: string;
  parkName: string | null;
  ownerName: string | null;
  leaderName: string | null;
  hqName: string | null;
  annualPlanYuan: number | null;
}

const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

function presentSummary(row: SummaryRow, user: UserContext): ProjectSummary {
  const p = row.project;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    levels: p.levels as ProjectSummary['levels'],
    category: p.category as ProjectSummary['category'],
    status: p.status as ProjectSummary['status'],
    track: p.track as ProjectSummary['track'],
    regionCode: p.regionCode,
    regionName: row.regionName,
    parkCode: p.parkCode,
    parkName: row.parkName,
    owner: ref(p.ownerOrgId, row.ownerName),
    leader: ref(p.leaderPersonId, row.leaderName),
    hq: ref(p.hqOrgId, row.hqName),
    totalInvestmentYuan: p.totalInvestmentYuan,
    annualPlanYuan: row.annualPlanYuan,
    plannedStart: p.plannedStart,
    plannedFinish: p.plannedFinish,
    isMine: user.personId !== null && p.leaderPersonId === user.personId,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
    deletedAt: p.deletedAt?.toISOString() ?? null,
  };
}

const SORT_COLUMNS = {
  name: projects.name,
  code: projects.code,
  totalInvestmentYuan: projects.totalInvestmentYuan,
  annualPlanYuan: projectAnnualPlans.amountYuan,
  plannedStart: projects.plannedStart,
  plannedFinish: projects.plannedFinish,
  updatedAt: projects.updatedAt,
  regionCode: projects.regionCode,
} as const;

/** Escapes LIKE wildcards so a search for "100%" means the text "100%". */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function listConditions(query: ProjectListQuery, user: UserContext): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    readScope(user),
    query.deleted === 'only' ? isNotNull(projects.deletedAt) : isNull(projects.deletedAt),
  ];
  if (query.level.length) conditions.push(sql`${projects.levels} && ${sql`array[${sql.join(query.level.map((l) => sql`${l}`), sql`, `)}]::text[]`}`);
  if (query.category.length) conditions.push(inArray(projects.category, query.category));
  if (query.status.length) conditions.push(inArray(projects.status, query.status));
  if (query.track.length) conditions.push(inArray(projects.track, query.track));
  if (query.region.length) {
    const area = regionAndBelow(query.region);
    conditions.push(or(sql`${projects.regionCode} in ${area}`, sql`${projects.parkCode} in ${area}`));
  }
  if (query.hq.length) conditions.push(inArray(projects.hqOrgId, query.hq));
  if (query.leader.length) conditions.push(inArray(projects.leaderPersonId, query.leader));
  if (query.owner.length) conditions.push(inArray(projects.ownerOrgId, query.owner));
  if (query.mine) conditions.push(user.personId ? eq(projects.leaderPersonId, user.personId) : sql`false`);
  if (query.q) {
    const text = likeText(query.q);
    conditions.push(or(ilike(projects.name, text), ilike(projects.code, text), ilike(owner.name, text)));
  }
  return and(...conditions);
}

export async function listProjects(db: Db, user: UserContext, query: ProjectListQuery, today = new Date()) {
  const year = query.year ?? Number(beijingLocal(today).slice(0, 4));
  const where = listConditions(query, user);
  const column = SORT_COLUMNS[query.sort];
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await baseQuery(db, year)
    .where(where)
    .orderBy(query.order === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`, direction(projects.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(projects)
    .leftJoin(owner, eq(owner.id, projects.ownerOrgId))
    .where(where);
  return { items: rows.map((r) => presentSummary(r, user)), total: Number(count?.total ?? 0), page: query.page, pageSize: query.pageSize };
}

/** One project with everything on its detail page, or null when out of scope or absent. */
export async function getProject(db: Db, user: UserContext, id: string, opts: { includeDeleted?: boolean; year?: number } = {}): Promise<ProjectDetail | null> {
  const year = opts.year ?? Number(beijingLocal(new Date()).slice(0, 4));
  const [row] = await baseQuery(db, year)
    .where(and(eq(projects.id, id), readScope(user), opts.includeDeleted ? undefined : isNull(projects.deletedAt)));
  if (!row) return null;
  return loadDetail(db, row, user);
}

async function loadDetail(db: Db, row: SummaryRow, user: UserContext): Promise<ProjectDetail> {
  const p = row.project;
  const [extra] = await db
    .select({ chainName: industrialChains.name, responsibleName: responsible.name, serviceTeamName: serviceTeam.name })
    .from(projects)
    .leftJoin(industrialChains, eq(industrialChains.id, projects.chainId))
    .leftJoin(responsible, eq(responsible.id, projects.responsibleOrgId))
    .leftJoin(serviceTeam, eq(serviceTeam.id, projects.serviceTeamOrgId))
    .where(eq(projects.id, p.id));
  const [plans, funding, milestones] = await Promise.all([
    db.select().from(projectAnnualPlans).where(eq(projectAnnualPlans.projectId, p.id)).orderBy(asc(projectAnnualPlans.year)),
    db.select().from(projectFunding).where(eq(projectFunding.projectId, p.id)),
    db.select().from(projectMilestones).where(eq(projectMilestones.projectId, p.id)),
  ]);
  return {
    ...presentSummary(row, user),
    industryCode: p.industryCode,
    chain: ref(p.chainId, extra?.chainName ?? null),
    responsibleOrg: ref(p.responsibleOrgId, extra?.responsibleName ?? null),
    serviceTeam: ref(p.serviceTeamOrgId, extra?.serviceTeamName ?? null),
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    latitude: p.latitude,
    longitude: p.longitude,
    description: p.description,
    inStatistics: p.totalInvestmentYuan >= STATISTICS_THRESHOLD_YUAN,
    annualPlans: plans.map((a) => ({ year: a.year, amountYuan: a.amountYuan, baselineYuan: a.baselineYuan, changeReason: a.changeReason })),
    fundingSources: funding.map((f) => ({ source: f.source as never, amountYuan: f.amountYuan })),
    milestones: sortMilestones(milestones).map((m) => ({
      kind: m.kind as never,
      plannedDate: m.plannedDate,
      baselineDate: m.baselineDate,
      actualDate: m.actualDate,
      changeReason: m.changeReason,
    })),
    createdAt: p.createdAt.toISOString(),
    ownerOrgId: p.ownerOrgId,
    responsibleOrgId: p.responsibleOrgId,
    leaderPersonId: p.leaderPersonId,
    hqOrgId: p.hqOrgId,
    serviceTeamOrgId: p.serviceTeamOrgId,
    chainId: p.chainId,
  };
}

const MILESTONE_ORDER = new Map<string, number>(MILESTONE_KINDS.keys.map((k, i) => [k, i]));
function sortMilestones<T extends { kind: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (MILESTONE_ORDER.get(a.kind) ?? 99) - (MILESTONE_ORDER.get(b.kind) ?? 99));
}
