/**
 * Requests and responses of the campaign core shared by the server and the web client:
 * a project's 作战图 and three-colour record, and a campaign's projects and their tracks.
 */
import { z } from 'zod';
import { PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES, COMPETITION_TRACKS, MILESTONE_KINDS } from './vocabulary.ts';

const colour = z.enum(['green', 'yellow', 'red']);
const source = z.enum(['plan', 'curve']);

export const monthlyPlanDto = z.object({
  projectId: z.string(),
  year: z.number(),
  /** 'plan': the project's own 作战图; 'curve': the annual plan spread along the time curve. */
  source,
  annualPlanYuan: z.number().nullable(),
  months: z.array(
    z.object({
      month: z.number(),
      /** Cumulative investment due by the month's end (元). */
      cumulativeYuan: z.number(),
      /** The same from the time curve, for comparison. */
      curveYuan: z.number(),
      /** Milestones whose planned date falls in the month (from 节点计划). */
      milestones: z.array(z.object({ kind: z.enum(MILESTONE_KINDS.keys), label: z.string(), plannedDate: z.string(), actualDate: z.string().nullable() })),
    }),
  ),
  /** Points to check that did not stop the save (e.g. December differs from the annual plan). */
  warnings: z.array(z.string()),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type MonthlyPlanDto = z.infer<typeof monthlyPlanDto>;

export const colourRecordDto = z.object({
  projectId: z.string(),
  year: z.number(),
  source,
  asOf: z.string(),
  months: z.array(
    z.object({
      month: z.number(),
      plannedYuan: z.number(),
      actualYuan: z.number().nullable(),
      missedMilestones: z.number().nullable(),
      colour: colour.nullable(),
    }),
  ),
});
export type ColourRecordDto = z.infer<typeof colourRecordDto>;

/** Query-string lists: repeated keys or comma lists both mean "any of". */
const listOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean)))
    .pipe(z.array(z.enum(keys, { error: `可选值为：${keys.join('、')}` })));

/** A track filter may also ask for projects without a track yet. */
export const TRACK_FILTER_KEYS = [...COMPETITION_TRACKS.keys, 'none'] as const;

/** Which projects: the filters of the campaign-project list, the picker and "add all matching". */
const filterFields = {
  /** Region or park codes; a county or prefecture includes what lies under it. */
  region: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean)))
    .pipe(z.array(z.string().regex(/^\d{6}$/, { error: '区划代码应为 6 位数字' }))),
  level: listOf(PROJECT_LEVELS.keys),
  category: listOf(PROJECT_CATEGORIES.keys),
  status: listOf(PROJECT_STATUSES.keys),
  track: listOf(TRACK_FILTER_KEYS),
  q: z.string().trim().max(100, { error: '关键词不能超过 100 个字' }).optional(),
};

export const campaignProjectQuery = z.object({
  ...filterFields,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CampaignProjectQuery = z.output<typeof campaignProjectQuery>;
export type CampaignProjectFilter = Omit<CampaignProjectQuery, 'page' | 'pageSize'>;

/** The same filters in a JSON body ("add every project matching"), lists as arrays. */
export const campaignProjectFilterBody = z.object(filterFields);

const projectIds = z
  .array(z.uuid({ error: '项目编号不正确' }), { error: '请选择项目' })
  .min(1, { error: '请至少选择一个项目' })
  .max(5000, { error: '一次最多选择 5000 个项目；更多请用"添加全部符合条件的项目"' })
  .transform((ids) => [...new Set(ids)]);

const track = z.enum(COMPETITION_TRACKS.keys, { error: `竞赛赛道应为：${COMPETITION_TRACKS.list.map((t) => t.zh).join('、')}` });

/** Add projects by id, or every library project matching a filter; optionally set their track. */
export const addCampaignProjectsInput = z
  .object({
    projectIds: projectIds.optional(),
    filter: campaignProjectFilterBody.optional(),
    /** Set the track of the added projects too; omitted keeps each project's own. */
    track: track.nullable().optional(),
  })
  .refine((b) => (b.projectIds === undefined) !== (b.filter === undefined), { error: '请选择要添加的项目，或给出筛选条件添加全部符合条件的项目（二者选一）' });
export type AddCampaignProjectsInput = z.input<typeof addCampaignProjectsInput>;

export const removeCampaignProjectsInput = z.object({ projectIds });

export const setTrackInput = z.object({ projectIds, track: track.nullable() });

export const campaignProjectDto = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  parkName: z.string().nullable(),
  levels: z.array(z.enum(PROJECT_LEVELS.keys)),
  category: z.enum(PROJECT_CATEGORIES.keys),
  status: z.enum(PROJECT_STATUSES.keys),
  track: z.enum(COMPETITION_TRACKS.keys).nullable(),
  ownerName: z.string().nullable(),
});
export type CampaignProjectDto = z.infer<typeof campaignProjectDto>;

export const campaignProjectPage = z.object({ items: z.array(campaignProjectDto), total: z.number(), page: z.number(), pageSize: z.number() });
export type CampaignProjectPage = z.infer<typeof campaignProjectPage>;

/** What a membership change did, for the message shown to the office. */
export const membershipResult = z.object({ changed: z.number(), message: z.string() });
export type MembershipResult = z.infer<typeof membershipResult>;
