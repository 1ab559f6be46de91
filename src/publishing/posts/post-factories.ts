import type { AppContext } from '../../app/context.js';
import type { SystemActor } from '../../auth/actor.js';
import type { Role } from '../../auth/roles.js';
import type { Platform } from '../../platforms/types.js';
import { makeUnit } from '../../test-support/factories.js';
import type { SocialAccount } from '../accounts/account-types.js';

const FACTORY: SystemActor = { system: true, label: 'test-factory' };
let counter = 0;

/** A social account of its own (and a unit of its own when none is given); Sandbox accounts get a real Sandbox token. */
export async function buildAccount(
  ctx: AppContext,
  opts: { unitId?: string; platform?: Platform; approvalChain?: Role[]; handle?: string } = {},
): Promise<SocialAccount> {
  const unitId = opts.unitId ?? (await makeUnit(ctx)).id;
  const platform = opts.platform ?? 'sandbox';
  const handle = opts.handle ?? `acct_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  return ctx.socialAccounts.create(FACTORY, {
    unitId,
    platform,
    handle,
    displayName: `Account ${handle}`,
    approvalChain: opts.approvalChain,
    ...(platform === 'sandbox' ? {} : { credentials: { token: `token-${handle}` } }),
  });
}
