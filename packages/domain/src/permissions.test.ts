import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf, type Permission } from './permissions.ts';
import { ROLES, type Role } from './vocabulary.ts';

/**
 * Who holds each permission of the project library, written out in full so a change to
 * any cell is a visible diff here. Later features' permissions are tested with them.
 */
const TABLE: Partial<Record<Permission, Role[]>> = {
  'projects:read': ['office', 'coordinator', 'hq', 'department', 'owner', 'leader'],
  'projects:create': ['office', 'coordinator'],
  'projects:update': ['office', 'coordinator', 'owner'],
  'projects:delete': ['office'],
  'reference:read': ['office', 'coordinator', 'hq', 'department', 'owner', 'leader'],
  'users:manage': ['office'],
  'problems:read': ['office', 'coordinator', 'hq', 'department', 'owner', 'leader'],
  'problems:raise': ['office', 'coordinator', 'hq', 'owner'],
  'problems:assign': ['office'],
  'problems:handle': ['office', 'coordinator', 'hq', 'department'],
  'meetings:read': ['office', 'coordinator', 'hq', 'department', 'owner', 'leader'],
  'meetings:manage': ['office'],
  'meetings:score': ['office', 'hq', 'leader'],
  'dispatch:settings': ['office'],
  'imports:run': ['office', 'coordinator', 'owner'],
};

describe('can', () => {
  for (const [permission, roles] of Object.entries(TABLE) as [Permission, Role[]][]) {
    it(`grants ${permission} to ${roles.join(', ')} and no one else`, () => {
      expect(ROLES.keys.filter((role) => can(role, permission))).toEqual(roles);
    });
  }

  it('gives the office every permission', () => {
    expect(PERMISSIONS.every((p) => can('office', p))).toBe(true);
  });

  it('agrees with permissionsOf, which the client receives to show or hide actions', () => {
    for (const role of ROLES.keys) {
      expect([...permissionsOf(role)].sort(), role).toEqual(PERMISSIONS.filter((p) => can(role, p)).sort());
    }
  });
});
