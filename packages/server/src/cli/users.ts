/**
 * `pacer user add|list|disable|enable`: accounts from the terminal, through the same
 * service (validation, argon2id hashing) the office uses on the web. Units and leaders may
 * be named as they appear on screen rather than by id.
 */
import { ROLES, type Role } from '@pacer/domain';
import type { Command } from 'commander';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations, people, regions, users } from '../db/schema.ts';
import { FieldValidationError } from '../http/errors.ts';
import { addUser, listUsers, newUserInput, setUserDisabled } from '../modules/users/service.ts';
import { CliError, withDatabase } from './context.ts';
import { obtainPassword } from './password-prompt.ts';
import { formatTable } from './table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AddUserOptions {
  username: string;
  name: string;
  role: string;
  org?: string;
  region?: string;
  person?: string;
  password: string;
}

export function checkRole(role: string): asserts role is Role {
  if (!ROLES.has(role)) throw new CliError(`角色"${role}"不存在，应为：${ROLES.list.map((r) => `${r.key}（${r.zh}）`).join('、')}`);
}

/** The service names fields as the web form does; here they are named as options. */
const OPTION_FOR: Record<string, string> = {
  username: '--username',
  password: '--password',
  displayName: '--name',
  role: '--role',
  orgId: '--org',
  regionCode: '--region',
  personId: '--person',
};

function invalidOptions(issues: { path: readonly PropertyKey[]; message: string }[]): CliError {
  const lines = issues.map((i) => `  ${OPTION_FOR[String(i.path[0])] ?? String(i.path[0])}：${i.message}`);
  return new CliError(`账号未创建，请修改：\n${lines.join('\n')}`);
}

export async function addUserCommand(db: Db, opts: AddUserOptions) {
  checkRole(opts.role);
  const parsed = newUserInput.safeParse({
    username: opts.username,
    password: opts.password,
    displayName: opts.name,
    role: opts.role,
    orgId: opts.org ? await resolveOrganisation(db, opts.org, opts.role) : null,
    regionCode: opts.region ? await resolveRegion(db, opts.region) : null,
    personId: opts.person ? await resolvePerson(db, opts.person) : null,
  });
  if (!parsed.success) throw invalidOptions(parsed.error.issues);
  try {
    return await addUser(db, parsed.data);
  } catch (err) {
    if (err instanceof FieldValidationError) throw invalidOptions(err.issues);
    throw err;
  }
}

/** Role to the unit kind it belongs to, to pick among units that share a name. */
const ORG_KIND: Partial<Record<Role, string>> = { hq: 'hq', department: 'department', owner: 'owner' };

async function resolveOrganisation(db: Db, value: string, role: Role): Promise<string> {
  if (UUID.test(value)) return value;
  let found = await db.select().from(organisations).where(eq(organisations.name, value));
  const ofKind = found.filter((o) => o.kind === ORG_KIND[role]);
  if (found.length > 1 && ofKind.length) found = ofKind;
  if (found.length === 1) return found[0]!.id;
  if (!found.length) throw new CliError(`找不到名为"${value}"的单位（需与系统中的名称完全一致，或使用单位 id）`);
  throw new CliError(`有 ${found.length} 个单位名为"${value}"，请改用 id：${found.map((o) => `${o.id}（${o.kind}）`).join('，')}`);
}

async function resolveRegion(db: Db, value: string): Promise<string> {
  if (/^\d+$/.test(value)) return value;
  const found = await db.select().from(regions).where(eq(regions.name, value));
  if (found.length === 1) return found[0]!.code;
  if (!found.length) throw new CliError(`找不到名为"${value}"的区划或园区，请使用区划代码`);
  throw new CliError(`有 ${found.length} 个区划名为"${value}"，请改用代码：${found.map((r) => r.code).join('，')}`);
}

async function resolvePerson(db: Db, value: string): Promise<string> {
  if (UUID.test(value)) return value;
  const found = await db.select().from(people).where(eq(people.name, value));
  if (found.length === 1) return found[0]!.id;
  if (!found.length) throw new CliError(`找不到名为"${value}"的人员（需与系统中的姓名完全一致，或使用人员 id）`);
  throw new CliError(`有 ${found.length} 位人员名为"${value}"，请改用 id：${found.map((p) => `${p.id}（${p.title ?? ''}）`).join('，')}`);
}

