import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';
import { NoContent } from './schemas.js';

export function passwordChangeRoute(api: App, ctx: AppContext): void {
  api.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (ends one’s other sessions)',
        body: Type.Object(
          { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: false },
        ),
        response: { 204: NoContent },
      },
      config: { policy: { permission: 'self' } },
    },
    async (req, reply) => {
      await ctx.auth.changePassword(requireAuth(req), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );
}
