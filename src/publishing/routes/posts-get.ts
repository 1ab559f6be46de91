import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { UuidParams } from './accounts-schemas.js';
import { presentPost } from './posts-present.js';
import { PostEnvelope } from './posts-schemas.js';

export function getPostRoute(api: App, ctx: AppContext): void {
  api.get(
    '/posts/:id',
    {
      schema: { tags: ['publishing'], summary: 'One post with its variants, validation issues and approval history', params: UuidParams, response: { 200: PostEnvelope } },
      config: { policy: { permission: 'posts.read' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      return { post: presentPost(ctx, actor, await ctx.posts.get(actor, req.params.id)) };
    },
  );
}
