import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';
import { NoContent, TokenIdParams } from './schemas.js';

export function tokensRevokeRoute(api: App, ctx: AppContext): void {
  api.delete(
    '/auth/tokens/:id',
    {
      schema: { tags: ['auth'], summary: 'Revoke one of one’s own API tokens', params: TokenIdParams, response: { 204: NoContent } },
      config: { policy: { permission: 'self' } },
    },
    async (req, reply) => {
      await ctx.auth.tokens.revoke(requireAuth(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
