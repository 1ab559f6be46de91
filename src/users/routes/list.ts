import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { UserSchema } from './schemas.js';

export function listUsersRoute(api: App, ctx: AppContext): void {
  api.get(
    '/users',
    {
      schema: { tags: ['users'], summary: 'Every user the caller may administer', response: { 200: Type.Object({ users: Type.Array(UserSchema) }) } },
      config: { policy: { permission: 'users.read' } },
    },
    async (req) => ({ users: await ctx.users.list(requireAuth(req).actor) }),
  );
}
