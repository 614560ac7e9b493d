import { beijingLocal, periodOf, previousPeriod } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStats } from '../modules/stats/service.ts';
import { seedDemo } from '../seed/demo.ts';
import { freshDatabase, type TestDatabase } from '../../test/harness.ts';
import { boardLines, statsRows } from './stats.ts';

let t: TestDatabase;
const year = Number(beijingLocal(new Date()).slice(0, 4)); // the demo's year, in Beijing time

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.database.db, { password: 'pacer2026', boards: 1 });
});
afterAll(async () => t?.drop());

describe('pacer stats and board', () => {
  it('prints one row per group with the contract fields and a 合计 row, from the same figures as the API', async () => {
    const rows = await statsRows(t.database.db, { year, asOf: `${year}-06-30`, groupBy: 'category' });
    expect(Object.keys(rows[0]!).sort()).toEqual(['completionRate', 'gapPoints', 'group', 'planWan', 'projects', 'timeProgress', 'ytdWan']);
    expect(rows.at(-1)!.group).toBe('合计');
    const api = await computeStats(t.database.db, null, { year, asOf: `${year}-06-30`, groupBy: 'category' });
    expect(rows).toEqual([...api.rows, api.total].map(({ key: _key, ...r }) => r));
    for (const r of rows) if (r.completionRate !== null) expect(Number.isInteger(Math.round(r.completionRate * 100))).toBe(true);
  });

  it('prints the latest published board of a week, and a draft for a week not published', async () => {
    // The demo publishes the week before the current one in Beijing time.
    const lastWeek = previousPeriod(periodOf('week', beijingLocal(new Date()).slice(0, 10))).start;
    const published = await boardLines(t.database.db, lastWeek);
    expect(published.status).toBe('published');
    expect(published.version).toBe(1);
    expect(published.lines.length).toBeGreaterThan(50);
    const older = await boardLines(t.database.db, `${year}-03-04`);
    expect(older.status).toBe('draft');
    expect(older.lines[0]!.rank).toBe(1);
  });
});
