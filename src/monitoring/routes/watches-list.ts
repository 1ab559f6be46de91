import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { WatchListQuery, WatchSchema } from './schemas.js';

export function listWatchesRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/watches',
    {
      schema: { tags: ['monitoring'], summary: "Watches concerning the caller's units, active first", querystring: WatchListQuery, response: { 200: Type.Object({ watches: Type.Array(WatchSchema) }) } },
      config: { policy: { permission: 'watches.read' } },
    },
    async (req) => ({ watches: await ctx.monitoring.watches.list(requireAuth(req).actor, req.query) }),
  );
}
