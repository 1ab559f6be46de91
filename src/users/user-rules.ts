import { AppError } from '../http/errors.js';
import { isForceWide, type Role } from '../auth/roles.js';

/** Roles that may see every unit through `allUnits` instead of a list. */
const ALL_UNITS_ALLOWED: readonly Role[] = ['analyst'];

export interface UnitScope {
  allUnits: boolean;
  unitIds: string[];
}

/**
 * The scope a role may have. Force-wide roles have no unit list (they see everything anyway);
 * the agency and district desks must name their units; the monitoring cell may instead see all.
 */
export function checkScope(role: Role, scope: UnitScope): UnitScope {
  const unitIds = [...new Set(scope.unitIds)].sort();
  if (isForceWide(role)) {
    if (unitIds.length || scope.allUnits) {
      throw new AppError('validation_failed', `the role ${role} sees the whole force; it takes no units`, { field: 'unitIds' });
    }
    return { allUnits: false, unitIds: [] };
  }
  if (scope.allUnits) {
    if (!ALL_UNITS_ALLOWED.includes(role)) {
      throw new AppError('validation_failed', `the role ${role} must be given its units; all units is only for ${ALL_UNITS_ALLOWED.join(', ')}`, { field: 'allUnits' });
    }
    if (unitIds.length) throw new AppError('validation_failed', 'give either allUnits or unitIds, not both', { field: 'unitIds' });
    return { allUnits: true, unitIds: [] };
  }
  if (unitIds.length === 0) {
    throw new AppError('validation_failed', `the role ${role} needs at least one unit${ALL_UNITS_ALLOWED.includes(role) ? ' (or allUnits)' : ''}`, { field: 'unitIds' });
  }
  return { allUnits: false, unitIds };
}

/**
 * The scope after a change: a new unit list replaces allUnits and the other way round; a move to
 * a force-wide role drops the units.
 */
export function nextScope(current: UnitScope, role: Role, patch: { unitIds?: string[] | undefined; allUnits?: boolean | undefined }): UnitScope {
  if (isForceWide(role) && patch.unitIds === undefined && patch.allUnits === undefined) return { allUnits: false, unitIds: [] };
  if (patch.unitIds !== undefined && patch.allUnits === undefined) return { allUnits: false, unitIds: patch.unitIds };
  if (patch.allUnits !== undefined && patch.unitIds === undefined) return { allUnits: patch.allUnits, unitIds: patch.allUnits ? [] : current.unitIds };
  return { allUnits: patch.allUnits ?? current.allUnits, unitIds: patch.unitIds ?? current.unitIds };
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/i;

export function checkUsername(username: string): string {
  const u = username.trim();
  if (!USERNAME_PATTERN.test(u)) {
    throw new AppError('validation_failed', 'a username has 2 to 64 letters, digits, dots, dashes or underscores and starts with a letter or digit', { field: 'username' });
  }
  return u;
}

export function checkDisplayName(name: string): string {
  const n = name.trim();
  if (!n || n.length > 200) throw new AppError('validation_failed', 'the display name must have 1 to 200 characters', { field: 'displayName' });
  return n;
}
