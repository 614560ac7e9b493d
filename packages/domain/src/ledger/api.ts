/**
 * The import API's shapes (导入接口), shared by the server and the web client: jobs, sheets with
 * their proposed or confirmed mapping, counts, problems and staged rows.
 */
import { z } from 'zod';
import { COMPETITION_TRACKS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES } from '../vocabulary.ts';
import { AMOUNT_UNITS } from './amount.ts';
import { LEDGER_FIELD_KEYS } from './fields.ts';
import { columnMapping } from './mapping.ts';
import { IMPORT_KINDS } from './kind.ts';

export const IMPORT_STATUSES = ['analysing', 'mapping', 'previewing', 'previewed', 'committing', 'committed', 'rolling_back', 'rolled_back', 'failed', 'discarded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  analysing: '读取中',
  mapping: '待确认对应关系',
  previewing: '预检中',
  previewed: '预检完成',
  committing: '写入中',
  committed: '已导入',
  rolling_back: '撤销中',
  rolled_back: '已撤销',
  failed: '失败',
  discarded: '已放弃',
};

const period = z.object({ year: z.number().nullable(), month: z.number() }).nullable();

/** A sheet as analysed, with the mapping proposed (or as confirmed). */
export const sheetFinding = z.object({
  sheet: z.string(),
  hidden: z.boolean(),
  /** Rows holding anything. */
  rows: z.number(),
  /** Whether a table with a recognisable header was found. */
  found: z.boolean(),
  enabled: z.boolean(),
  headerTop: z.number(),
  headerBottom: z.number(),
  unit: z.enum(AMOUNT_UNITS),
  unitSource: z.enum(['note', 'default', 'user']),
  columns: z.array(columnMapping),
  title: z.array(z.string()),
  period,
  year: z.number().nullable(),
  /** What stops this sheet's mapping from being used. */
  problems: z.array(z.string()),
  /** The first rows under the header, as text, for the mapping screen. */
  sample: z.array(z.array(z.string())),
});
export type SheetFinding = z.infer<typeof sheetFinding>;

export const importCounts = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  reportsCreated: z.number(),
  reportsUpdated: z.number(),
  reportsUnchanged: z.number(),
  ownersCreated: z.number(),
  /** Group, 小计/合计, blank and note rows passed over. */
  ignoredRows: z.number(),
  errors: z.number(),
  warnings: z.number(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const emptyCounts = (): ImportCounts => ({
  rows: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  reportsCreated: 0,
  reportsUpdated: 0,
  reportsUnchanged: 0,
  ownersCreated: 0,
  ignoredRows: 0,
  errors: 0,
  warnings: 0,
});

/** Values for fields a ledger leaves out; a group row ("一、产业项目") wins over them. */
export const importDefaults = z.object({
  levels: z.array(z.enum(PROJECT_LEVELS.keys)).optional(),
  category: z.enum(PROJECT_CATEGORIES.keys).optional(),
  status: z.enum(PROJECT_STATUSES.keys).optional(),
  track: z.enum(COMPETITION_TRACKS.keys).optional(),
  regionCode: z.string().regex(/^\d{6}$/, { error: '区划代码应为 6 位数字' }).optional(),
});
export type ImportDefaults = z.infer<typeof importDefaults>;

export const importJobDto = z.object({
  id: z.string(),
  fileName: z.string(),
  fileSize: z.number(),
  status: z.enum(IMPORT_STATUSES),
  stage: z.string().nullable(),
  progress: z.object({ done: z.number(), total: z.number() }),
  error: z.string().nullable(),
  sheets: z.array(sheetFinding),
  period: z.string().nullable(),
  periodSource: z.string().nullable(),
  /** True when the sheets carry progress figures and no period could be read from them. */
  needsPeriod: z.boolean(),
  planYear: z.number().nullable(),
  defaults: importDefaults,
  notices: z.array(z.string()),
  counts: importCounts,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof importJobDto>;

/** The confirmed mapping: per sheet whether to import it, its unit and its columns. */
export const mappingInput = z.object({
  sheets: z
    .array(
      z.object({
        sheet: z.string(),
        enabled: z.boolean(),
        unit: z.enum(AMOUNT_UNITS).optional(),
        headerTop: z.number().int().min(0).optional(),
        headerBottom: z.number().int().min(0).optional(),
        columns: z.array(z.object({ index: z.number().int().min(0), field: z.enum(LEDGER_FIELD_KEYS).nullable(), unit: z.enum(AMOUNT_UNITS).nullable().optional() })).optional(),
      }),
    )
    .optional(),
  /** Reporting month 'YYYY-MM' for progress figures. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '填报期格式应为 YYYY-MM，例如 2022-03' }).nullable().optional(),
  planYear: z.number().int().min(2000).max(2100).nullable().optional(),
  defaults: importDefaults.optional(),
  /** Import everything the sheets carry, or only their project fields, or only their progress figures. */
  kind: z.enum(IMPORT_KINDS).default('auto'),
  /** Remember the confirmed columns for this organisation's next ledgers (default yes). */
  remember: z.boolean().default(true),
});
export type MappingInput = z.infer<typeof mappingInput>;

export const importProblemDto = z.object({
  seq: z.number(),
  level: z.enum(['error', 'warning']),
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});

export const importRowDto = z.object({
  seq: z.number(),
  sheet: z.string(),
  row: z.number(),
  action: z.enum(['create', 'update', 'unchanged', 'skip']),
  projectId: z.string().nullable(),
  projectName: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  reportAction: z.enum(['create', 'update', 'unchanged']).nullable(),
  newOwner: z.string().nullable(),
});

export const importPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const ledgerFieldDto = z.object({ key: z.enum(LEDGER_FIELD_KEYS), zh: z.string(), en: z.string(), target: z.enum(['project', 'progress', 'none']), kind: z.string() });
