import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { AccountSchema, PlatformSchema } from './accounts-schemas.js';

export function listAccountsRoute(api: App, ctx: AppContext): void {
  api.get(
    '/accounts',
    {
      schema: {
        tags: ['publishing'],
        summary: "The social accounts of the caller's units",
        querystring: Type.Object({ unitId: Type.Optional(Type.String({ maxLength: 32 })), platform: Type.Optional(PlatformSchema), active: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ accounts: Type.Array(AccountSchema) }) },
      },
      config: { policy: { permission: 'accounts.read' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      const accounts = await ctx.socialAccounts.list(actor, req.query);
      return { accounts: accounts.map((a) => ({ ...a, can: ctx.socialAccounts.abilities(actor, a) })) };
    },
  );
}
