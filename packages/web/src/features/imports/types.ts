/** What the import API answers (shapes shared with the server in @pacer/domain ledger/api.ts). */
import type { importJobDto, importProblemDto, importRowDto } from '@pacer/domain';
import type { z } from 'zod';

export type { ImportCounts, ImportDefaults, ImportJobDto as ImportJob, ImportKind, ImportStatus, MappingInput, SheetFinding } from '@pacer/domain';

export type ImportProblem = z.infer<typeof importProblemDto>;
export type ImportRow = z.infer<typeof importRowDto>;
/** An import in the history list: the job without its sheets, with who made it. */
export type ImportRecord = Omit<z.infer<typeof importJobDto>, 'sheets'> & { createdByName: string };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type ProblemLevel = ImportProblem['level'];
export type RowAction = ImportRow['action'];
