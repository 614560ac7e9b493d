/**
 * Tables of 问题交办/督办, 调度会, reminders and scheduled jobs. Kept apart from schema.ts so
 * that several people can change the schema without meeting in one file.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, people, progressReports, projects, regions, users } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** A year's holidays and adjusted working days (调休) as the office configured them. */
export const workCalendars = pgTable('work_calendars', {
  year: integer('year').primaryKey(),
  holidays: text('holidays').array().notNull(),
  workdays: text('workdays').array().notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** Dispatch settings by key (e.g. 'escalation' → EscalationRules). */
export const dispatchSettings = pgTable('dispatch_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** 调度会 and 现场观摩. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: day('held_on').notNull(),
    location: text('location'),
    chairPersonId: uuid('chair_person_id').references(() => people.id),
    status: text('status').notNull().default('planned'),
    attendees: text('attendees').notNull().default(''),
    /** 会议纪要. */
    minutes: text('minutes').notNull().default(''),
    /** The lag (percentage points) the proposed agenda used. */
    gapThreshold: doublePrecision('gap_threshold').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('meetings_held_idx').on(t.heldOn)],
);

/** 问题 (or a meeting's task): one row per problem, its steps in problem_events. */
export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Sequence number people quote (问题编号). */
    number: serial('number').notNull().unique(),
    kind: text('kind').notNull().default('problem'),
    projectId: uuid('project_id').references(() => projects.id),
    reportId: uuid('report_id').references(() => progressReports.id, { onDelete: 'set null' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    type: text('type').notNull(),
    severity: text('severity').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    state: text('state').notNull(),
    /** 调度层级: 1 责任单位, 2 联点领导, 3 主要领导. */
    level: integer('level').notNull().default(1),
    leadOrgId: uuid('lead_org_id').references(() => organisations.id),
    deadline: day('deadline'),
    raisedOn: day('raised_on').notNull(),
    assignedOn: day('assigned_on'),
    signedOn: day('signed_on'),
    resolvedOn: day('resolved_on'),
    closedOn: day('closed_on'),
    /** Last business date anyone acted or it moved up a level: silence is counted from here. */
    lastActivityOn: day('last_activity_on').notNull(),
    solvedOnSpot: boolean('solved_on_spot').notNull().default(false),
    raisedBy: uuid('raised_by').references(() => users.id),
    raiserOrgId: uuid('raiser_org_id').references(() => organisations.id),
    raiserRegionCode: text('raiser_region_code').references(() => regions.code),
    raiserRole: text('raiser_role').notNull(),
    serviceTeamOrgId: uuid('service_team_org_id').references(() => organisations.id),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('problems_project_idx').on(t.projectId),
    index('problems_state_idx').on(t.state, t.deadline),
    index('problems_lead_idx').on(t.leadOrgId),
    index('problems_meeting_idx').on(t.meetingId),
    check('problems_level_range', sql`${t.level} between 1 and 3`),
  ],
);

/** Lead (牵头) and co-handling (配合) units of an assignment. */
export const problemHandlers = pgTable(
  'problem_handlers',
  {
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.orgId] }), index('problem_handlers_org_idx').on(t.orgId)],
);

/** Every step with who and when; nothing about a problem is lost. */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    level: integer('level').notNull(),
    note: text('note').notNull().default(''),
    data: jsonb('data').notNull().default({}),
    /** Null for the scheduler's own steps (escalation, chasing). */
    userId: uuid('user_id').references(() => users.id),
    orgId: uuid('org_id').references(() => organisations.id),
    at: at('at').notNull().defaultNow(),
    on: day('occurred_on').notNull(),
    /** Order of recording: steps in the same instant (one job run, a fast double step) keep their order. */
    seq: serial('seq').notNull(),
  },
  (t) => [index('problem_events_problem_idx').on(t.problemId, t.at)],
);

/** Photos of the problem and of the handlers' evidence. */
export const problemPhotos = pgTable(
  'problem_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => problemEvents.id, { onDelete: 'set null' }),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    takenAt: at('taken_at'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    caption: text('caption'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: at('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('problem_photos_problem_idx').on(t.problemId), uniqueIndex('problem_photos_problem_sha_uq').on(t.problemId, t.sha256)],
);

/** The agenda (议程), proposed from the data and edited by the office. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    sort: integer('sort').notNull(),
    section: text('section').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    problemId: uuid('problem_id').references(() => problems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('meeting_agenda_meeting_idx').on(t.meetingId, t.sort)],
);

/** 会议议定事项: each becomes an assigned problem or task. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    sort: integer('sort').notNull(),
    text: text('text').notNull(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('meeting_decisions_meeting_idx').on(t.meetingId)],
);

/** Projects an on-site tour visited, in order. */
export const meetingVisits = pgTable(
  'meeting_visits',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    sort: integer('sort').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.projectId] })],
);

/** An observer's score (观摩打分) for a visited project. */
export const meetingScores = pgTable(
  'meeting_scores',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    observer: text('observer').notNull(),
    score: doublePrecision('score').notNull(),
    comment: text('comment').notNull().default(''),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: at('entered_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.projectId, t.observer] }), check('meeting_scores_range', sql`${t.score} >= 0 and ${t.score} <= 100`)],
);

/** In-app reminders; dedupe_key makes every job's notice land once per user. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    entity: text('entity'),
    entityId: text('entity_id'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    readAt: at('read_at'),
  },
  (t) => [uniqueIndex('notifications_user_dedupe_uq').on(t.userId, t.dedupeKey), index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Outbound channel: a gateway URL (SMS, 政务微信, 钉钉) per organisation, or the office's for everyone. */
export const webhooks = pgTable('webhooks', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Null: the office's own gateway, which receives every notification. */
  orgId: uuid('org_id').references(() => organisations.id),
  name: text('name').notNull(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  /** Notification kinds sent; empty = all. */
  kinds: text('kinds').array().notNull().default(sql`array[]::text[]`),
  enabled: boolean('enabled').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** One notification to send to one webhook, with every attempt recorded. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    notificationId: uuid('notification_id').references(() => notifications.id, { onDelete: 'set null' }),
    payload: jsonb('payload').notNull(),
    /** pending → sending → delivered, or back to pending for a retry, or failed after the last. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    claimedAt: at('claimed_at'),
    log: jsonb('log').notNull().default([]),
    deliveredAt: at('delivered_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt), uniqueIndex('webhook_deliveries_once_uq').on(t.webhookId, t.notificationId)],
);

/** One row per scheduled run: its key (e.g. 'escalate:2026-11-23') can be taken only once. */
export const jobRuns = pgTable('job_runs', {
  runKey: text('run_key').primaryKey(),
  job: text('job').notNull(),
  instance: text('instance').notNull(),
  startedAt: at('started_at').notNull().defaultNow(),
  finishedAt: at('finished_at'),
  result: jsonb('result'),
});
