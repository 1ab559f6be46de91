import type { Role } from './roles.js';

/**
 * Every permission a route can require, and the roles that hold it. This table is the one place
 * where a role's rights are written; routes name a permission and never a role.
 * Later capabilities add their permissions here.
 */
export const PERMISSIONS = {
  /** Read and change one's own account (profile, password, TOTP, API tokens). */
  'self': ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'],
  /** See the units and stations the actor is scoped to. */
  'units.read': ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'],
  'units.manage': ['admin'],
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['admin', 'sb_supervisor'],
  'settings.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
