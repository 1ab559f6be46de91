import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';

export function totpSetupRoute(api: App, ctx: AppContext): void {
  api.post(
    '/auth/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start two-factor sign-in: a new secret to scan (not active until confirmed)',
        response: { 200: Type.Object({ secret: Type.String({ description: 'base32' }), otpauthUrl: Type.String() }) },
      },
      config: { policy: { permission: 'self' } },
    },
    async (req) => ctx.auth.totp.setup(requireAuth(req)),
  );
}
