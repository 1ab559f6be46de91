import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';
import { TOKEN_MAX_DAYS } from '../api-tokens.js';
import { ApiTokenSchema, tokenView } from './schemas.js';

export function tokensCreateRoute(api: App, ctx: AppContext): void {
  api.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token for scripts; the token text is shown once',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            scopes: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 64, description: 'permission names the token may use' }),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: TOKEN_MAX_DAYS })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: Type.String({ description: 'chv_<prefix>_<secret>; send as Authorization: Bearer' }), apiToken: ApiTokenSchema }) },
      },
      config: { policy: { permission: 'self' } },
    },
    async (req, reply) => {
      const created = await ctx.auth.tokens.create(requireAuth(req), req.body);
      return reply.code(201).send({ token: created.token, apiToken: tokenView(created.apiToken) });
    },
  );
}
