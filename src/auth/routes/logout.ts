import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';
import { NoContent } from './schemas.js';

export function logoutRoute(api: App, ctx: AppContext): void {
  api.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: NoContent } },
      // A sign-in waiting for its second factor may also be abandoned.
      config: { policy: { permission: 'self', allowPendingSecondFactor: true } },
    },
    async (req, reply) => {
      await ctx.auth.logout(requireAuth(req));
      ctx.auth.clearCookie(reply);
      return reply.code(204).send(null);
    },
  );
}
