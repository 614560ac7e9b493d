/**
 * Data scope through HTTP: each role sees and changes only the projects it answers for,
 * and a refused change leaves the stored project exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import {
  auditEntries,
  create,
  detail,
  idsOf,
  listAll,
  liveRows,
  me,
  newProject,
  projectRows,
  reference,
  storedProject,
  toInput,
  type ProjectRow,
} from '../../../test/projects.ts';

let t: TestApp;
let admin: string;
let rows: ProjectRow[];

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  rows = await liveRows(t);
});
afterAll(async () => t?.close());

/** Signs in as `username` and checks the list and a detail read against `inScope`. */
async function expectReadScope(username: string, inScope: (p: ProjectRow, user: Awaited<ReturnType<typeof me>>) => boolean) {
  const cookie = await t.login(username);
  const user = await me(t, cookie);
  const rows = await liveRows(t); // fresh: other tests here create projects
  const want = rows.filter((p) => inScope(p, user));
  expect(want.length, `${username} answers for some projects`).toBeGreaterThan(0);
  expect(want.length, `${username} does not see everything`).toBeLessThan(rows.length);
  expect(idsOf(await listAll(t, cookie))).toEqual(idsOf(want));
  const outside = rows.find((p) => !inScope(p, user))!;
  expect((await t.call('GET', `/api/projects/${outside.id}`, { cookie })).statusCode).toBe(404);
  expect((await t.call('GET', `/api/projects/${want[0]!.id}`, { cookie })).statusCode).toBe(200);
  return { cookie, user, outside, inside: want };
}

