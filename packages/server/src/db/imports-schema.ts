/**
 * Excel import (台账导入): each upload is a job that any instance can report on — its file,
 * the mapping, the staged rows a preview found, the problems, and what a commit changed.
 */
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** bytea: Buffer from pg, Uint8Array from PGlite, Buffer to the app. */
const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** 导入批次: one uploaded file on its way through analyse → mapping → preview → commit (→ rollback). */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    sha256: text('sha256').notNull(),
    /** analysing | mapping | previewing | previewed | committing | committed | rolling_back | rolled_back | failed | discarded */
    status: text('status').notNull(),
    /** What the running work is doing, for the progress bar. */
    stage: text('stage'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** Touched while work runs; a stale one means the process doing it has gone. */
    heartbeatAt: at('heartbeat_at'),
    error: text('error'),
    /** Per sheet: what was found, the proposed or confirmed column mapping, the unit. */
    sheets: jsonb('sheets').notNull().default([]),
    /** Reporting month 'YYYY-MM' for progress figures, and where it came from. */
    period: text('period'),
    periodSource: text('period_source'),
    /** The year an unlabelled 年度计划 column belongs to. */
    planYear: integer('plan_year'),
    /** Values for fields a ledger leaves out (level, category, status, region). */
    defaults: jsonb('defaults').notNull().default({}),
    /** Things the person should know before committing (an assumed unit, a hidden sheet). */
    notices: jsonb('notices').notNull().default([]),
    counts: jsonb('counts').notNull().default({}),
    /** Units created for owners the ledger names but the system did not know. */
    createdOrgs: jsonb('created_orgs').notNull().default([]),
    /** Whose mapping memory applies, and who may see the job: the importer's organisation. */
    ownerKey: text('owner_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    committedAt: at('committed_at'),
    committedBy: uuid('committed_by').references(() => users.id),
    rolledBackAt: at('rolled_back_at'),
    rolledBackBy: uuid('rolled_back_by').references(() => users.id),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt), index('import_jobs_owner_idx').on(t.ownerKey, t.createdAt)],
);

/** The uploaded bytes, kept apart so job queries stay light; any instance can read them. */
export const importFiles = pgTable('import_files', {
  jobId: uuid('job_id')
    .primaryKey()
    .references(() => importJobs.id, { onDelete: 'cascade' }),
  bytes: bytes('bytes').notNull(),
});

/** A project row of the ledger as the preview found it: what a commit will do with it. */
export const importRows = pgTable(
  'import_rows',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    sheet: text('sheet').notNull(),
    rowNumber: integer('row_number').notNull(),
    /** create | update | unchanged | skip */
    action: text('action').notNull(),
    /** The project (for a create, the id it will get); no foreign key: a rollback deletes it. */
    projectId: uuid('project_id'),
    projectName: text('project_name').notNull(),
    /** The project's version when previewed (a commit refuses if it moved). */
    projectVersion: integer('project_version'),
    /** ProjectData to write, for create and update. */
    project: jsonb('project'),
    /** What an update changes: [{ field, before, after }]. */
    changes: jsonb('changes').notNull().default([]),
    /** create | update | unchanged, or null when the row has no progress figures. */
    reportAction: text('report_action'),
    reportId: uuid('report_id'),
    report: jsonb('report'),
    /** The name of an owner unit to create with this project. */
    newOwner: text('new_owner'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] }), index('import_rows_project_idx').on(t.projectId)],
);

/** Every problem found, with where it is: sheet, row, column, value, reason. */
export const importProblems = pgTable(
  'import_problems',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** error: the row is not imported; warning: imported, but look. */
    level: text('level').notNull(),
    sheet: text('sheet'),
    rowNumber: integer('row_number'),
    /** Column letter as Excel shows it, and its header. */
    columnLetter: text('column_letter'),
    header: text('header'),
    value: text('value'),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] }), index('import_problems_level_idx').on(t.jobId, t.level)],
);

/** What an organisation confirmed a header to mean, so its next ledger maps by itself. */
export const importHeaderMemory = pgTable(
  'import_header_memory',
  {
    ownerKey: text('owner_key').notNull(),
    header: text('header').notNull(),
    /** null: "do not import this column". */
    field: text('field'),
    updatedAt: at('updated_at').notNull().default(sql`now()`),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.ownerKey, t.header] })],
);