/** Accounts with the names of their unit, area or leader rather than ids. */
export async function listUsersCommand(db: Db) {
  const accounts = await listUsers(db);
  const ids = (pick: (a: (typeof accounts)[number]) => string | null) => [...new Set(accounts.map(pick).filter((v): v is string => !!v))];
  const names = new Map<string, string>();
  const orgIds = ids((a) => a.orgId);
  const personIds = ids((a) => a.personId);
  const codes = ids((a) => a.regionCode);
  if (orgIds.length) for (const o of await db.select().from(organisations).where(inArray(organisations.id, orgIds))) names.set(o.id, o.name);
  if (personIds.length) for (const p of await db.select().from(people).where(inArray(people.id, personIds))) names.set(p.id, p.name);
  if (codes.length) for (const r of await db.select().from(regions).where(inArray(regions.code, codes))) names.set(r.code, r.name);
  return accounts.map((a) => {
    const link = a.orgId ?? a.regionCode ?? a.personId;
    return { ...a, scope: link ? (names.get(link) ?? link) : '' };
  });
}

export async function setDisabledCommand(db: Db, username: string, disabled: boolean) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new CliError(`用户 ${username} 不存在`);
  return (await setUserDisabled(db, user.id, disabled))!;
}

export function registerUsers(program: Command): void {
  const user = program.command('user').description('管理账号 / manage user accounts');
  user
    .command('add')
    .description('新建账号 / create an account')
    .requiredOption('--username <username>', '登录名 login name (3–40: A-Z a-z 0-9 _ . -)')
    .requiredOption('--name <name>', '姓名或单位名 display name')
    .requiredOption('--role <role>', `角色 role: ${ROLES.list.map((r) => `${r.key}=${r.zh}`).join(', ')}`)
    .option('--org <org>', '所属单位的 id 或完整名称 unit id or exact name (hq, department, owner)')
    .option('--region <code>', '负责的区划/园区代码或名称 area code or name (coordinator)')
    .option('--person <person>', '对应领导的 id 或姓名 leader person id or name (leader)')
    .option('--password <password>', '密码；不给则读 PACER_PASSWORD 或提示输入 password; else PACER_PASSWORD or a prompt')
    .action(async (opts: Omit<AddUserOptions, 'password'> & { password?: string }) => {
      checkRole(opts.role); // before asking for a password that would then be wasted
      const password = await obtainPassword(opts.password);
      await withDatabase(async (database) => {
        const account = await addUserCommand(database.db, { ...opts, password });
        console.log(`已创建账号 Created: ${account.username}（${account.displayName}，${ROLES.label(account.role)}）`);
      });
    });
  user
    .command('list')
    .description('列出账号 / list accounts')
    .action(async () => {
      await withDatabase(async (database) => {
        const rows = (await listUsersCommand(database.db)).map((a) => [
          a.username,
          a.displayName,
          `${ROLES.label(a.role)} ${a.role}`,
          a.scope,
          a.disabled ? '已停用 disabled' : '正常 active',
          a.lastLoginAt?.slice(0, 16).replace('T', ' ') ?? '',
        ]);
        console.log(formatTable(['用户名 username', '姓名 name', '角色 role', '范围 scope', '状态 status', '最近登录 last login (UTC)'], rows));
        console.log(`共 ${rows.length} 个账号 accounts`);
      });
    });
  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(name)
      .description(disabled ? '停用账号（立即失去登录）/ disable an account' : '恢复账号 / enable an account')
      .argument('<username>', '登录名 login name')
      .action(async (username: string) => {
        await withDatabase(async (database) => {
          const account = await setDisabledCommand(database.db, username, disabled);
          console.log(`${disabled ? '已停用 Disabled' : '已恢复 Enabled'}: ${account.username}（${account.displayName}）`);
        });
      });
  }
}
