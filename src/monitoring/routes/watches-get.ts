import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { WatchEnvelope, WatchIdParams } from './schemas.js';

export function getWatchRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/watches/:id',
    {
      schema: { tags: ['monitoring'], summary: 'One watch (404 when none of its units is the caller\'s)', params: WatchIdParams, response: { 200: WatchEnvelope } },
      config: { policy: { permission: 'watches.read' } },
    },
    async (req) => ({ watch: await ctx.monitoring.watches.get(requireAuth(req).actor, req.params.id) }),
  );
}
