/**
 * Soft delete and restore: a deleted project leaves the library but not the database, can
 * be brought back unless another project has taken its identity, and only the office may do it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';
import { auditEntries, create, detail, idsOf, listAll, newProject, projectRows, reference, storedProject, toInput } from '../../../test/projects.ts';

let t: TestApp;
let admin: string;
let ownerOrg: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  ownerOrg = (await reference(t)).owners[0]!;
});
afterAll(async () => t?.close());

const del = (cookie: string, id: string) => t.call('DELETE', `/api/projects/${id}`, { cookie });
const restore = (cookie: string, id: string) => t.call('POST', `/api/projects/${id}/restore`, { cookie });

describe('soft delete', () => {
  it('takes the project out of the list and detail, keeps the row, and lists it under deleted=only', async () => {
    const p = await create(t, admin, newProject(ownerOrg));
    const res = await del(admin, p.id);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');

    expect((await listAll(t, admin)).map((x) => x.id)).not.toContain(p.id);
    const deleted = await listAll(t, admin, 'deleted=only');
    expect(deleted.map((x) => x.id)).toContain(p.id);
    expect(deleted.every((x) => x.deletedAt !== null)).toBe(true);

    const gone = await t.call('GET', `/api/projects/${p.id}`, { cookie: admin });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().message).toBe('项目不存在或已被删除');
    const kept = await t.call('GET', `/api/projects/${p.id}?includeDeleted=true`, { cookie: admin });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ id: p.id, version: p.version + 1, annualPlans: p.annualPlans });

    const stored = await storedProject(t, p.id);
    expect(stored.row!.deletedAt).toBeInstanceOf(Date);
    expect(stored.plans).toHaveLength(1);
  });

  it('lists only deleted projects under deleted=only, and keeps filters working there', async () => {
    const a = await create(t, admin, newProject(ownerOrg, { category: 'livelihood', track: null }));
    const b = await create(t, admin, newProject(ownerOrg, { category: 'industry' }));
    await del(admin, a.id);
    await del(admin, b.id);
    const only = await listAll(t, admin, 'deleted=only');
    expect(idsOf(only)).toEqual(idsOf((await projectRows(t)).filter((r) => r.deletedAt !== null)));
    expect((await listAll(t, admin, 'deleted=only&category=livelihood')).map((x) => x.id)).toEqual([a.id]);
  });

  it('cannot delete or change what is already deleted', async () => {
    const p = await create(t, admin, newProject(ownerOrg));
    await del(admin, p.id);
    expect((await del(admin, p.id)).statusCode).toBe(404);
    expect((await t.call('PUT', `/api/projects/${p.id}`, { cookie: admin, body: toInput({ ...p, version: p.version + 1 }) })).statusCode).toBe(404);
  });

  it('frees the code and the name for a new project', async () => {
    const p = await create(t, admin, newProject(ownerOrg));
    await del(admin, p.id);
    const again = await create(t, admin, newProject(ownerOrg, { code: p.code, name: p.name }));
    expect(again.code).toBe(p.code);
  });
});

describe('restore', () => {
  it('brings the project back into the list and detail', async () => {
    const p = await create(t, admin, newProject(ownerOrg));
    await del(admin, p.id);
    const res = await restore(admin, p.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: p.id, deletedAt: null, version: p.version + 2, name: p.name });
    expect((await listAll(t, admin)).map((x) => x.id)).toContain(p.id);
    expect((await listAll(t, admin, 'deleted=only')).map((x) => x.id)).not.toContain(p.id);
    expect((await detail(t, admin, p.id)).id).toBe(p.id);
    expect((await auditEntries(t, p.id)).map((a) => a.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses with 409 when a live project has taken its code meanwhile, and it stays deleted', async () => {
    const p = await create(t, admin, newProject(ownerOrg));
    await del(admin, p.id);
    await create(t, admin, newProject(ownerOrg, { code: p.code }));
    const res = await restore(admin, p.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ field: 'code', message: `项目代码 ${p.code} 已被另一个项目使用，请核对代码` });
    expect((await storedProject(t, p.id)).row!.deletedAt).not.toBeNull();
    expect((await auditEntries(t, p.id)).map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('refuses with 409 when a live project in the same region has taken its name', async () => {
    const p = await create(t, admin, newProject(ownerOrg));
    await del(admin, p.id);
    await create(t, admin, newProject(ownerOrg, { name: p.name }));
    const res = await restore(admin, p.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().field).toBe('name');
  });

  it('answers 404 for a project that is not deleted', async () => {
    const p = await create(t, admin, newProject(ownerOrg));
    expect((await restore(admin, p.id)).statusCode).toBe(404);
  });
});

describe('who may delete', () => {
  it('only the office: a coordinator may edit its projects but not delete or restore them', async () => {
    const yuhu = await t.login('yuhu');
    const p = await create(t, yuhu, newProject(ownerOrg));
    const before = await storedProject(t, p.id);
    for (const username of ['yuhu', 'gaoxin', 'owner', 'hq', 'ziyuan', 'leader']) {
      const cookie = username === 'yuhu' ? yuhu : await t.login(username);
      const res = await del(cookie, p.id);
      expect(res.statusCode, username).toBe(403);
      expect(res.json().message).toBe('您没有权限进行此操作');
    }
    expect(await storedProject(t, p.id)).toEqual(before);

    await del(admin, p.id);
    expect((await restore(yuhu, p.id)).statusCode).toBe(403);
    expect((await storedProject(t, p.id)).row!.deletedAt).not.toBeNull();
  });
});