describe('owner (业主单位)', () => {
  it('sees only its own projects in the list and in detail', async () => {
    await expectReadScope('owner', (p, u) => p.ownerOrgId === u.orgId);
    await expectReadScope('owner2', (p, u) => p.ownerOrgId === u.orgId);
  });

  it('cannot read, change, delete or restore another owner’s project, which stays as it was', async () => {
    const owner2 = await t.login('owner2');
    const { orgId } = await me(t, await t.login('owner'));
    const target = rows.find((p) => p.ownerOrgId === orgId)!;
    const before = await storedProject(t, target.id);
    const auditBefore = await auditEntries(t, target.id);
    // A well-formed edit with the right version: only the scope can refuse it.
    const body = { ...toInput(await detail(t, admin, target.id)), name: '被他人篡改的名称', totalInvestmentYuan: 1, annualPlans: [], fundingSources: [] };

    expect((await t.call('GET', `/api/projects/${target.id}`, { cookie: owner2 })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/projects/${target.id}?includeDeleted=true`, { cookie: owner2 })).statusCode).toBe(404);
    const put = await t.call('PUT', `/api/projects/${target.id}`, { cookie: owner2, body });
    expect(put.statusCode).toBe(404);
    expect(put.body).not.toContain(target.name);
    // Nor by claiming it: naming itself as owner in the body does not widen the scope.
    const claim = await t.call('PUT', `/api/projects/${target.id}`, { cookie: owner2, body: { ...body, ownerOrgId: (await me(t, owner2)).orgId } });
    expect(claim.statusCode).toBe(404);
    expect((await t.call('DELETE', `/api/projects/${target.id}`, { cookie: owner2 })).statusCode).toBe(403);
    expect((await t.call('POST', `/api/projects/${target.id}/restore`, { cookie: owner2 })).statusCode).toBe(403);

    expect(await storedProject(t, target.id)).toEqual(before);
    expect(await auditEntries(t, target.id)).toEqual(auditBefore);
  });

  it('cannot hand its project to another owner, nor create one', async () => {
    const owner = await t.login('owner');
    const { orgId } = await me(t, owner);
    const { orgId: otherOrg } = await me(t, await t.login('owner2'));
    const target = rows.find((p) => p.ownerOrgId === orgId)!;
    const before = await storedProject(t, target.id);
    const res = await t.call('PUT', `/api/projects/${target.id}`, { cookie: owner, body: { ...toInput(await detail(t, owner, target.id)), ownerOrgId: otherOrg } });
    expect(res.statusCode).toBe(400);
    expect(await storedProject(t, target.id)).toEqual(before);
    expect((await t.call('POST', '/api/projects', { cookie: owner, body: newProject(orgId!) })).statusCode).toBe(403);
  });

  it('can update its own project', async () => {
    const owner = await t.login('owner');
    const { orgId } = await me(t, owner);
    const target = rows.filter((p) => p.ownerOrgId === orgId).at(-1)!;
    const res = await t.call('PUT', `/api/projects/${target.id}`, { cookie: owner, body: { ...toInput(await detail(t, owner, target.id)), contactPhone: '0731-58880000' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().contactPhone).toBe('0731-58880000');
  });
});

describe('coordinator (县市区/园区)', () => {
  it('sees only projects in its district, or in its park', async () => {
    await expectReadScope('yuhu', (p) => p.regionCode === '430302');
    await expectReadScope('gaoxin', (p) => p.parkCode === '430371');
  });

  it('cannot create a project outside its area, and nothing is written', async () => {
    const yuhu = await t.login('yuhu');
    const ref = await reference(t);
    const count = (await projectRows(t)).length;
    const res = await t.call('POST', '/api/projects', { cookie: yuhu, body: newProject(ref.owners[0]!, { regionCode: '430304' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ path: ['regionCode'], field: '所在区划', message: expect.stringContaining('不在您负责的范围内') }]);
    expect(await projectRows(t)).toHaveLength(count);
  });

  it('creates inside its area: a district its district, a park a project in its park', async () => {
    const ref = await reference(t);
    const yuhu = await t.login('yuhu');
    expect((await create(t, yuhu, newProject(ref.owners[0]!))).regionCode).toBe('430302');
    const gaoxin = await t.login('gaoxin');
    const inPark = await create(t, gaoxin, newProject(ref.owners[0]!, { regionCode: '430304', parkCode: '430371' }));
    expect(inPark.parkName).toBe('湘潭高新区');
    const res = await t.call('POST', '/api/projects', { cookie: gaoxin, body: newProject(ref.owners[0]!, { regionCode: '430304' }) });
    expect(res.statusCode).toBe(400);
  });

  it('cannot move a project out of its area', async () => {
    const yuhu = await t.login('yuhu');
    const target = rows.find((p) => p.regionCode === '430302')!;
    const before = await storedProject(t, target.id);
    const res = await t.call('PUT', `/api/projects/${target.id}`, { cookie: yuhu, body: { ...toInput(await detail(t, yuhu, target.id)), regionCode: '430321', parkCode: null } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toEqual(['regionCode']);
    expect(await storedProject(t, target.id)).toEqual(before);
  });

  it('cannot change a project outside its area', async () => {
    const yuhu = await t.login('yuhu');
    const target = rows.find((p) => p.regionCode !== '430302')!;
    const before = await storedProject(t, target.id);
    const res = await t.call('PUT', `/api/projects/${target.id}`, { cookie: yuhu, body: { ...toInput(await detail(t, admin, target.id)), regionCode: '430302' } });
    expect(res.statusCode).toBe(404);
    expect(await storedProject(t, target.id)).toEqual(before);
  });
});

describe('HQ and department', () => {
  it('an HQ sees the projects it coordinates; a department those it is responsible for', async () => {
    await expectReadScope('hq', (p, u) => p.hqOrgId === u.orgId);
    await expectReadScope('ziyuan', (p, u) => p.responsibleOrgId === u.orgId);
  });

  it('neither may create, change or delete', async () => {
    const ref = await reference(t);
    for (const username of ['hq', 'ziyuan']) {
      const cookie = await t.login(username);
      const { orgId } = await me(t, cookie);
      const own = rows.find((p) => p.hqOrgId === orgId || p.responsibleOrgId === orgId)!;
      const body = toInput(await detail(t, cookie, own.id));
      expect((await t.call('POST', '/api/projects', { cookie, body: newProject(ref.owners[0]!) })).statusCode, username).toBe(403);
      expect((await t.call('PUT', `/api/projects/${own.id}`, { cookie, body })).statusCode, username).toBe(403);
      expect((await t.call('DELETE', `/api/projects/${own.id}`, { cookie })).statusCode, username).toBe(403);
    }
  });
});

describe('linked leader (联点领导)', () => {
  it('reads every project and sees its own flagged', async () => {
    const leader = await t.login('leader');
    const { personId } = await me(t, leader);
    const rows = await liveRows(t);
    const items = await listAll(t, leader);
    expect(idsOf(items)).toEqual(idsOf(rows));
    expect(idsOf(items.filter((p) => p.isMine))).toEqual(idsOf(rows.filter((p) => p.leaderPersonId === personId)));
    const other = rows.find((p) => p.leaderPersonId !== personId)!;
    expect((await detail(t, leader, other.id)).isMine).toBe(false);
    const mine = rows.find((p) => p.leaderPersonId === personId)!;
    expect((await detail(t, leader, mine.id)).isMine).toBe(true);
  });

  it('may not create, update or delete', async () => {
    const leader = await t.login('leader');
    const { personId } = await me(t, leader);
    const mine = rows.find((p) => p.leaderPersonId === personId)!;
    const before = await storedProject(t, mine.id);
    const ref = await reference(t);
    const refused = [
      await t.call('POST', '/api/projects', { cookie: leader, body: newProject(ref.owners[0]!) }),
      await t.call('PUT', `/api/projects/${mine.id}`, { cookie: leader, body: toInput(await detail(t, leader, mine.id)) }),
      await t.call('DELETE', `/api/projects/${mine.id}`, { cookie: leader }),
      await t.call('POST', `/api/projects/${mine.id}/restore`, { cookie: leader }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe('您没有权限进行此操作');
    }
    expect(await storedProject(t, mine.id)).toEqual(before);
  });
});
