import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { ExpireWatchBody, WatchEnvelope, WatchIdParams } from './schemas.js';

export function expireWatchRoute(api: App, ctx: AppContext): void {
  api.post(
    '/monitoring/watches/:id/expire',
    {
      schema: { tags: ['monitoring'], summary: 'End a watch now, with a reason: it stops matching at once', params: WatchIdParams, body: ExpireWatchBody, response: { 200: WatchEnvelope } },
      config: { policy: { permission: 'watches.manage' } },
    },
    async (req) => ({ watch: await ctx.monitoring.watches.expire(requireAuth(req).actor, req.params.id, req.body.reason) }),
  );
}
