import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { presentPost } from './posts-present.js';
import { PostSchema } from './posts-schemas.js';

export function approvalsInboxRoute(api: App, ctx: AppContext): void {
  api.get(
    '/approvals/inbox',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Posts that wait on the caller: in review, in their units, written by someone else, at a step of their role',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: Type.Object({ posts: Type.Array(PostSchema) }) },
      },
      config: { policy: { permission: 'posts.approve' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      return { posts: (await ctx.approvals.inbox(actor, req.query.limit)).map((p) => presentPost(ctx, actor, p)) };
    },
  );
}
