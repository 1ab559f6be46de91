import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { UserEnvelope, UserIdParams } from './schemas.js';

export function unlockUserRoute(api: App, ctx: AppContext): void {
  api.post(
    '/users/:id/unlock',
    {
      schema: { tags: ['users'], summary: 'Lift a lock after failed sign-ins', params: UserIdParams, response: { 200: UserEnvelope } },
      config: { policy: { permission: 'users.manage' } },
    },
    async (req) => ({ user: await ctx.users.unlock(requireAuth(req).actor, req.params.id) }),
  );
}
