import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { dropConnection, SANDBOX_POLICY, sandboxCaller } from './sandbox-auth.js';
import { PostIdParams } from './schemas.js';

export function sandboxDeletePostRoute(app: App, ctx: AppContext): void {
  app.delete(
    '/sandbox/v1/posts/:id',
    {
      schema: { tags: ['sandbox'], summary: 'Sandbox: delete one of the caller’s posts', params: PostIdParams },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      const { handle, fault } = await sandboxCaller(ctx, req, 'delete');
      if (fault?.mode === 'drop_after_accept') {
        await ctx.sandbox.deletePost(handle, req.params.id);
        return dropConnection(reply);
      }
      await ctx.sandbox.deletePost(handle, req.params.id);
      return reply.code(204).send();
    },
  );
}
