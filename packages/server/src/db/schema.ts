/**
 * The database schema. It changes only through migrations generated from this file
 * (`npm run db:generate`), applied by `pacer migrate` and at start.
 * Money is integer 元 in bigint columns; drizzle's "number" mode is exact up to 2^53 元.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const yuan = (name: string) => bigint(name, { mode: 'number' });
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** 行政区划与园区 (GB/T 2260 codes; parks use their statistical codes). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    kind: text('kind').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/** 组织: the office, HQs, departments, owners, service teams, local governments. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organisations_kind_name_uq').on(t.kind, t.name)],
);

/** 人员: leaders, contacts, chain leaders; a user account may point at one. */
export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  title: text('title'),
  orgId: uuid('org_id').references(() => organisations.id),
  phone: text('phone'),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  /** The unit whose data the user sees (owner, department, HQ). */
  orgId: uuid('org_id').references(() => organisations.id),
  /** The area a coordinator answers for. */
  regionCode: text('region_code').references(() => regions.code),
  /** The person a leader account stands for. */
  personId: uuid('person_id').references(() => people.id),
  locale: text('locale').notNull().default('zh-CN'),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** 产业链 with its chain leader (链长). */
export const industrialChains = pgTable('industrial_chains', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  leaderPersonId: uuid('leader_person_id').references(() => people.id),
});

/** 竞赛活动: a year's campaign with its period. */
export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  slogan: text('slogan'),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  /** Reporting cadence: 'week' and/or 'month'. */
  cadence: text('cadence').array().notNull().default(sql`array['week','month']::text[]`),
  /** DeadlineRule from the domain: weekday, day of month, time. */
  deadlines: jsonb('deadlines').notNull().default({ weekday: 5, monthDay: 25, time: '17:00' }),
  /** 时序进度 curve as month-end anchors; null means linear by month. */
  timeCurve: jsonb('time_curve'),
  /** Grading rules for the weekly board; null means the defaults. */
  gradingRules: jsonb('grading_rules'),
  createdAt: createdAt(),
});

/** 重点项目库. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code'),
    name: text('name').notNull(),
    levels: text('levels').array().notNull(),
    category: text('category').notNull(),
    status: text('status').notNull(),
    track: text('track'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    parkCode: text('park_code').references(() => regions.code),
    industryCode: text('industry_code'),
    chainId: uuid('chain_id').references(() => industrialChains.id),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisations.id),
    responsibleOrgId: uuid('responsible_org_id').references(() => organisations.id),
    leaderPersonId: uuid('leader_person_id').references(() => people.id),
    hqOrgId: uuid('hq_org_id').references(() => organisations.id),
    serviceTeamOrgId: uuid('service_team_org_id').references(() => organisations.id),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    totalInvestmentYuan: yuan('total_investment_yuan').notNull(),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedFinish: date('planned_finish', { mode: 'string' }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    description: text('description'),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('projects_code_uq').on(t.code).where(sql`${t.deletedAt} is null and ${t.code} is not null`),
    uniqueIndex('projects_region_name_uq').on(t.regionCode, t.name).where(sql`${t.deletedAt} is null`),
    index('projects_region_idx').on(t.regionCode),
    index('projects_park_idx').on(t.parkCode),
    index('projects_owner_idx').on(t.ownerOrgId),
    index('projects_hq_idx').on(t.hqOrgId),
    index('projects_leader_idx').on(t.leaderPersonId),
    index('projects_responsible_idx').on(t.responsibleOrgId),
    // The project list's default order (last changed first): its first page without sorting every project.
    index('projects_updated_idx').on(t.updatedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    // Sums by region (/api/stats) read only id and region of the live projects: from this index
    // alone, in id order, merged with the campaign's members (2 MB at province, not the 24 MB heap).
    index('projects_live_region_idx').on(t.id, t.regionCode).where(sql`${t.deletedAt} is null`),
    check('projects_total_nonneg', sql`${t.totalInvestmentYuan} >= 0`),
  ],
);

/** 年度计划投资 per year; the first figure set is the baseline and is kept. */
export const projectAnnualPlans = pgTable(
  'project_annual_plans',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    amountYuan: yuan('amount_yuan').notNull(),
    baselineYuan: yuan('baseline_yuan').notNull(),
    changeReason: text('change_reason'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] }), index('annual_plans_year_idx').on(t.year)],
);

/** 资金来源. */
export const projectFunding = pgTable(
  'project_funding',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    amountYuan: yuan('amount_yuan').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.source] })],
);

/** 节点计划: planned date (current), baseline (first planned) and actual. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    plannedDate: date('planned_date', { mode: 'string' }),
    baselineDate: date('baseline_date', { mode: 'string' }),
    actualDate: date('actual_date', { mode: 'string' }),
    changeReason: text('change_reason'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.kind] })],
);

/** 竞赛项目: which projects a campaign runs. */
export const campaignProjects = pgTable(
  'campaign_projects',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.projectId] })],
);

