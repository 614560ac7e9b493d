/**
 * The project list's filters, checked against the rows as stored: each filter must return
 * exactly the projects a plain reading of the data says it should.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regions } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { create, idsOf, listAll, liveRows, newProject, reference, regionTree, type ProjectRow } from '../../../test/projects.ts';

let t: TestApp;
let admin: string;
let rows: ProjectRow[];
let ref: Awaited<ReturnType<typeof reference>>;
let under: Awaited<ReturnType<typeof regionTree>>;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  ref = await reference(t);
  // A second prefecture, so "everything under 湘潭市" is a real filter and not the whole table.
  await t.database.db.insert(regions).values([
    { code: '430100', name: '长沙市', kind: 'city', parentCode: '430000' },
    { code: '430102', name: '芙蓉区', kind: 'district', parentCode: '430100' },
  ]);
  await create(t, admin, newProject(ref.owners[0]!, { name: '芙蓉区数据中心项目', regionCode: '430102', code: '2025-430102-65-01-000001' }));
  // Names with LIKE wildcards in them, for the search below.
  await create(t, admin, newProject(ref.owners[0]!, { name: '100%绿电改造项目' }));
  await create(t, admin, newProject(ref.owners[0]!, { name: '绿色_电网示范项目' }));
  rows = await liveRows(t);
  under = await regionTree(t);
});
afterAll(async () => t?.close());

/** The list for `query` is exactly the live rows `expected` picks, and that is a real subset. */
async function expectFilter(query: string, expected: (p: ProjectRow) => boolean) {
  const want = rows.filter(expected);
  expect(want.length, `${query} should pick some projects`).toBeGreaterThan(0);
  expect(want.length, `${query} should leave some out`).toBeLessThan(rows.length);
  expect(idsOf(await listAll(t, admin, query))).toEqual(idsOf(want));
}

describe('filters', () => {
  it('by level, matching any of the levels asked for', async () => {
    await expectFilter('level=province', (p) => p.levels.includes('province'));
    await expectFilter('level=province_five100,county', (p) => p.levels.includes('province_five100') || p.levels.includes('county'));
    await expectFilter('level=province_five100&level=county', (p) => p.levels.includes('province_five100') || p.levels.includes('county'));
  });

  it('by category, status and competition track', async () => {
    await expectFilter('category=livelihood', (p) => p.category === 'livelihood');
    await expectFilter('category=industry,restart', (p) => p.category === 'industry' || p.category === 'restart');
    await expectFilter('status=reserve', (p) => p.status === 'reserve');
    await expectFilter('status=new,continuing', (p) => p.status === 'new' || p.status === 'continuing');
    await expectFilter('track=start', (p) => p.track === 'start');
  });

  it('by a district: projects located there', async () => {
    await expectFilter('region=430302', (p) => p.regionCode === '430302' || p.parkCode === '430302');
    await expectFilter('region=430302,430304', (p) => ['430302', '430304'].includes(p.regionCode));
  });

  it('by a prefecture: everything under it, parks included, and nothing from another prefecture', async () => {
    const xiangtan = under('430300');
    expect(xiangtan.has('430371')).toBe(true);
    await expectFilter('region=430300', (p) => xiangtan.has(p.regionCode) || (p.parkCode !== null && xiangtan.has(p.parkCode)));
    await expectFilter('region=430100', (p) => p.regionCode === '430102');
    expect(await listAll(t, admin, 'region=430000')).toHaveLength(rows.length);
  });

  it('by a park: projects in the park whatever district they sit in', async () => {
    await expectFilter('region=430371', (p) => p.parkCode === '430371');
    const inPark = rows.filter((p) => p.parkCode === '430371');
    expect(new Set(inPark.map((p) => p.regionCode)).size, 'demo park projects span districts').toBeGreaterThan(1);
  });

  it('by HQ, linked leader and owner', async () => {
    const hq = rows[0]!.hqOrgId!;
    const leader = rows[0]!.leaderPersonId!;
    const owner = rows[1]!.ownerOrgId;
    await expectFilter(`hq=${hq}`, (p) => p.hqOrgId === hq);
    await expectFilter(`leader=${leader}`, (p) => p.leaderPersonId === leader);
    await expectFilter(`owner=${owner}`, (p) => p.ownerOrgId === owner);
    await expectFilter(`owner=${owner},${rows[0]!.ownerOrgId}`, (p) => p.ownerOrgId === owner || p.ownerOrgId === rows[0]!.ownerOrgId);
  });

  it('combines different filters with "and"', async () => {
    await expectFilter('category=industry&region=430302', (p) => p.category === 'industry' && p.regionCode === '430302');
    await expectFilter('status=reserve&status=new&level=city', (p) => (p.status === 'reserve' || p.status === 'new') && p.levels.includes('city'));
  });
});

describe('text search q', () => {
  const matches = (q: string) => (p: ProjectRow) =>
    [p.name, p.code ?? '', ref.orgName(p.ownerOrgId)].some((text) => text.toLowerCase().includes(q.toLowerCase()));

  it('finds by part of the name', async () => {
    await expectFilter(`q=${encodeURIComponent('锂电池')}`, matches('锂电池'));
  });

  it('finds by national project code, whole or in part', async () => {
    const code = rows.find((p) => p.code)!.code!;
    await expectFilter(`q=${code}`, (p) => p.code === code);
    await expectFilter(`q=${encodeURIComponent('-430381-')}`, matches('-430381-'));
  });

  it('finds by owner unit name', async () => {
    const ownerName = ref.orgName(rows[5]!.ownerOrgId);
    await expectFilter(`q=${encodeURIComponent(ownerName)}`, matches(ownerName));
  });

  it('treats % and _ as plain characters, not wildcards', async () => {
    expect((await listAll(t, admin, `q=${encodeURIComponent('100%')}`)).map((p) => p.name)).toEqual(['100%绿电改造项目']);
    expect((await listAll(t, admin, `q=${encodeURIComponent('%')}`)).map((p) => p.name)).toEqual(['100%绿电改造项目']);
    expect((await listAll(t, admin, `q=${encodeURIComponent('绿_')}`)).map((p) => p.name)).toEqual([]);
    expect((await listAll(t, admin, `q=${encodeURIComponent('色_电')}`)).map((p) => p.name)).toEqual(['绿色_电网示范项目']);
    expect(await listAll(t, admin, `q=${encodeURIComponent('\\')}`)).toEqual([]);
  });

  it('ignores surrounding spaces and an empty search', async () => {
    await expectFilter(`q=${encodeURIComponent('  锂电池 ')}`, matches('锂电池'));
    expect(await listAll(t, admin, 'q=')).toHaveLength(rows.length);
  });
});
