import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';
import { NoContent } from './schemas.js';

export function totpDisableRoute(api: App, ctx: AppContext): void {
  api.post(
    '/auth/totp/disable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turn off two-factor sign-in (needs the password)',
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
        response: { 204: NoContent },
      },
      config: { policy: { permission: 'self' } },
    },
    async (req, reply) => {
      await ctx.auth.totp.disable(requireAuth(req), req.body.password);
      return reply.code(204).send(null);
    },
  );
}
