import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { labelService } from '../labels/label-service.js';
import { MentionIdParams } from './schemas.js';
import { JudgeLabelsBody, MentionLabelsSchema } from './mention-labels-schemas.js';

export function setMentionLabelsRoute(api: App, ctx: AppContext): void {
  api.post(
    '/monitoring/mentions/:id/labels',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Confirm or correct a mention\'s labels: one judgement per label, kept with who and when and the model whose decision was shown (never overwritten)',
        description:
          'Audited: mention.labelled. Errors: 400 validation_failed with details.field (judgements[i].label for an unknown or repeated label, judgements[i].value for a value the label does not take), 404 not_found (no such mention in your units).',
        params: MentionIdParams,
        body: JudgeLabelsBody,
        response: { 200: MentionLabelsSchema },
      },
      config: { policy: { permission: 'mentions.label' } },
    },
    async (req) => labelService(ctx).judge(requireAuth(req).actor, req.params.id, req.body.judgements),
  );
}
