/**
 * Demo 作战图: about a third of the projects with an annual plan get their own monthly plan,
 * front-loaded (most of the work planned early, as offices ask of new projects before the rainy
 * season) or back-loaded. Against a front-loaded plan a project on the time curve falls behind
 * early and catches up later, so the record shows red months turned yellow.
 */
import { projectMonthlyPlans } from '../db/schema.ts';
import type { Db } from '../db/client.ts';
import { seededRandom } from './random.ts';

const WAN = 10_000;

/** Cumulative share of the year due by the end of month m (1–12) for a plan of this shape. */
function share(month: number, shape: 'front' | 'back', power: number): number {
  const t = month / 12;
  return shape === 'front' ? 1 - (1 - t) ** power : t ** power;
}

export async function seedMonthlyPlans(db: Db, plans: { projectId: string; year: number; amountYuan: number }[]): Promise<number> {
  // A random stream of its own: the rest of the demo stays as it was without monthly plans.
  const rnd = seededRandom(430301);
  const chosen = [...new Set(plans.filter((p) => p.amountYuan > 0).map((p) => p.projectId))].filter(() => rnd.chance(0.35));
  const shapes = new Map(chosen.map((id) => [id, { shape: rnd.chance(0.65) ? ('front' as const) : ('back' as const), power: 1.3 + rnd.next() * 0.5 }]));
  const rows: (typeof projectMonthlyPlans.$inferInsert)[] = [];
  for (const p of plans) {
    const s = shapes.get(p.projectId);
    if (!s || p.amountYuan <= 0) continue;
    for (let month = 1; month <= 12; month++) {
      // Whole 万元 as offices write them; December is the annual plan itself.
      const cumulativeYuan = month === 12 ? p.amountYuan : Math.round((p.amountYuan * share(month, s.shape, s.power)) / WAN) * WAN;
      rows.push({ projectId: p.projectId, year: p.year, month, cumulativeYuan: Math.min(cumulativeYuan, p.amountYuan) });
    }
  }
  for (let i = 0; i < rows.length; i += 1200) await db.insert(projectMonthlyPlans).values(rows.slice(i, i + 1200));
  return rows.length / 12;
}
