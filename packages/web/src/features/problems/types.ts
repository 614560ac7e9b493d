/** What the problems API answers (see packages/server/src/modules/problems/routes.ts and docs/problems.md). */
import type { ExtensionAction, ProblemAction, ProblemDetail, ProblemFigures, ProblemSummary, StepBody } from '@pacer/domain';

export type { ExtensionAction, ProblemAction, ProblemDetail, ProblemFigures, ProblemSummary, StepBody };

/** Units a problem can be assigned to (the server's HANDLER_KINDS). */
export const HANDLER_KINDS: readonly string[] = ['department', 'government', 'hq', 'service_team'];

export const PROBLEM_TABS = ['mine', 'overdue', 'dueThisWeek', 'all'] as const;
export type ProblemTab = (typeof PROBLEM_TABS)[number];

export interface ProblemPage {
  items: ProblemSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface QueueCounts {
  mine: number;
  overdue: number;
  dueThisWeek: number;
  open: number;
  byLevel: Record<'1' | '2' | '3', number>;
}

export const FIGURE_GROUPS = ['type', 'department', 'region', 'hq'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

export interface ProblemStats {
  from: string;
  to: string;
  groupBy: FigureGroup;
  total: ProblemFigures;
  rows: (ProblemFigures & { group: string })[];
}

export interface WorkingDays {
  from: string;
  date: string | null;
  workingDays: number | null;
  fromIsWorkingDay: boolean;
}

export interface EscalationRules {
  deadlineWorkingDays: Record<'urgent' | 'major' | 'normal', number>;
  dueSoonWorkingDays: number;
}

/** The step routes, by action (POST /api/problems/:id/<path>). */
export const STEP_PATHS: Record<ProblemAction | ExtensionAction, string> = {
  assign: 'assign',
  solveOnSpot: 'solve-on-spot',
  sign: 'sign',
  progress: 'progress',
  reply: 'reply',
  recheck: 'recheck',
  sendBack: 'send-back',
  confirm: 'confirm',
  reopen: 'reopen',
  requestExtension: 'request-extension',
  approveExtension: 'approve-extension',
  refuseExtension: 'refuse-extension',
};
