import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import type { Decision } from '../approvals/approval-service.js';
import { UuidParams } from './accounts-schemas.js';
import { presentPost } from './posts-present.js';
import { CommentRequiredBody, DecisionBody, PostEnvelope } from './posts-schemas.js';

const ACTIONS: { path: string; decision: Decision; summary: string; commentRequired: boolean }[] = [
  { path: 'approve', decision: 'approve', summary: 'Approve the step of the chain that waits for the caller’s role', commentRequired: false },
  { path: 'reject', decision: 'reject', summary: 'Reject the post (a comment is required)', commentRequired: true },
  { path: 'request-changes', decision: 'request_changes', summary: 'Hand the post back to its author with a comment', commentRequired: true },
];

export function decideRoutes(api: App, ctx: AppContext): void {
  for (const a of ACTIONS) {
    api.post(
      `/posts/:id/${a.path}`,
      {
        schema: { tags: ['publishing'], summary: a.summary, params: UuidParams, body: a.commentRequired ? CommentRequiredBody : DecisionBody, response: { 200: PostEnvelope } },
        config: { policy: { permission: 'posts.approve' } },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        return { post: presentPost(ctx, actor, await ctx.approvals.decide(actor, req.params.id, a.decision, req.body)) };
      },
    );
  }
}
