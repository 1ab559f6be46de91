import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { CreateWatchBody, WatchEnvelope } from './schemas.js';

export function createWatchRoute(api: App, ctx: AppContext): void {
  api.post(
    '/monitoring/watches',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Create a watch: query, owner, purpose, legal basis, units, expiry and retention are all required',
        description: 'A query that does not parse answers 400 query_syntax with details.position (0-based offset).',
        body: CreateWatchBody,
        response: { 201: WatchEnvelope },
      },
      config: { policy: { permission: 'watches.manage' } },
    },
    async (req, reply) => reply.code(201).send({ watch: await ctx.monitoring.watches.create(requireAuth(req).actor, req.body) }),
  );
}
