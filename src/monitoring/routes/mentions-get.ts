import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { MentionDetailEnvelope, MentionIdParams } from './schemas.js';

export function getMentionRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/mentions/:id',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'One mention: raw payload, earlier versions, its near-duplicate cluster and the watches that matched it',
        description: 'Personal data: every view is written to the audit log.',
        params: MentionIdParams,
        response: { 200: MentionDetailEnvelope },
      },
      config: { policy: { permission: 'monitoring.read' } },
    },
    async (req) => ctx.monitoring.stream.detail(requireAuth(req).actor, req.params.id),
  );
}
