/** What GET /api/dashboard answers (see packages/server/src/modules/dashboard). */
import type { Grade } from '@pacer/domain';

export interface StatsRow {
  group: string;
  projects: number;
  planWan: number;
  ytdWan: number;
  completionRate: number | null;
  timeProgress: number;
  gapPoints: number | null;
}

export interface ProjectFigure {
  id: string;
  name: string;
  regionName: string;
  planWan: number | null;
  ytdWan: number;
  completionRate: number | null;
  gapPoints: number | null;
}

export interface Dashboard {
  year: number;
  asOf: string;
  timeProgress: number;
  total: StatsRow;
  byRegion: StatsRow[];
  byCategory: StatsRow[];
  byLevel: StatsRow[];
  trend: { month: string; completionRate: number | null; timeProgress: number; ytdWan: number }[];
  grades: { boardId: string; weekStart: string; version: number; distribution: Record<Grade | 'none', number> } | null;
  top: ProjectFigure[];
  bottom: ProjectFigure[];
  lagging: ProjectFigure[];
}
