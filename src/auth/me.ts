import type { Queryable } from '../db/database.js';
import { findAccountById, unitNames, type UnitName } from './account-repository.js';
import { can, type Actor } from './actor.js';
import { ALL_PERMISSIONS, type Permission } from './permissions.js';
import type { Role } from './roles.js';
import { AppError } from '../http/errors.js';

/** The signed-in user as the SPA sees them, with what they may do. */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** True when the user sees every unit (a force-wide role or an all-units scope). */
  allUnits: boolean;
  units: UnitName[];
  locale: 'en' | 'hi';
  totpEnabled: boolean;
  mustChangePassword: boolean;
  /** Send as x-csrf-token on every non-GET request of this session (empty for API tokens). */
  csrfToken: string;
  permissions: Permission[];
}

/**
 * While a sign-in waits for its second factor, the password alone has been proven: the answer
 * then names the account but shows neither its units nor its permissions.
 */
export async function loadMe(q: Queryable, actor: Actor, csrfToken: string, secondFactorPending = false): Promise<Me> {
  const account = await findAccountById(q, actor.userId);
  if (!account) throw new AppError('unauthenticated', 'this account no longer exists');
  if (secondFactorPending) {
    return {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      allUnits: false,
      units: [],
      locale: account.locale,
      totpEnabled: account.totpEnabled,
      mustChangePassword: account.mustChangePassword,
      csrfToken,
      permissions: [],
    };
  }
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    allUnits: actor.units === 'all',
    units: await unitNames(q, actor.units === 'all' ? null : actor.units),
    locale: account.locale,
    totpEnabled: account.totpEnabled,
    mustChangePassword: account.mustChangePassword,
    csrfToken,
    permissions: ALL_PERMISSIONS.filter((p) => can(actor, p)),
  };
}
