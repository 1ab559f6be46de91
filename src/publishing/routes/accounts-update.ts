import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { AccountEnvelope, UpdateAccountBody, UuidParams } from './accounts-schemas.js';

export function updateAccountRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/accounts/:id',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Rename a social account, change its approval chain, replace its credentials, or deactivate it',
        params: UuidParams,
        body: UpdateAccountBody,
        response: { 200: AccountEnvelope },
      },
      config: { policy: { permission: 'accounts.manage' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      const account = await ctx.socialAccounts.update(actor, req.params.id, req.body);
      return { account: { ...account, can: ctx.socialAccounts.abilities(actor, account) } };
    },
  );
}
