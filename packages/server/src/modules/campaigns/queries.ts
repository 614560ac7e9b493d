/** The campaign of a year and what it decides: which projects count, the time curve, the rules. */
import { curveProblem, DEFAULT_DEADLINES, DEFAULT_GRADING_RULES, LINEAR_CURVE, type DeadlineRule, type GradingRules, type TimeCurve } from '@pacer/domain';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignProjects, campaigns, projects } from '../../db/schema.ts';

export interface CampaignSettings {
  id: string | null;
  year: number;
  name: string | null;
  timeCurve: TimeCurve;
  deadlines: DeadlineRule;
  gradingRules: GradingRules;
}

export async function campaignOfYear(db: Db, year: number): Promise<CampaignSettings> {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.year, year)).orderBy(asc(campaigns.createdAt)).limit(1);
  const curve = (c?.timeCurve as TimeCurve | null) ?? null;
  return {
    id: c?.id ?? null,
    year,
    name: c?.name ?? null,
    // A stored curve that no longer passes the checks falls back to linear rather than misleading.
    timeCurve: curve && curveProblem(curve) === null ? curve : LINEAR_CURVE,
    deadlines: { ...DEFAULT_DEADLINES, ...((c?.deadlines as Partial<DeadlineRule> | null) ?? {}) },
    gradingRules: { ...DEFAULT_GRADING_RULES, ...((c?.gradingRules as Partial<GradingRules> | null) ?? {}) },
  };
}

/** Projects that take part: the campaign's when there is one, otherwise every live project. */
export function inCampaign(campaign: CampaignSettings): SQL | undefined {
  if (!campaign.id) return undefined;
  return sql`${projects.id} in (select ${campaignProjects.projectId} from ${campaignProjects} where ${campaignProjects.campaignId} = ${campaign.id})`;
}
