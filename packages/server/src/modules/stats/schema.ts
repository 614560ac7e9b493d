/** What /api/stats answers (the route documents it; kept.ts checks each computed answer against it). */
import { z } from 'zod';
import { GROUP_FIELDS } from './service.ts';

const statsRow = z.object({
  key: z.string(),
  group: z.string(),
  projects: z.number(),
  planWan: z.number(),
  ytdWan: z.number(),
  completionRate: z.number().nullable(),
  timeProgress: z.number(),
  gapPoints: z.number().nullable(),
});

export const statsResponse = z.object({ year: z.number(), asOf: z.string(), groupBy: z.enum(GROUP_FIELDS), rows: z.array(statsRow), total: statsRow });
export type StatsResponse = z.infer<typeof statsResponse>;
