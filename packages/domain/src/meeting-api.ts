/** The meeting (调度会) API's requests and responses, shared by the server and the web client. */
import { z } from 'zod';
import { AGENDA_SECTIONS, DEFAULT_AGENDA_GAP_POINTS, MEETING_KINDS, MEETING_STATUSES } from './meetings.ts';
import { isoDate } from './project.ts';
import { PROBLEM_KINDS, PROBLEM_SEVERITIES, PROBLEM_STATES, PROBLEM_TYPES } from './problems.ts';

const version = z.number({ error: '缺少版本号' }).int().min(1);
const text = (max: number, what: string) => z.string().trim().max(max, { error: `${what}不能超过 ${max} 字` });
const attendeeOrgIds = z
  .array(z.uuid({ error: '参会单位不正确' }))
  .max(200, { error: '参会单位最多 200 个' })
  .refine((ids) => new Set(ids).size === ids.length, { error: '参会单位不能重复' });

export const meetingInput = z.object({
  kind: z.enum(MEETING_KINDS, { error: `会议类型应为：${MEETING_KINDS.join('、')}` }),
  /** Omitted: "<date> <kind label>". */
  title: text(100, '会议名称').min(2, { error: '会议名称至少 2 个字' }).optional(),
  heldOn: isoDate,
  location: text(200, '地点').nullable().optional().transform((v) => v || null),
  chairPersonId: z.uuid().nullable().optional().transform((v) => v ?? null),
  attendees: text(2000, '参会人员').default(''),
  /** 参会单位: units invited; they read the meeting even with none of their projects on the agenda. */
  attendeeOrgIds: attendeeOrgIds.default([]),
  /** Projects more than this many points behind time progress are proposed. */
  gapThreshold: z.number().min(0).max(100).default(DEFAULT_AGENDA_GAP_POINTS),
  /** Fill the agenda from the data (default) or start empty. */
  proposeAgenda: z.boolean().default(true),
});

export const agendaItemInput = z.object({
  section: z.enum(AGENDA_SECTIONS),
  projectId: z.uuid().nullable().default(null),
  problemId: z.uuid().nullable().default(null),
  title: text(200, '议题').min(1, { error: '请填写议题' }),
  note: text(1000, '说明').default(''),
});

export const meetingUpdate = z.object({
  version,
  title: text(100, '会议名称').min(2, { error: '会议名称至少 2 个字' }),
  heldOn: isoDate,
  location: text(200, '地点').nullable().transform((v) => v || null),
  chairPersonId: z.uuid().nullable(),
  attendees: text(2000, '参会人员'),
  /** Omitted: the attending units stay as they are. */
  attendeeOrgIds: attendeeOrgIds.optional(),
  status: z.enum(MEETING_STATUSES),
  /** 会议纪要. */
  minutes: text(20000, '会议纪要'),
  agenda: z.array(agendaItemInput).max(200, { error: '议程最多 200 项' }),
});

/** A decision (议定事项) becomes a problem or task assigned at once to its lead unit. */
export const decisionInput = z.object({
  text: text(2000, '议定事项').min(2, { error: '请填写议定事项' }),
  kind: z.enum(PROBLEM_KINDS).default('task'),
  projectId: z.uuid().nullable().default(null),
  type: z.enum(PROBLEM_TYPES).default('other'),
  severity: z.enum(PROBLEM_SEVERITIES).default('normal'),
  leadOrgId: z.uuid({ error: '请选择责任单位' }),
  coHandlerOrgIds: z.array(z.uuid()).max(10).default([]),
  deadline: isoDate.nullable().default(null),
});

export const visitsInput = z.object({
  version,
  visits: z.array(z.object({ projectId: z.uuid(), note: text(500, '观摩说明').default('') })).max(60, { error: '观摩点最多 60 个' }),
});

export const scoreInput = z.object({
  projectId: z.uuid({ error: '请选择观摩项目' }),
  score: z.number({ error: '请填写分数' }).min(0, { error: '分数应在 0–100 之间' }).max(100, { error: '分数应在 0–100 之间' }),
  comment: text(500, '评语').default(''),
  /** The office may enter paper score sheets for named observers; others score as themselves. */
  observer: text(50, '评分人').min(1).optional(),
});

const ref = z.object({ id: z.string(), name: z.string() });

export const meetingSummary = z.object({
  id: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  heldOn: z.string(),
  location: z.string().nullable(),
  chair: ref.nullable(),
  status: z.enum(MEETING_STATUSES),
  agendaItems: z.number(),
  decisions: z.number(),
  version: z.number(),
});

export const meetingDetail = meetingSummary.extend({
  attendees: z.string(),
  attendeeUnits: z.array(ref),
  minutes: z.string(),
  gapThreshold: z.number(),
  agenda: z.array(agendaItemInput.extend({ id: z.string(), projectName: z.string().nullable() })),
  decisionList: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      problemId: z.string(),
      problemNumber: z.number(),
      kind: z.enum(PROBLEM_KINDS),
      state: z.enum(PROBLEM_STATES),
      lead: z.string().nullable(),
      deadline: z.string().nullable(),
    }),
  ),
  visits: z.array(z.object({ projectId: z.string(), projectName: z.string(), regionName: z.string(), note: z.string(), scores: z.number(), average: z.number().nullable() })),
  /** Score sheets: the office sees every observer's; others the scores they entered themselves. */
  scoreSheets: z.array(z.object({ projectId: z.string(), observer: z.string(), score: z.number(), comment: z.string(), mine: z.boolean() })),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;
