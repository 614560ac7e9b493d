/**
 * Server-side sessions kept in the database, so any API instance can serve any request.
 * The cookie carries a random token; only its SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@pacer/domain';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, sessions, users } from '../../db/schema.ts';

export const SESSION_COOKIE = 'pacer_session';

/** Who is signed in, with what their data scope needs. */
export interface UserContext {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  orgName: string | null;
  regionCode: string | null;
  personId: string | null;
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ id: tokenId(token), userId, expiresAt: new Date(Date.now() + ttlMs) });
  // Sweep expired sessions now and then rather than with a job.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return token;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenId(token)));
}

/**
 * Every request looks its session up, so the query is prepared once per database: drizzle
 * builds it once, and PostgreSQL parses and plans it once per connection (a named statement).
 */
function prepareLookup(db: Db) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      orgId: users.orgId,
      orgName: organisations.name,
      regionCode: users.regionCode,
      personId: users.personId,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now')), isNull(users.disabledAt)))
    .prepare('pacer_resolve_session');
}

const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

/** The user for a token, extending the session (sliding expiry), or null. */
export async function resolveSession(db: Db, token: string, ttlMs: number): Promise<UserContext | null> {
  const id = tokenId(token);
  const now = new Date();
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  const [row] = await lookup.execute({ id, now });
  if (!row) return null;
  // Extend at most once a minute to keep reads cheap.
  if (row.expiresAt.getTime() - now.getTime() < ttlMs - 60_000) {
    await db.update(sessions).set({ expiresAt: new Date(now.getTime() + ttlMs) }).where(eq(sessions.id, id));
  }
  const { expiresAt: _expires, ...user } = row;
  return { ...user, role: user.role as Role };
}
