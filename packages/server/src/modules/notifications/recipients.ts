/** Who receives a notice: the people behind a unit, the office, leaders. Disabled accounts never do. */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Exec } from '../../db/exec.ts';
import { organisations, users } from '../../db/schema.ts';

/** Accounts of these units; a region's or park's coordinators stand for its local government. */
export async function usersOfOrgs(db: Exec, orgIds: readonly string[]): Promise<string[]> {
  if (!orgIds.length) return [];
  const govRegions = (await db.select({ regionCode: organisations.regionCode }).from(organisations).where(and(inArray(organisations.id, [...orgIds]), eq(organisations.kind, 'government'))))
    .map((o) => o.regionCode)
    .filter((c): c is string => c !== null);
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(isNull(users.disabledAt), or(inArray(users.orgId, [...orgIds]), govRegions.length ? and(eq(users.role, 'coordinator'), inArray(users.regionCode, govRegions)) : undefined)));
  return rows.map((r) => r.id);
}

export async function officeUsers(db: Exec): Promise<string[]> {
  return (await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'office'), isNull(users.disabledAt)))).map((r) => r.id);
}

/** Leader accounts standing for these people. */
export async function leaderUsers(db: Exec, personIds: readonly (string | null)[]): Promise<string[]> {
  const ids = personIds.filter((p): p is string => !!p);
  if (!ids.length) return [];
  return (await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'leader'), inArray(users.personId, ids), isNull(users.disabledAt)))).map((r) => r.id);
}
