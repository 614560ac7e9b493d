/** The demo city's 作战图: some projects plan their own months, and their records show all three colours. */
import { beijingLocal, type ColourRecordDto } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectMonthlyPlans } from '../db/schema.ts';
import { testApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
const year = Number(beijingLocal(new Date()).slice(0, 4));

beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('demo 作战图', () => {
  it('gives a share of projects their own monthly plan, front- or back-loaded, ending at the annual plan', async () => {
    const rows = await t.database.db.select().from(projectMonthlyPlans);
    const byPlan = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r.projectId}/${r.year}`;
      const plan = byPlan.get(key) ?? [];
      plan[r.month - 1] = r.cumulativeYuan;
      byPlan.set(key, plan);
    }
    const projects = new Set(rows.map((r) => r.projectId));
    expect(projects.size).toBeGreaterThan(10);
    expect(projects.size).toBeLessThan(60);
    const shapes = [...byPlan.values()].map((p) => (p[5]! > p[11]! / 2 ? 'front' : 'back'));
    expect(new Set(shapes)).toEqual(new Set(['front', 'back']));
  });

  it('colours vary, with red months that turned yellow once the project caught up', async () => {
    const admin = await t.login('admin');
    const ids = [...new Set((await t.database.db.select({ id: projectMonthlyPlans.projectId }).from(projectMonthlyPlans)).map((r) => r.id))];
    const seen = new Set<string>();
    for (const id of ids) {
      for (const y of [year - 1, year]) {
        const record = (await t.call('GET', `/api/projects/${id}/three-colour/${y}`, { cookie: admin })).json() as ColourRecordDto;
        for (const m of record.months) if (m.colour) seen.add(m.colour);
      }
    }
    expect(seen).toEqual(new Set(['green', 'yellow', 'red']));
  });
});
