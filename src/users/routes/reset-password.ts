import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { UserIdParams } from './schemas.js';

export function resetPasswordRoute(api: App, ctx: AppContext): void {
  api.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'Give a user a temporary password (shown once) that they must change; ends their sessions',
        params: UserIdParams,
        response: { 200: Type.Object({ temporaryPassword: Type.String() }) },
      },
      config: { policy: { permission: 'users.manage' } },
    },
    async (req) => ctx.users.resetPassword(requireAuth(req).actor, req.params.id),
  );
}
