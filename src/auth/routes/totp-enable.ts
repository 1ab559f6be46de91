import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';
import { NoContent } from './schemas.js';

export function totpEnableRoute(api: App, ctx: AppContext): void {
  api.post(
    '/auth/totp/enable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turn on two-factor sign-in by confirming a code from the new device',
        body: Type.Object({ code: Type.String({ minLength: 6, maxLength: 10 }) }, { additionalProperties: false }),
        response: { 204: NoContent },
      },
      config: { policy: { permission: 'self' } },
    },
    async (req, reply) => {
      await ctx.auth.totp.enable(requireAuth(req), req.body.code);
      return reply.code(204).send(null);
    },
  );
}
