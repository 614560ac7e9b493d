import { beijingLocal } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let admin: string;
const year = Number(beijingLocal(new Date()).slice(0, 4)); // the demo's year, in Beijing time

beforeAll(async () => {
  t = await testApp({ reports: false });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('campaign settings', () => {
  it('sets a custom time-progress curve that the figures then use', async () => {
    const list = (await t.call('GET', '/api/campaigns', { cookie: admin })).json();
    const c = list.find((x: { year: number }) => x.year === year);
    const body = {
      name: c.name,
      slogan: c.slogan,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      cadence: ['week'],
      deadlines: { weekday: 5, monthDay: 25, time: '17:00' },
      timeCurve: [
        { month: 3, share: 0.2 },
        { month: 6, share: 0.5 },
        { month: 9, share: 0.75 },
        { month: 12, share: 1 },
      ],
      gradingRules: null,
    };
    expect((await t.call('PUT', `/api/campaigns/${c.id}`, { cookie: admin, body })).statusCode).toBe(200);
    const stats = (await t.call('GET', `/api/stats?year=${year}&asOf=${year}-03-31`, { cookie: admin })).json();
    expect(stats.total.timeProgress).toBe(20);
  });

  it('explains a curve that does not end at 100%', async () => {
    const c = (await t.call('GET', '/api/campaigns', { cookie: admin })).json()[0];
    const res = await t.call('PUT', `/api/campaigns/${c.id}`, {
      cookie: admin,
      body: { name: c.name, slogan: null, startsOn: c.startsOn, endsOn: c.endsOn, cadence: ['week'], deadlines: { weekday: 5, monthDay: 25, time: '17:00' }, timeCurve: [{ month: 6, share: 0.5 }], gradingRules: null },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('12 月末 = 100%');
  });

  it('is changed by the office only', async () => {
    const c = (await t.call('GET', '/api/campaigns', { cookie: admin })).json()[0];
    const owner = await t.login('owner');
    expect((await t.call('PUT', `/api/campaigns/${c.id}`, { cookie: owner, body: {} })).statusCode).toBe(403);
  });
});
