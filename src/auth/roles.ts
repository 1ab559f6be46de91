/** The roles of DESIGN.md §1. */
export const ROLES = ['admin', 'sb_supervisor', 'leadership', 'analyst', 'district_officer', 'agency_editor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that always see the whole force; every other role may be scoped to units. */
export const FORCE_WIDE_ROLES: readonly Role[] = ['admin', 'sb_supervisor', 'leadership'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isForceWide(role: Role): boolean {
  return FORCE_WIDE_ROLES.includes(role);
}
