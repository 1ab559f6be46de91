import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { UuidParams } from './accounts-schemas.js';
import { presentPost } from './posts-present.js';
import { PostEnvelope } from './posts-schemas.js';

export function submitPostRoute(api: App, ctx: AppContext): void {
  api.post(
    '/posts/:id/submit',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Send a post to review (refused with the issue on each field while a variant breaks its platform’s limits)',
        params: UuidParams,
        response: { 200: PostEnvelope },
      },
      config: { policy: { permission: 'posts.write' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      return { post: presentPost(ctx, actor, await ctx.posts.submit(actor, req.params.id)) };
    },
  );
}
