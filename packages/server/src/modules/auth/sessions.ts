/**
 * Server-side sessions kept in the database, so any API instance can serve any request.
 * The cookie carries a random token; only its SHA-256 is stored.
 */
import { hash, randomBytes } from 'node:crypto';
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

// Every request looks its session up by this: one-shot, without a Hash object per call.
const tokenId = (token: string) => hash('sha256', token, 'hex');

export async function createSession(db: Db, userId: string, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ id: tokenId(token), userId, expiresAt: new Date(Date.now() + ttlMs) });
  // Sweep expired sessions now and then rather than with a job.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return token;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  const id = tokenId(token);
  await db.delete(sessions).where(eq(sessions.id, id));
  recentSessions.get(db)?.delete(id);
}

/**
 * Sessions this instance resolved in the last few seconds (PACER_SESSION_CACHE_SECONDS), so a
 * burst of requests — the Friday rush sends one per report — does not look the same session up
 * every time. Signing out, and disabling an account, take effect at once on the instance that
 * did it and within those seconds on the others (or through the CLI); 0 turns the cache off.
 * Bounded: when full, the oldest entries go first.
 */
class RecentSessions {
  private readonly entries = new Map<string, { user: UserContext; until: number }>();
  constructor(private readonly limit = 20_000) {}

  get(id: string, now: number): UserContext | null {
    const hit = this.entries.get(id);
    if (!hit) return null;
    if (hit.until > now) return hit.user;
    this.entries.delete(id);
    return null;
  }

  set(id: string, user: UserContext, until: number): void {
    this.entries.delete(id);
    this.entries.set(id, { user, until });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  forgetUser(userId: string): void {
    for (const [id, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(id);
  }
}

const recentSessions = new WeakMap<Db, RecentSessions>();

/** Drops a user's cached sessions on this instance: called when the account is disabled. */
export function forgetUserSessions(db: Db, userId: string): void {
  recentSessions.get(db)?.forgetUser(userId);
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

/**
 * The user for a token, extending the session (sliding expiry), or null. `cacheMs` > 0 answers
 * from this instance's recent lookups for that long (never past the session's expiry).
 */
export async function resolveSession(db: Db, token: string, ttlMs: number, cacheMs = 0): Promise<UserContext | null> {
  const id = tokenId(token);
  const now = new Date();
  const recent = cacheMs > 0 ? recentOf(db) : null;
  const cached = recent?.get(id, now.getTime());
  if (cached) return cached;
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  const [row] = await lookup.execute({ id, now });
  if (!row) return null;
  // Extend at most once a minute to keep reads cheap.
  let expiresAt = row.expiresAt.getTime();
  if (expiresAt - now.getTime() < ttlMs - 60_000) {
    expiresAt = now.getTime() + ttlMs;
    await db.update(sessions).set({ expiresAt: new Date(expiresAt) }).where(eq(sessions.id, id));
  }
  const { expiresAt: _expires, ...fields } = row;
  const user = { ...fields, role: fields.role as Role };
  recent?.set(id, user, Math.min(now.getTime() + cacheMs, expiresAt));
  return user;
}

function recentOf(db: Db): RecentSessions {
  let recent = recentSessions.get(db);
  if (!recent) recentSessions.set(db, (recent = new RecentSessions()));
  return recent;
}
