import type { AppContext } from '../app/context.js';
import type { SystemActor } from './actor.js';

const BOOTSTRAP: SystemActor = { system: true, label: 'first-start' };

/**
 * On first start (no users at all) creates `admin` with a generated password, or with `password`
 * (CHHAVI_ADMIN_PASSWORD), and returns it so that it can be shown once. Returns null when any user
 * exists, including when another process created the admin at the same moment.
 */
export async function ensureFirstAdmin(ctx: AppContext, password?: string): Promise<{ username: 'admin'; password: string } | null> {
  if ((await ctx.users.count()) > 0) return null;
  try {
    const created = await ctx.users.create(BOOTSTRAP, {
      username: 'admin',
      displayName: 'Administrator',
      role: 'admin',
      password,
      // A generated password was printed to a console: replace it. A chosen one was set on purpose.
      mustChangePassword: password === undefined,
    });
    return { username: 'admin', password: password ?? created.initialPassword ?? '' };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'conflict') return null;
    if (code === 'validation_failed') throw new Error(`the first admin's password is refused: ${(err as Error).message}`, { cause: err });
    throw err;
  }
}
