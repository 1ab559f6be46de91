import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { AccountEnvelope, CreateAccountBody } from './accounts-schemas.js';

export function createAccountRoute(api: App, ctx: AppContext): void {
  api.post(
    '/accounts',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Connect a social account to a unit (a Sandbox account without credentials is opened on the Sandbox)',
        body: CreateAccountBody,
        response: { 201: AccountEnvelope },
      },
      config: { policy: { permission: 'accounts.manage' } },
    },
    async (req, reply) => {
      const { actor } = requireAuth(req);
      const account = await ctx.socialAccounts.create(actor, req.body);
      return reply.code(201).send({ account: { ...account, can: ctx.socialAccounts.abilities(actor, account) } });
    },
  );
}
