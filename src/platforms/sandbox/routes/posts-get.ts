import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../http/errors.js';
import type { App } from '../../../http/server.js';
import { SANDBOX_POLICY } from './sandbox-auth.js';
import { PostIdParams, SandboxPost } from './schemas.js';

export function sandboxGetPostRoute(app: App, ctx: AppContext): void {
  app.get(
    '/sandbox/v1/posts/:id',
    {
      schema: { tags: ['sandbox'], summary: 'Sandbox: one public post with its counts', params: PostIdParams, response: { 200: SandboxPost } },
      config: { policy: SANDBOX_POLICY },
    },
    async (req) => {
      const post = await ctx.sandbox.getPost(req.params.id);
      if (!post || post.deleted) throw new AppError('not_found', 'Sandbox: post not found');
      return post;
    },
  );
}