/** 进度填报: one report per project and period; every change is kept in report_versions. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    periodKind: text('period_kind').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** 本期完成投资 (形象进度口径). */
    periodYuan: yuan('period_yuan').notNull(),
    /** 本年累计完成投资 (形象进度口径). */
    ytdYuan: yuan('ytd_yuan').notNull(),
    /** 自开工累计完成投资. */
    sinceStartYuan: yuan('since_start_yuan').notNull(),
    /** 本年累计财务支出 (财务支出口径), when reported. */
    paidYtdYuan: yuan('paid_ytd_yuan'),
    physicalProgress: text('physical_progress').notNull().default(''),
    problems: text('problems').notNull().default(''),
    milestones: jsonb('milestones').notNull().default([]),
    /** Findings of the checks at the last save (errors, warnings, flags). */
    findings: jsonb('findings').notNull().default([]),
    reviewNote: text('review_note'),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_project_period_uq').on(t.projectId, t.periodKind, t.periodStart),
    index('reports_period_idx').on(t.periodKind, t.periodStart),
    index('reports_year_idx').on(t.year, t.periodKind),
    // The latest report of a project in a year as of a date (figures, boards, bulletins): one
    // backward index-only scan per project (status and YTD ride in the index) instead of
    // reading and sorting all its reports.
    index('reports_latest_idx').on(t.projectId, t.year, t.periodEnd, t.updatedAt, t.status, t.ytdYuan),
  ],
);

/** Every saved state of a report, with who and what happened. */
export const reportVersions = pgTable(
  'report_versions',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    status: text('status').notNull(),
    data: jsonb('data').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] })],
);

/** bytea for photo bytes: Buffer from pg, Uint8Array from PGlite, Buffer to the app. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** 现场照片 attached to a report: validated images with their time and place as evidence. */
export const reportPhotos = pgTable(
  'report_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** From the photo's EXIF, when it carries them. */
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date' }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    caption: text('caption'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('report_photos_report_idx').on(t.reportId), uniqueIndex('report_photos_report_sha_uq').on(t.reportId, t.sha256)],
);

/** 周晒榜: a published weekly board, immutable; a correction is a new version of the same week. */
export const boards = pgTable(
  'boards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    weekEnd: date('week_end', { mode: 'string' }).notNull(),
    version: integer('version').notNull(),
    /** Time progress at the week's end, percent. */
    timeProgress: doublePrecision('time_progress').notNull(),
    /** What this version changed from the previous one (corrections must say). */
    changeNote: text('change_note'),
    changes: jsonb('changes').notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('boards_week_version_uq').on(t.weekStart, t.version)],
);

/** One project's line on a published board, frozen as published. */
export const boardEntries = pgTable(
  'board_entries',
  {
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    projectName: text('project_name').notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    parkName: text('park_name'),
    hqName: text('hq_name'),
    ownerName: text('owner_name').notNull(),
    category: text('category').notNull(),
    levels: text('levels').array().notNull(),
    planYuan: yuan('plan_yuan'),
    ytdYuan: yuan('ytd_yuan').notNull(),
    completionRate: doublePrecision('completion_rate'),
    gapPoints: doublePrecision('gap_points'),
    suggestedGrade: text('suggested_grade'),
    grade: text('grade'),
    gradeReason: text('grade_reason').notNull(),
    rank: integer('rank'),
    peerRank: integer('peer_rank'),
    movement: integer('movement'),
    reportMissing: boolean('report_missing').notNull(),
    maxOverdueDays: integer('max_overdue_days').notNull(),
    colour: text('colour'),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.projectId] })],
);

/** The office's grade adjustments for a week before publishing, each with its reason. */
export const boardAdjustments = pgTable(
  'board_adjustments',
  {
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    grade: text('grade').notNull(),
    reason: text('reason').notNull(),
    userId: uuid('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.weekStart, t.projectId] })],
);

/** Every change with who and when; project snapshots make any version recoverable. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);

/** Tables in dependency order (parents first): used by backup, restore and tests. */
export const TABLES_IN_ORDER = [
  'regions',
  'organisations',
  'people',
  'users',
  'sessions',
  'industrial_chains',
  'campaigns',
  'projects',
  'project_annual_plans',
  'project_funding',
  'project_milestones',
  'project_monthly_plans',
  'campaign_projects',
  'audit_log',
  // Before the reports: restoring them recomputes these rows (triggers), replacing the copies.
  'latest_reports',
  'progress_reports',
  'report_versions',
  'report_photos',
  'boards',
  'board_entries',
  'board_adjustments',
  'work_calendars',
  'dispatch_settings',
  'meetings',
  'problems',
  'problem_handlers',
  'problem_events',
  'problem_photos',
  'problem_extensions',
  'meeting_agenda_items',
  'meeting_decisions',
  'meeting_visits',
  'meeting_scores',
  'meeting_attendee_orgs',
  'notifications',
  'webhooks',
  'webhook_deliveries',
  'job_runs',
  'import_jobs',
  'import_files',
  'import_rows',
  'import_problems',
  'import_header_memory',
] as const;

/**
 * Tables a backup leaves out: the change log for instances' kept answers (changes-schema.ts).
 * Its transaction ids mean nothing in another database; a restore logs its own changes.
 */
export const NOT_BACKED_UP: readonly string[] = ['project_changes', 'project_changes_horizon'];

export * from './problems-schema.ts';
export * from './imports-schema.ts';
export * from './problem-extensions-schema.ts';
export * from './meetings-schema.ts';
export * from './monthly-plans-schema.ts';
export * from './figures-schema.ts';
export * from './changes-schema.ts';
