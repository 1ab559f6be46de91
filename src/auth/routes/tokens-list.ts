import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';
import { ApiTokenSchema, tokenView } from './schemas.js';

export function tokensListRoute(api: App, ctx: AppContext): void {
  api.get(
    '/auth/tokens',
    {
      schema: { tags: ['auth'], summary: 'One’s own API tokens (never their secrets)', response: { 200: Type.Object({ tokens: Type.Array(ApiTokenSchema) }) } },
      config: { policy: { permission: 'self' } },
    },
    async (req) => ({ tokens: (await ctx.auth.tokens.list(requireAuth(req))).map(tokenView) }),
  );
}
