import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { labelService } from '../labels/label-service.js';
import { MentionIdParams } from './schemas.js';
import { MentionLabelsSchema } from './mention-labels-schemas.js';

export function listMentionLabelsRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/mentions/:id/labels',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Analysts\' judgements of a mention\'s labels: the model\'s decision per label, each analyst\'s latest judgement with who and when, and the full history',
        description: 'Errors: 404 not_found (no such mention in your units).',
        params: MentionIdParams,
        response: { 200: MentionLabelsSchema },
      },
      config: { policy: { permission: 'monitoring.read' } },
    },
    async (req) => labelService(ctx).list(requireAuth(req).actor, req.params.id),
  );
}
