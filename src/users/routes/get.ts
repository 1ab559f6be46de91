import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { UserEnvelope, UserIdParams } from './schemas.js';

export function getUserRoute(api: App, ctx: AppContext): void {
  api.get(
    '/users/:id',
    {
      schema: { tags: ['users'], summary: 'One user (recorded in the audit log as a view of personal data)', params: UserIdParams, response: { 200: UserEnvelope } },
      config: { policy: { permission: 'users.read' } },
    },
    async (req) => ({ user: await ctx.users.get(requireAuth(req).actor, req.params.id) }),
  );
}
