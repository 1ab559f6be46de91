import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { can } from '../../auth/actor.js';
import { requireAuth } from '../../auth/request.js';
import { SourceHealthSchema } from './schemas.js';

export function sourceHealthRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/sources',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Monitoring sources with their health (last success, last error, lag, items), address, and whether the caller may manage each',
        response: { 200: Type.Object({ sources: Type.Array(SourceHealthSchema) }) },
      },
      config: { policy: { permission: 'sources.read' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      const sources = await ctx.monitoring.stream.sources(actor);
      const details = await ctx.ingestion.sources.details(actor, sources.map((s) => s.id));
      return {
        sources: sources.map((s) => {
          const d = details.get(s.id);
          // Managing is sources.manage on top of the per-source scope; a token may lack it.
          return { ...s, url: d?.url ?? null, webhookPath: d?.webhookPath ?? null, abilities: { manage: Boolean(d?.abilities.manage) && can(actor, 'sources.manage') } };
        }),
      };
    },
  );
}
