import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { presentPost } from './posts-present.js';
import { CreatePostBody, PostEnvelope } from './posts-schemas.js';

export function createPostRoute(api: App, ctx: AppContext): void {
  api.post(
    '/posts',
    {
      schema: { tags: ['publishing'], summary: 'Draft a post with one variant per account', body: CreatePostBody, response: { 201: PostEnvelope } },
      config: { policy: { permission: 'posts.write' } },
    },
    async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.code(201).send({ post: presentPost(ctx, actor, await ctx.posts.create(actor, req.body)) });
    },
  );
}
