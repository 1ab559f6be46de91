import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { SourceHealthSchema } from './schemas.js';

export function sourceHealthRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/sources',
    {
      schema: { tags: ['monitoring'], summary: 'Monitoring sources with their health: last success, last error, lag, items', response: { 200: Type.Object({ sources: Type.Array(SourceHealthSchema) }) } },
      config: { policy: { permission: 'sources.read' } },
    },
    async (req) => ({ sources: await ctx.monitoring.stream.sources(requireAuth(req).actor) }),
  );
}
