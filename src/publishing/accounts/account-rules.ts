import { PERMISSIONS } from '../../auth/permissions.js';
import { isRole, type Role } from '../../auth/roles.js';
import { AppError } from '../../http/errors.js';

export const CHAIN_MAX = 5;
export const DEFAULT_CHAIN: readonly Role[] = ['district_officer', 'sb_supervisor'];

/** Roles that may stand in an approval chain: those that hold `posts.approve`. */
export const APPROVER_ROLES: readonly Role[] = PERMISSIONS['posts.approve'];

/** An ordered chain of 1 to 5 distinct approver roles. */
export function checkChain(chain: readonly string[]): Role[] {
  if (chain.length === 0) throw new AppError('validation_failed', 'approvalChain: at least one approval step', { field: 'approvalChain' });
  if (chain.length > CHAIN_MAX) throw new AppError('validation_failed', `approvalChain: at most ${CHAIN_MAX} steps`, { field: 'approvalChain' });
  const seen = new Set<string>();
  for (const role of chain) {
    if (!isRole(role) || !APPROVER_ROLES.includes(role)) {
      throw new AppError('validation_failed', `approvalChain: ${role} cannot approve posts (approvers: ${APPROVER_ROLES.join(', ')})`, { field: 'approvalChain' });
    }
    if (seen.has(role)) throw new AppError('validation_failed', `approvalChain: ${role} appears twice`, { field: 'approvalChain' });
    seen.add(role);
  }
  return chain as Role[];
}

export function cleanHandle(handle: string): string {
  const h = handle.trim().replace(/^@/, '');
  if (!h || h.length > 100 || /\s/.test(h)) throw new AppError('validation_failed', 'handle: 1 to 100 characters without spaces', { field: 'handle' });
  return h;
}

export function cleanDisplayName(name: string): string {
  const n = name.trim();
  if (!n || n.length > 200) throw new AppError('validation_failed', 'displayName: 1 to 200 characters', { field: 'displayName' });
  return n;
}
