/**
 * Who runs an import: a signed-in user, or the command line acting for the office. Their
 * data scope decides which rows they may write; their organisation keys the mapping memory.
 */
import type { UserContext } from '../auth/sessions.ts';

/** A user context whose id is null when the command line acts without an account. */
export type Actor = Omit<UserContext, 'id'> & { id: string | null };

export const SYSTEM_ACTOR: Actor = {
  id: null,
  username: 'pacer-cli',
  displayName: '命令行导入',
  role: 'office',
  orgId: null,
  orgName: null,
  regionCode: null,
  personId: null,
};

/** The scope functions read only role, organisation, region and person. */
export const scopeUser = (a: Actor): UserContext => ({ ...a, id: a.id ?? '00000000-0000-0000-0000-000000000000' });

/** One memory and one list of imports per organisation; the office shares one. */
export function ownerKeyOf(a: Actor): string {
  if (a.orgId) return `org:${a.orgId}`;
  if (a.role === 'coordinator' && a.regionCode) return `region:${a.regionCode}`;
  return a.role === 'office' ? 'office' : `user:${a.id}`;
}

/** Reviewers' imports count as approved; an owner's go to review like any submission. */
export const reviews = (a: Actor) => a.role === 'office' || a.role === 'coordinator';
export const mayCreateProjects = (a: Actor) => a.role === 'office' || a.role === 'coordinator';
export const mayChangeProjects = (a: Actor) => a.role === 'office' || a.role === 'coordinator';
