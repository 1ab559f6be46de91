import type { Actor } from './actor.js';
import { isPermission, type Permission } from './permissions.js';
import { isForceWide, type Role } from './roles.js';

/** The user columns every authenticated request needs, read with its session or token. */
export interface PrincipalRow {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  allUnits: boolean;
  disabled: boolean;
  mustChangePassword: boolean;
  unitIds: string[];
}

export const PRINCIPAL_COLUMNS = `
  u.id AS "userId", u.username, u.display_name AS "displayName", u.role, u.all_units AS "allUnits", u.disabled,
  u.must_change_password AS "mustChangePassword",
  ARRAY(SELECT uu.unit_id FROM user_units uu WHERE uu.user_id = u.id ORDER BY uu.unit_id) AS "unitIds"`;

/**
 * The actor for a user: force-wide roles and all-units users see every unit; everyone else sees
 * exactly their user_units rows (none means nothing).
 */
export function actorFor(row: PrincipalRow, via: Actor['via'], opts: { ip?: string | undefined; scopes?: readonly string[] } = {}): Actor {
  const actor: Actor = {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    units: isForceWide(row.role) || row.allUnits ? 'all' : [...row.unitIds],
    via,
    ip: opts.ip,
  };
  if (row.mustChangePassword) actor.mustChangePassword = true;
  if (via === 'token') actor.tokenScopes = (opts.scopes ?? []).filter((s): s is Permission => isPermission(s));
  return actor;
}
