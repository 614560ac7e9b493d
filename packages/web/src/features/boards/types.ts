/** What the board API answers (see packages/server/src/modules/boards). */
import type { Colour, Grade, Period, ProjectCategory, ProjectLevel } from '@pacer/domain';

/** The project as the draft sends it: only what the page shows (publishing keeps the full record). */
export interface DraftItem {
  projectId: string;
  name: string;
  regionName: string;
  category: ProjectCategory;
  planYuan: number | null;
  ytdYuan: number;
  reportMissing: boolean;
  maxOverdueDays: number;
  colour: Colour | null;
}

export interface DraftLine {
  item: DraftItem;
  completionRate: number | null;
  gapPoints: number | null;
  suggestedGrade: Grade | null;
  suggestedReason: string;
  grade: Grade | null;
  gradeReason: string;
  adjusted: boolean;
  rank: number | null;
  peerRank: number | null;
  movement: number | null;
}

export interface DraftBoard {
  week: Period;
  year: number;
  timeProgress: number;
  publishedVersion: number | null;
  lines: DraftLine[];
}

export interface PublishedBoard {
  id: string;
  year: number;
  weekStart: string;
  weekEnd: string;
  version: number;
  timeProgress: number;
  changeNote: string | null;
  changes: { projectName: string; what: string }[];
  publishedAt: string;
}

export type Distribution = Record<Grade | 'none', number>;

export interface BoardEntry {
  projectId: string;
  projectName: string;
  regionName: string;
  parkName: string | null;
  hqName: string | null;
  ownerName: string;
  category: ProjectCategory;
  levels: ProjectLevel[];
  planYuan: number | null;
  ytdYuan: number;
  completionRate: number | null;
  gapPoints: number | null;
  suggestedGrade: Grade | null;
  grade: Grade | null;
  gradeReason: string;
  rank: number | null;
  peerRank: number | null;
  movement: number | null;
  reportMissing: boolean;
  maxOverdueDays: number;
  colour: Colour | null;
}

export interface PublicBoard {
  board: PublishedBoard;
  versions: { id: string; version: number }[];
  distribution: Distribution;
  entries: BoardEntry[];
}

export const UNIT_GROUPS = ['region', 'park', 'hq'] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

export interface UnitRow {
  group: string;
  projects: number;
  planWan: number;
  ytdWan: number;
  completionRate: number | null;
  gapPoints: number | null;
  rank: number | null;
  distribution: Distribution;
  /** 流动红旗: the unit at the top this week. */
  redFlag: boolean;
  /** 预警: the unit at the bottom. */
  warning: boolean;
}

export interface UnitBoard {
  board: PublishedBoard;
  groupBy: UnitGroup;
  rows: UnitRow[];
}
