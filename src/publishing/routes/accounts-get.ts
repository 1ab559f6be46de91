import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { AccountEnvelope, UuidParams } from './accounts-schemas.js';

export function getAccountRoute(api: App, ctx: AppContext): void {
  api.get(
    '/accounts/:id',
    {
      schema: { tags: ['publishing'], summary: 'One social account (without its credentials)', params: UuidParams, response: { 200: AccountEnvelope } },
      config: { policy: { permission: 'accounts.read' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      const account = await ctx.socialAccounts.get(actor, req.params.id);
      return { account: { ...account, can: ctx.socialAccounts.abilities(actor, account) } };
    },
  );
}
