import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { UpdateWatchBody, WatchEnvelope, WatchIdParams } from './schemas.js';

export function updateWatchRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/monitoring/watches/:id',
    {
      schema: { tags: ['monitoring'], summary: 'Change, pause or resume a watch (audited with before and after)', params: WatchIdParams, body: UpdateWatchBody, response: { 200: WatchEnvelope } },
      config: { policy: { permission: 'watches.manage' } },
    },
    async (req) => ({ watch: await ctx.monitoring.watches.update(requireAuth(req).actor, req.params.id, req.body) }),
  );
}
