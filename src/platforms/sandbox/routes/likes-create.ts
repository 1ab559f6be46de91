import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { SANDBOX_POLICY, sandboxCaller } from './sandbox-auth.js';
import { PostIdParams } from './schemas.js';

export function sandboxLikeRoute(app: App, ctx: AppContext): void {
  app.post(
    '/sandbox/v1/posts/:id/likes',
    {
      schema: { tags: ['sandbox'], summary: 'Sandbox: like a post as the calling account (once per account)', params: PostIdParams },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      const { handle } = await sandboxCaller(ctx, req, null);
      await ctx.sandbox.like(handle, req.params.id);
      return reply.code(204).send();
    },
  );
}
