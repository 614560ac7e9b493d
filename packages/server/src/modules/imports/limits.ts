/** How large a ledger may be: set per deployment (PACER_IMPORT_*), lowered in tests. */
export interface ImportLimits {
  /** Bytes of the uploaded file. */
  maxUploadBytes: number;
  /** Rows holding anything, per sheet. */
  maxRows: number;
  /** Bytes after inflating the parts read (a zip bomb stops here). */
  maxUnzippedBytes: number;
  maxEntries: number;
  /** Inflated / compressed for an entry above 1 MB. */
  maxRatio: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxUploadBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  maxUnzippedBytes: 512 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 200,
};

/** The limits a deployment configured (PACER_IMPORT_MAX_MB, _ROWS, _UNZIPPED_MB). */
export function importLimitsFromConfig(c: { PACER_IMPORT_MAX_MB: number; PACER_IMPORT_MAX_ROWS: number; PACER_IMPORT_MAX_UNZIPPED_MB: number }): ImportLimits {
  return importLimits({ maxUploadBytes: Math.round(c.PACER_IMPORT_MAX_MB * 1024 * 1024), maxRows: c.PACER_IMPORT_MAX_ROWS, maxUnzippedBytes: Math.round(c.PACER_IMPORT_MAX_UNZIPPED_MB * 1024 * 1024) });
}

export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}
