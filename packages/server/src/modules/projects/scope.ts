/**
 * Data scope: which projects a signed-in user may see and change.
 * office → all; coordinator → its region or park and everything under it;
 * hq → its HQ's projects; department → projects it is responsible for;
 * owner → its own projects; leader → reads all (its linked ones are highlighted).
 */
import { eq, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { projects } from '../../db/schema.ts';
import type { UserContext } from '../auth/sessions.ts';

/** A region code and every region or park below it. */
export function regionAndBelow(codes: string[]): SQL {
  const list = sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );
  return sql`(with recursive r(code) as (
      select code from regions where code in (${list})
      union all
      select g.code from regions g join r on g.parent_code = r.code
    ) select code from r)`;
}

const NOTHING = sql`false`;

/** Rows the user may read. */
export function readScope(user: UserContext): SQL | undefined {
  switch (user.role) {
    case 'office':
    case 'leader':
      return undefined;
    case 'coordinator':
      return areaScope(user);
    case 'hq':
      return user.orgId ? eq(projects.hqOrgId, user.orgId) : NOTHING;
    case 'department':
      return user.orgId ? eq(projects.responsibleOrgId, user.orgId) : NOTHING;
    case 'owner':
      return user.orgId ? eq(projects.ownerOrgId, user.orgId) : NOTHING;
  }
}

/** Rows the user may change (permission to update is checked separately). */
export function writeScope(user: UserContext): SQL | undefined {
  if (user.role === 'leader') return NOTHING;
  return readScope(user);
}

/**
 * writeScope() or readScope() with the user's organisation and region as the placeholders
 * `scopeOrg` and `scopeRegion`, for statements built once and run many times (runStatement):
 * `shape` names the SQL's shape — every user with the same shape gets the same text — and
 * `values` fills it for this user.
 */
export function scopeTemplate(user: UserContext, mode: 'read' | 'write'): { shape: string; where: SQL | undefined; values: { scopeOrg: string | null; scopeRegion: string | null } } {
  const placeholders = {
    ...user,
    // Only whether they are set shapes the SQL; the values go in as parameters either way.
    orgId: user.orgId === null ? null : (sql.placeholder('scopeOrg') as Placeholder as unknown as string),
    regionCode: user.regionCode === null ? null : (sql.placeholder('scopeRegion') as Placeholder as unknown as string),
  };
  return {
    shape: `${mode} ${user.role} ${user.orgId === null ? '-' : 'org'} ${user.regionCode === null ? '-' : 'region'}`,
    where: mode === 'write' ? writeScope(placeholders) : readScope(placeholders),
    values: { scopeOrg: user.orgId, scopeRegion: user.regionCode },
  };
}

function areaScope(user: UserContext): SQL {
  if (!user.regionCode) return NOTHING;
  const area = regionAndBelow([user.regionCode]);
  return or(sql`${projects.regionCode} in ${area}`, sql`${projects.parkCode} in ${area}`)!;
}
