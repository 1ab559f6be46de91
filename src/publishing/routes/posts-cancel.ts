import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { UuidParams } from './accounts-schemas.js';
import { presentPost } from './posts-present.js';
import { CancelPostBody, PostEnvelope } from './posts-schemas.js';

export function cancelPostRoute(api: App, ctx: AppContext): void {
  api.post(
    '/posts/:id/cancel',
    {
      schema: { tags: ['publishing'], summary: 'Cancel a post that has not gone out', params: UuidParams, body: CancelPostBody, response: { 200: PostEnvelope } },
      config: { policy: { permission: 'posts.write' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      return { post: presentPost(ctx, actor, await ctx.posts.cancel(actor, req.params.id, req.body.reason)) };
    },
  );
}
