import { z } from 'zod';
import {
  COMPETITION_TRACKS,
  FUNDING_SOURCES,
  MILESTONE_KINDS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STATUSES,
  REGION_KINDS,
  ORG_KINDS,
  ROLES,
} from './vocabulary.ts';
import { PERMISSIONS } from './permissions.ts';

/** Sortable columns of the project list. */
export const PROJECT_SORT_FIELDS = ['name', 'code', 'totalInvestmentYuan', 'annualPlanYuan', 'plannedStart', 'plannedFinish', 'updatedAt', 'regionCode'] as const;

/** Query-string values arrive as strings; repeated keys or comma lists both mean "any of". */
const listOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean)))
    .pipe(z.array(z.enum(keys, { error: `可选值为：${keys.join('、')}` })));

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean)));

export const projectListQuery = z.object({
  level: listOf(PROJECT_LEVELS.keys),
  category: listOf(PROJECT_CATEGORIES.keys),
  status: listOf(PROJECT_STATUSES.keys),
  track: listOf(COMPETITION_TRACKS.keys),
  /** Region or park codes; a prefecture or county code includes what lies under it. */
  region: idList.pipe(z.array(z.string().regex(/^\d{6}$/, { error: '区划代码应为 6 位数字' }))),
  hq: idList.pipe(z.array(z.uuid({ error: '指挥部编号不正确' }))),
  leader: idList.pipe(z.array(z.uuid({ error: '领导编号不正确' }))),
  owner: idList.pipe(z.array(z.uuid({ error: '业主单位编号不正确' }))),
  q: z.string().trim().max(100).optional(),
  /** Plan year shown in the list (defaults to the current year). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  deleted: z.enum(['exclude', 'only']).default('exclude'),
  mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  sort: z.enum(PROJECT_SORT_FIELDS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProjectListQuery = z.output<typeof projectListQuery>;

const ref = z.object({ id: z.string(), name: z.string() }).nullable();

/** One row of the project list as the API presents it. */
export const projectSummary = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  levels: z.array(z.enum(PROJECT_LEVELS.keys)),
  category: z.enum(PROJECT_CATEGORIES.keys),
  status: z.enum(PROJECT_STATUSES.keys),
  track: z.enum(COMPETITION_TRACKS.keys).nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  parkCode: z.string().nullable(),
  parkName: z.string().nullable(),
  owner: ref,
  leader: ref,
  hq: ref,
  totalInvestmentYuan: z.number(),
  /** This year's plan (年度计划投资) for the requested year, null when none. */
  annualPlanYuan: z.number().nullable(),
  plannedStart: z.string().nullable(),
  plannedFinish: z.string().nullable(),
  /** True when the signed-in leader is this project's linked leader. */
  isMine: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

export const projectPage = z.object({
  items: z.array(projectSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ProjectPage = z.infer<typeof projectPage>;

export const projectDetail = projectSummary.extend({
  industryCode: z.string().nullable(),
  chain: ref,
  responsibleOrg: ref,
  serviceTeam: ref,
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  description: z.string().nullable(),
  inStatistics: z.boolean(),
  annualPlans: z.array(
    z.object({ year: z.number(), amountYuan: z.number(), baselineYuan: z.number(), changeReason: z.string().nullable() }),
  ),
  fundingSources: z.array(z.object({ source: z.enum(FUNDING_SOURCES.keys), amountYuan: z.number() })),
  milestones: z.array(
    z.object({
      kind: z.enum(MILESTONE_KINDS.keys),
      plannedDate: z.string().nullable(),
      baselineDate: z.string().nullable(),
      actualDate: z.string().nullable(),
      changeReason: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  ownerOrgId: z.string(),
  responsibleOrgId: z.string().nullable(),
  leaderPersonId: z.string().nullable(),
  hqOrgId: z.string().nullable(),
  serviceTeamOrgId: z.string().nullable(),
  chainId: z.string().nullable(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const regionDto = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  kind: z.enum(REGION_KINDS.keys),
});
export type RegionDto = z.infer<typeof regionDto>;

export const orgDto = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS.keys),
  regionCode: z.string().nullable(),
});
export type OrgDto = z.infer<typeof orgDto>;

export const personDto = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  orgId: z.string().nullable(),
});
export type PersonDto = z.infer<typeof personDto>;

export const chainDto = z.object({ id: z.string(), name: z.string(), leaderPersonId: z.string().nullable() });
export type ChainDto = z.infer<typeof chainDto>;

export const currentUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES.keys),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  regionCode: z.string().nullable(),
  personId: z.string().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type CurrentUser = z.infer<typeof currentUser>;

/** The shape of every error the API returns. */
export const apiError = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), field: z.string(), message: z.string() })).optional(),
  /** The input field a conflict is about ("code", "name"), so a form can mark it. */
  field: z.string().optional(),
  current: z.unknown().optional(),
});
export type ApiError = z.infer<typeof apiError>;

/** Labels of query-string parameters, for messages about a bad filter. */
export const QUERY_FIELD_LABELS: Record<string, string> = {
  level: '项目级别',
  category: '项目类别',
  status: '建设状态',
  track: '竞赛赛道',
  region: '区划/园区',
  hq: '协调指挥部',
  leader: '联点领导',
  owner: '业主单位',
  q: '关键词',
  year: '年度',
  deleted: '回收站',
  mine: '只看我联点的',
  sort: '排序字段',
  order: '排序方向',
  page: '页码',
  pageSize: '每页条数',
  periodKind: '填报周期',
  date: '日期',
  asOf: '截至日期',
  groupBy: '分组方式',
  week: '周',
  kind: '类型',
  projectId: '项目',
};
