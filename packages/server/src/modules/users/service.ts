/** User accounts: created by the office (web) or an administrator (CLI). */
import { ROLES, type Role } from '@pacer/domain';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { organisations, people, regions, users } from '../../db/schema.ts';
import { conflict, fieldError } from '../../http/errors.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { forgetUserSessions } from '../auth/sessions.ts';

export const newUserInput = z.object({
  username: z
    .string({ error: '请填写用户名' })
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,40}$/, { error: '用户名为 3–40 位字母、数字或 _ . -' }),
  password: z.string({ error: '请填写密码' }),
  displayName: z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(50),
  role: z.enum(ROLES.keys, { error: `角色应为：${ROLES.keys.join('、')}` }),
  orgId: z.uuid().nullable().optional().transform((v) => v ?? null),
  regionCode: z.string().nullable().optional().transform((v) => v ?? null),
  personId: z.uuid().nullable().optional().transform((v) => v ?? null),
});
export type NewUser = z.output<typeof newUserInput>;

/** Which link a role needs to have a data scope at all. */
const ROLE_NEEDS: Partial<Record<Role, 'orgId' | 'regionCode' | 'personId'>> = {
  coordinator: 'regionCode',
  hq: 'orgId',
  department: 'orgId',
  owner: 'orgId',
  leader: 'personId',
};

export async function addUser(db: Db, input: NewUser) {
  const problem = passwordProblem(input.password);
  if (problem) throw fieldError(['password'], problem);
  const need = ROLE_NEEDS[input.role];
  if (need && !input[need]) {
    const what = { orgId: '所属单位', regionCode: '负责的区划或园区', personId: '对应的领导' }[need];
    throw fieldError([need], `角色"${ROLES.label(input.role)}"需要指定${what}`);
  }
  if (input.orgId && !(await db.select().from(organisations).where(eq(organisations.id, input.orgId))).length) throw fieldError(['orgId'], '单位不存在');
  if (input.regionCode && !(await db.select().from(regions).where(eq(regions.code, input.regionCode))).length) throw fieldError(['regionCode'], `区划 ${input.regionCode} 不存在`);
  if (input.personId && !(await db.select().from(people).where(eq(people.id, input.personId))).length) throw fieldError(['personId'], '人员不存在');
  if ((await db.select({ id: users.id }).from(users).where(eq(users.username, input.username))).length) {
    throw conflict(`用户名 ${input.username} 已存在`, { field: 'username' });
  }
  const [row] = await db
    .insert(users)
    .values({ ...input, passwordHash: await hashPassword(input.password) })
    .returning();
  return presentAccount(row!);
}

export async function listUsers(db: Db) {
  const rows = await db.select().from(users).orderBy(asc(users.username));
  return rows.map(presentAccount);
}

export async function setUserDisabled(db: Db, id: string, disabled: boolean) {
  const [row] = await db.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, id)).returning();
  if (disabled) forgetUserSessions(db, id);
  return row ? presentAccount(row) : null;
}

export const accountDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES.keys),
  orgId: z.string().nullable(),
  regionCode: z.string().nullable(),
  personId: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});

function presentAccount(u: typeof users.$inferSelect): z.infer<typeof accountDto> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    orgId: u.orgId,
    regionCode: u.regionCode,
    personId: u.personId,
    disabled: u.disabledAt !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}
