import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../request.js';
import { MeSchema } from './schemas.js';

export function meGetRoute(api: App, ctx: AppContext): void {
  api.get(
    '/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in user, their units, permissions and CSRF token', response: { 200: MeSchema } },
      config: { policy: { permission: 'self' } },
    },
    async (req) => ctx.auth.me(requireAuth(req)),
  );
}
