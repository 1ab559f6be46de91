import type { Role } from '../../auth/roles.js';

/**
 * The chain of a post with several accounts: every role of every account's chain, in the order
 * they first appear (accounts in variant order), so each account's approvers all approve.
 */
export function mergeChains(chains: readonly (readonly Role[])[]): Role[] {
  const out: Role[] = [];
  for (const chain of chains) for (const role of chain) if (!out.includes(role)) out.push(role);
  return out;
}
