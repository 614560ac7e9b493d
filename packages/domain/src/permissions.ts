import type { Role } from './vocabulary.ts';

/**
 * What each role may do. Data scope (which rows) is applied separately by the server:
 * office → all; coordinator → its region/park and below; hq → its HQ's projects;
 * department → projects it is responsible for; owner → its own projects;
 * leader → reads all, its linked projects highlighted.
 */
export const PERMISSIONS = [
  'projects:read',
  'projects:create',
  'projects:update',
  'projects:delete',
  'reference:read',
  'users:manage',
  'reports:read',
  'reports:write',
  'reports:review',
  'stats:read',
  'boards:manage',
  'bulletins:export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  office: PERMISSIONS,
  coordinator: ['projects:read', 'projects:create', 'projects:update', 'reference:read', 'reports:read', 'reports:write', 'reports:review', 'stats:read'],
  hq: ['projects:read', 'reference:read', 'reports:read', 'stats:read'],
  department: ['projects:read', 'reference:read', 'reports:read', 'stats:read'],
  owner: ['projects:read', 'projects:update', 'reference:read', 'reports:read', 'reports:write', 'stats:read'],
  leader: ['projects:read', 'reference:read', 'reports:read', 'stats:read', 'bulletins:export'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}
