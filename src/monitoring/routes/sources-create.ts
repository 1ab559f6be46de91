import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { presentSource } from './source-present.js';
import { CreatedSourceEnvelope, CreateSourceBody } from './schemas.js';

export function createSourceRoute(api: App, ctx: AppContext): void {
  api.post(
    '/monitoring/sources',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Add a source: an RSS or Atom feed (url, pollSeconds), a signed webhook (its secret is answered once) or the Sandbox public feed',
        description:
          'Audited (source.created). Errors: 400 validation_failed with details.field (url: http or https, no user name or password; unitIds: a scoped caller gives units of their own), 409 conflict (a source of this kind and name exists).',
        body: CreateSourceBody,
        response: { 201: CreatedSourceEnvelope },
      },
      config: { policy: { permission: 'sources.manage' } },
    },
    async (req, reply) => {
      const { actor } = requireAuth(req);
      const { kind, name, unitIds, url, pollSeconds, platform } = req.body;
      const config: Record<string, unknown> = {};
      if (url !== undefined) config.url = url;
      if (kind === 'webhook') config.platform = platform ?? 'webhook';
      const { source, secret } = await ctx.ingestion.sources.create(actor, { kind, name, unitIds: unitIds ?? [], config, ...(pollSeconds !== undefined ? { pollSeconds } : {}) });
      return reply.code(201).send({ source: presentSource(source), secret });
    },
  );
}
