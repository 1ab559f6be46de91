import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { presentSource } from './source-present.js';
import { SourceEnvelope, SourceIdParams, UpdateSourceBody } from './schemas.js';

export function updateSourceRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/monitoring/sources/:id',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Rename a source, change its poll interval or address, or switch it on or off',
        description:
          'Audited: source.updated with the values before and after; source.enabled / source.disabled. Errors: 400 validation_failed with details.field, 404 not_found (no such source in your units), 409 conflict (the name is taken).',
        params: SourceIdParams,
        body: UpdateSourceBody,
        response: { 200: SourceEnvelope },
      },
      config: { policy: { permission: 'sources.manage' } },
    },
    async (req) => ({ source: presentSource(await ctx.ingestion.sources.update(requireAuth(req).actor, req.params.id, req.body)) }),
  );
}
