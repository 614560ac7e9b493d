/**
 * The problem (问题交办) API's requests and responses, shared by the server and the web client.
 */
import { z } from 'zod';
import { isoDate } from './project.ts';
import { EXTENSION_ACTIONS, PROBLEM_ACTIONS, PROBLEM_KINDS, PROBLEM_SEVERITIES, PROBLEM_SOURCES, PROBLEM_STATES, PROBLEM_TYPES } from './problems.ts';

/** Query-string lists: repeated keys or comma lists both mean "any of". */
const listOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean)))
    .pipe(z.array(z.enum(keys, { error: `可选值为：${keys.join('、')}` })));

const version = z.number({ error: '缺少版本号' }).int().min(1);
const note = z.string().trim().max(2000, { error: '说明不能超过 2000 字' }).default('');
const required = (what: string) => z.string({ error: `请填写${what}` }).trim().min(1, { error: `请填写${what}` }).max(2000, { error: `${what}不能超过 2000 字` });

export const problemInput = z.object({
  projectId: z.uuid({ error: '请选择项目' }).nullable().optional().transform((v) => v ?? null),
  /** Raised from inside a progress report (进度填报中反映的问题). */
  reportId: z.uuid().nullable().optional().transform((v) => v ?? null),
  type: z.enum(PROBLEM_TYPES, { error: `问题类型应为：${PROBLEM_TYPES.join('、')}` }),
  severity: z.enum(PROBLEM_SEVERITIES).default('normal'),
  title: z.string({ error: '请填写问题标题' }).trim().min(2, { error: '问题标题至少 2 个字' }).max(100, { error: '问题标题不能超过 100 字' }),
  description: z.string({ error: '请描述问题' }).trim().min(1, { error: '请描述问题' }).max(4000, { error: '问题描述不能超过 4000 字' }),
  /** The office or an HQ raising it for a service team (服务专班) it went on site with. */
  serviceTeamOrgId: z.uuid().nullable().optional().transform((v) => v ?? null),
});
export type ProblemInput = z.input<typeof problemInput>;

export const assignInput = z.object({
  version,
  leadOrgId: z.uuid({ error: '请选择牵头单位' }),
  coHandlerOrgIds: z.array(z.uuid()).max(10, { error: '配合单位最多 10 个' }).default([]),
  /** Omitted: the rule's working days for the problem's severity, counted on the holiday calendar. */
  deadline: isoDate.nullable().optional().transform((v) => v ?? null),
  note,
});

/** Any step's body as the step routes take it: the version read plus what that step needs. */
export interface StepBody {
  version: number;
  note?: string;
  reason?: string;
  photoIds?: string[];
  leadOrgId?: string;
  coHandlerOrgIds?: string[];
  deadline?: string | null;
}

/** Body of the steps that carry a note and, for handlers, evidence photos already uploaded. */
export const stepInput = z.object({ version, note, photoIds: z.array(z.uuid()).max(9).default([]) });
/** Steps that send a problem back must say why. */
export const reasonInput = z.object({ version, reason: required('原因') });
/** 申请延期: the new deadline and why. */
export const extensionInput = z.object({ version, deadline: isoDate, reason: required('延期理由') });
/** 同意延期: an optional note. */
export const extensionApproval = z.object({ version, note });

export const PROBLEM_QUEUES = ['all', 'mine', 'overdue', 'dueThisWeek'] as const;

export const problemListQuery = z.object({
  /** mine = waiting for the caller's action; overdue; dueThisWeek (本周到期). */
  queue: z.enum(PROBLEM_QUEUES).default('all'),
  state: listOf(PROBLEM_STATES),
  type: listOf(PROBLEM_TYPES),
  severity: listOf(PROBLEM_SEVERITIES),
  level: listOf(['1', '2', '3'] as const),
  kind: listOf(PROBLEM_KINDS),
  projectId: z.uuid().optional(),
  reportId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  /** A lead or co-handling unit. */
  orgId: z.uuid().optional(),
  region: z.string().regex(/^\d{6}$/, { error: '区划代码应为 6 位数字' }).optional(),
  hq: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProblemListQuery = z.output<typeof problemListQuery>;

const ref = z.object({ id: z.string(), name: z.string() });

export const problemSummary = z.object({
  id: z.uuid(),
  number: z.number(),
  kind: z.enum(PROBLEM_KINDS),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  regionName: z.string().nullable(),
  type: z.enum(PROBLEM_TYPES),
  severity: z.enum(PROBLEM_SEVERITIES),
  source: z.enum(PROBLEM_SOURCES),
  title: z.string(),
  state: z.enum(PROBLEM_STATES),
  /** 调度层级 1–3. */
  level: z.number(),
  lead: ref.nullable(),
  coHandlers: z.array(ref),
  deadline: z.string().nullable(),
  /** Working days to the deadline (negative when overdue), on the holiday calendar. */
  workingDaysLeft: z.number().nullable(),
  overdue: z.boolean(),
  raisedOn: z.string(),
  raisedBy: z.string().nullable(),
  raiserOrgName: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type ProblemSummary = z.infer<typeof problemSummary>;

export const problemPage = z.object({ items: z.array(problemSummary), total: z.number(), page: z.number(), pageSize: z.number() });

export const problemEvent = z.object({
  id: z.string(),
  action: z.string(),
  label: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  level: z.number(),
  note: z.string(),
  userName: z.string().nullable(),
  orgName: z.string().nullable(),
  at: z.string(),
  /** Business date (Beijing) the step counts on. */
  on: z.string(),
  data: z.record(z.string(), z.unknown()),
  photoIds: z.array(z.string()),
});

export const problemPhoto = z.object({
  id: z.string(),
  contentType: z.string(),
  width: z.number(),
  height: z.number(),
  takenAt: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  caption: z.string().nullable(),
  uploadedAt: z.string(),
  url: z.string(),
});

/** A deadline extension request (申请延期) waiting for the office. */
export const extensionRequest = z.object({
  id: z.string(),
  previousDeadline: z.string(),
  requestedDeadline: z.string(),
  reason: z.string(),
  requestedBy: z.string().nullable(),
  requestedOrgName: z.string().nullable(),
  requestedAt: z.string(),
});
export type ExtensionRequest = z.infer<typeof extensionRequest>;

export const problemDetail = problemSummary.extend({
  description: z.string(),
  reportId: z.string().nullable(),
  meetingId: z.string().nullable(),
  serviceTeam: ref.nullable(),
  assignedOn: z.string().nullable(),
  signedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  solvedOnSpot: z.boolean(),
  events: z.array(problemEvent),
  photos: z.array(problemPhoto),
  /** What the caller may do now, for the buttons to show. */
  allowedActions: z.array(z.enum(PROBLEM_ACTIONS)),
  pendingExtension: extensionRequest.nullable(),
  /** What the caller may do about the deadline now (申请延期, or the office's decision). */
  extensionActions: z.array(z.enum(EXTENSION_ACTIONS)),
});
export type ProblemDetail = z.infer<typeof problemDetail>;
