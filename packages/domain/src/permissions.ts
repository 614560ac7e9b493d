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
  'problems:read',
  'problems:raise',
  'problems:assign',
  'problems:handle',
  'meetings:read',
  'meetings:manage',
  'meetings:score',
  'dispatch:settings',
  /** Import Excel ledgers (台账导入); owners import progress for their own projects only. */
  'imports:run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  office: PERMISSIONS,
  // A region or park both raises problems and, as a local government, handles those assigned to it.
  coordinator: ['projects:read', 'projects:create', 'projects:update', 'reference:read', 'reports:read', 'reports:write', 'reports:review', 'stats:read', 'problems:read', 'problems:raise', 'problems:handle', 'meetings:read', 'imports:run'],
  hq: ['projects:read', 'reference:read', 'reports:read', 'stats:read', 'problems:read', 'problems:raise', 'problems:handle', 'meetings:read', 'meetings:score'],
  department: ['projects:read', 'reference:read', 'reports:read', 'stats:read', 'problems:read', 'problems:handle', 'meetings:read'],
  // Owners read the meetings that took up their projects (the server narrows which).
  owner: ['projects:read', 'projects:update', 'reference:read', 'reports:read', 'reports:write', 'stats:read', 'problems:read', 'problems:raise', 'meetings:read', 'imports:run'],
  leader: ['projects:read', 'reference:read', 'reports:read', 'stats:read', 'bulletins:export', 'problems:read', 'meetings:read', 'meetings:score'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}
