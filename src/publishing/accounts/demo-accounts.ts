import type { AppContext } from '../../app/context.js';
import type { SystemActor } from '../../auth/actor.js';
import { AppError } from '../../http/errors.js';

const DEMO: SystemActor = { system: true, label: 'demo' };

/** The Sandbox handle of a unit's demo account: `dp_` and the unit id in the Sandbox's alphabet. */
export function demoAccountHandle(unitId: string): string {
  return `dp_${unitId.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 40);
}

/**
 * Demo mode: one Sandbox account for every active unit that has none, opened on the Sandbox with
 * the default approval chain, so posts can be composed and published at once. Idempotent.
 */
export async function seedDemoAccounts(ctx: Pick<AppContext, 'db' | 'socialAccounts'>): Promise<number> {
  const missing = await ctx.db.query<{ id: string; nameEn: string }>(
    `SELECT u.id, u.name_en AS "nameEn" FROM units u
     WHERE u.active AND NOT EXISTS (SELECT 1 FROM social_accounts a WHERE a.unit_id = u.id AND a.platform = 'sandbox')
     ORDER BY u.id`,
  );
  let created = 0;
  for (const unit of missing) {
    const handle = demoAccountHandle(unit.id);
    const taken = await ctx.db.query("SELECT 1 FROM social_accounts WHERE platform = 'sandbox' AND lower(handle) = $1", [handle]);
    if (taken.length) continue;
    try {
      await ctx.socialAccounts.create(DEMO, { unitId: unit.id, platform: 'sandbox', handle, displayName: `${unit.nameEn} Police` });
      created++;
    } catch (err) {
      // Another process seeding at the same moment opened it first.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    }
  }
  return created;
}
