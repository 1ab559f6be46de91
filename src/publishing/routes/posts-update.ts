import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { UuidParams } from './accounts-schemas.js';
import { presentPost } from './posts-present.js';
import { PostEnvelope, UpdatePostBody } from './posts-schemas.js';

export function updatePostRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/posts/:id',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Edit a post; a change of content after any approval sends it back to the first step of its chain',
        params: UuidParams,
        body: UpdatePostBody,
        response: { 200: PostEnvelope },
      },
      config: { policy: { permission: 'posts.write' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      const { version, ...patch } = req.body;
      return { post: presentPost(ctx, actor, await ctx.posts.update(actor, req.params.id, patch, version)) };
    },
  );
}
