import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { dropConnection, SANDBOX_POLICY, sandboxCaller } from './sandbox-auth.js';
import { PostIdParams, SandboxComment } from './schemas.js';

export function sandboxListCommentsRoute(app: App, ctx: AppContext): void {
  app.get(
    '/sandbox/v1/posts/:id/comments',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Sandbox: comments on a post, oldest first, by pages',
        params: PostIdParams,
        querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 20 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: { 200: Type.Object({ comments: Type.Array(SandboxComment), cursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      const { fault } = await sandboxCaller(ctx, req, 'comments');
      if (fault?.mode === 'drop_after_accept') return dropConnection(reply);
      return ctx.sandbox.comments(req.params.id, req.query.cursor ?? null, req.query.limit ?? 50);
    },
  );
}
