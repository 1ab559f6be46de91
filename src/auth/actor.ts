import type { Permission } from './permissions.js';
import { roleHas } from './permissions.js';
import type { Role } from './roles.js';

/** Who is making a request, as every service sees it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** 'all' for force-wide users; otherwise the unit ids the user is scoped to (possibly none). */
  units: 'all' | readonly string[];
  /** How the request authenticated. Token requests are limited to the token's scopes. */
  via: 'session' | 'token';
  tokenScopes?: readonly Permission[];
  /** A generated password not yet replaced: only the actor's own account (`self`) is open. */
  mustChangePassword?: boolean;
  ip?: string | undefined;
}

/** The system itself (jobs, seeding, CLI) when it writes audit rows. */
export interface SystemActor {
  system: true;
  label: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  if (!roleHas(actor.role, permission)) return false;
  if (actor.via === 'token' && !(actor.tokenScopes ?? []).includes(permission)) return false;
  return true;
}

/** True when the actor may see or touch data of this unit. */
export function inScope(actor: Actor, unitId: string | null | undefined): boolean {
  if (actor.units === 'all') return true;
  if (!unitId) return false;
  return actor.units.includes(unitId);
}

/**
 * The unit filter a repository must put in its WHERE clause: null means every unit, an array
 * means only these (an empty array matches nothing). Deny by default: an actor without units
 * gets an empty array, never null.
 */
export function unitFilter(actor: Actor): readonly string[] | null {
  return actor.units === 'all' ? null : actor.units;
}
