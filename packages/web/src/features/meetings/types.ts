/** What the meetings API answers (see packages/server/src/modules/meetings/routes.ts). */
import type { agendaItemInput, decisionInput, meetingDetail, meetingInput, meetingSummary, meetingUpdate, scoreInput } from '@pacer/domain';
import type { z } from 'zod';

export type MeetingSummary = z.infer<typeof meetingSummary>;
export type MeetingDetail = z.infer<typeof meetingDetail>;
export type MeetingInput = z.input<typeof meetingInput>;
export type MeetingUpdate = z.input<typeof meetingUpdate>;
export type DecisionInput = z.input<typeof decisionInput>;
export type ScoreInput = z.input<typeof scoreInput>;
export type AgendaItem = z.output<typeof agendaItemInput>;
/** An agenda line as the page keeps it: the server's items carry a project name to show. */
export type AgendaRow = AgendaItem & { key: string; projectName?: string | null };

export const RANKING_GROUPS = ['project', 'region'] as const;
export type RankingGroup = (typeof RANKING_GROUPS)[number];

export interface RankingRow {
  key: string;
  name: string;
  regionName: string;
  scores: number;
  average: number;
  rank: number;
}

export interface Ranking {
  groupBy: RankingGroup;
  rows: RankingRow[];
}
