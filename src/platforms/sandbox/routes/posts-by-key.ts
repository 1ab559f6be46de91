import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../http/errors.js';
import type { App } from '../../../http/server.js';
import { dropConnection, SANDBOX_POLICY, sandboxCaller } from './sandbox-auth.js';
import { SandboxPost } from './schemas.js';

export function sandboxPostByKeyRoute(app: App, ctx: AppContext): void {
  app.get(
    '/sandbox/v1/posts/by-key/:key',
    {
      schema: { tags: ['sandbox'], summary: 'Sandbox: the caller’s post published with this idempotency key', params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) }), response: { 200: SandboxPost } },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      const { handle, fault } = await sandboxCaller(ctx, req, 'lookup');
      if (fault?.mode === 'drop_after_accept') return dropConnection(reply);
      const post = await ctx.sandbox.findByKey(handle, req.params.key);
      if (!post) throw new AppError('not_found', 'Sandbox: no post with this idempotency key');
      return post;
    },
  );
}
