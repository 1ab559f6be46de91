import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';
import { MeSchema } from './schemas.js';

export function meUpdateRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own language or display name',
        body: Type.Object(
          { locale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('hi')])), displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: MeSchema },
      },
      config: { policy: { permission: 'self' } },
    },
    async (req) => ctx.auth.updateProfile(requireAuth(req), req.body),
  );
}
