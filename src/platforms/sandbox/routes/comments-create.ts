import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { SANDBOX_POLICY, sandboxCaller } from './sandbox-auth.js';
import { PostIdParams, SandboxComment } from './schemas.js';

export function sandboxCreateCommentRoute(app: App, ctx: AppContext): void {
  app.post(
    '/sandbox/v1/posts/:id/comments',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Sandbox: comment on a post as the calling account',
        params: PostIdParams,
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
        response: { 201: SandboxComment },
      },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      const { handle } = await sandboxCaller(ctx, req, null);
      return reply.code(201).send(await ctx.sandbox.addComment(handle, req.params.id, req.body.text));
    },
  );
}
