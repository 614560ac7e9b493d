/** Accounts from the terminal: names resolved to ids, service validation, passwords. */
import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../test/harness.ts';
import { organisations, users } from '../db/schema.ts';
import { verifyPassword } from '../modules/auth/passwords.ts';
import { seedDemo } from '../seed/demo.ts';
import { obtainPassword, promptHidden } from './password-prompt.ts';
import { addUserCommand, listUsersCommand, setDisabledCommand } from './users.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.database.db, { password: 'pacer2026', projectCount: 4, reports: false });
});
afterAll(async () => t?.drop());

const db = () => t.database.db;
const password = 'Zhang2026pass';

describe('pacer user add', () => {
  it('creates an owner account, finding the unit by its exact name', async () => {
    const [owner] = await db().select().from(organisations).where(eq(organisations.kind, 'owner')).limit(1);
    const account = await addUserCommand(db(), { username: 'zhangsan', name: '张三', role: 'owner', org: owner!.name, password });
    expect(account).toMatchObject({ username: 'zhangsan', role: 'owner', orgId: owner!.id, disabled: false });
    const [row] = await db().select().from(users).where(eq(users.username, 'zhangsan'));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash, password)).toBe(true);
  });

  it('finds a coordinator area by code or name and a leader by name', async () => {
    const byCode = await addUserCommand(db(), { username: 'yuhu2', name: '雨湖区', role: 'coordinator', region: '430302', password });
    expect(byCode.regionCode).toBe('430302');
    const byName = await addUserCommand(db(), { username: 'yuhu3', name: '雨湖区', role: 'coordinator', region: '雨湖区', password });
    expect(byName.regionCode).toBe('430302');
    const leader = await addUserCommand(db(), { username: 'leader2', name: '陈若兰', role: 'leader', person: '陈若兰', password });
    expect(leader.personId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the options to fix when the input is wrong', async () => {
    await expect(addUserCommand(db(), { username: 'ab', name: '', role: 'office', password: 'short' })).rejects.toThrow(
      /账号未创建[\s\S]*--username：用户名为 3–40 位[\s\S]*--name：请填写姓名/,
    );
    await expect(addUserCommand(db(), { username: 'dept1', name: '某局', role: 'department', password })).rejects.toThrow(/--org：.*需要指定所属单位/);
    await expect(addUserCommand(db(), { username: 'weak1', name: '某人', role: 'office', password: 'onlyletters' })).rejects.toThrow(/--password：密码需同时包含字母和数字/);
    await expect(addUserCommand(db(), { username: 'x1x', name: '某人', role: 'boss', password })).rejects.toThrow(/角色"boss"不存在/);
    await expect(addUserCommand(db(), { username: 'x2x', name: '某人', role: 'owner', org: '不存在的公司', password })).rejects.toThrow(/找不到名为"不存在的公司"的单位/);
    await expect(addUserCommand(db(), { username: 'zhangsan', name: '张三', role: 'office', password })).rejects.toThrow(/用户名 zhangsan 已存在/);
  });

  it('asks which unit is meant when a name is shared and the role does not decide', async () => {
    await db().insert(organisations).values([
      { name: '同名单位', kind: 'department' },
      { name: '同名单位', kind: 'hq' },
    ]);
    await expect(addUserCommand(db(), { username: 'same1', name: '甲', role: 'owner', org: '同名单位', password })).rejects.toThrow(/有 2 个单位名为"同名单位"，请改用 id/);
    const hq = await addUserCommand(db(), { username: 'same2', name: '乙', role: 'hq', org: '同名单位', password });
    const [org] = await db().select().from(organisations).where(eq(organisations.id, hq.orgId!));
    expect(org!.kind).toBe('hq');
  });
});

describe('pacer user list / disable / enable', () => {
  it('lists accounts with the names of their unit, area or leader', async () => {
    const list = await listUsersCommand(db());
    expect(list.find((a) => a.username === 'yuhu')?.scope).toBe('雨湖区');
    expect(list.find((a) => a.username === 'admin')?.scope).toBe('');
    expect(list.map((a) => a.username)).toEqual([...list.map((a) => a.username)].sort());
  });

  it('disables and enables by username', async () => {
    expect((await setDisabledCommand(db(), 'owner2', true)).disabled).toBe(true);
    expect((await listUsersCommand(db())).find((a) => a.username === 'owner2')?.disabled).toBe(true);
    expect((await setDisabledCommand(db(), 'owner2', false)).disabled).toBe(false);
    await expect(setDisabledCommand(db(), 'nobody', true)).rejects.toThrow('用户 nobody 不存在');
  });
});

/** A stand-in terminal: isTTY and raw mode, with keys typed into it. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] });
  const withRaw = Object.assign(input, { setRawMode: (raw: boolean) => input.rawModes.push(raw) });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (c) => (shown += c.toString()));
  return { io: { input: withRaw, output }, input: withRaw, shown: () => shown };
}

describe('passwords', () => {
  it('takes --password first, then PACER_PASSWORD', async () => {
    expect(await obtainPassword('given1234', { PACER_PASSWORD: 'env12345' })).toBe('given1234');
    expect(await obtainPassword(undefined, { PACER_PASSWORD: 'env12345' })).toBe('env12345');
  });

  it('refuses without a terminal rather than waiting for input', async () => {
    const io = { input: Object.assign(new PassThrough(), { isTTY: false }), output: new PassThrough() };
    await expect(obtainPassword(undefined, {}, io)).rejects.toThrow(/--password 或环境变量 PACER_PASSWORD/);
  });

  it('prompts twice at a terminal without echoing what is typed', async () => {
    const term = fakeTerminal();
    const result = obtainPassword(undefined, {}, term.io);
    term.input.write('secr');
    term.input.write('x\u007fet123\r');
    await new Promise((r) => setTimeout(r, 10));
    term.input.write('secret123\n');
    expect(await result).toBe('secret123');
    expect(term.shown()).not.toContain('secret');
    expect(term.shown()).toContain('再输入一次');
    expect(term.input.rawModes).toEqual([true, false, true, false]);
  });

  it('refuses when the two entries differ, and cancels on Ctrl-C', async () => {
    const term = fakeTerminal();
    const result = obtainPassword(undefined, {}, term.io);
    term.input.write('first123\r');
    await new Promise((r) => setTimeout(r, 10));
    term.input.write('other123\r');
    await expect(result).rejects.toThrow('两次输入的密码不一致');
    const again = fakeTerminal();
    const cancelled = promptHidden('密码: ', again.io);
    again.input.write('abc\u0003');
    await expect(cancelled).rejects.toThrow('已取消');
  });
});
