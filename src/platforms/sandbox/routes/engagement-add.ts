import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { SANDBOX_POLICY, sandboxCaller } from './sandbox-auth.js';
import { PostIdParams } from './schemas.js';

const Count = Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 }));

export function sandboxEngagementRoute(app: App, ctx: AppContext): void {
  app.post(
    '/sandbox/v1/posts/:id/engagement',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Sandbox: simulate audience reach by adding anonymous likes, shares and views',
        params: PostIdParams,
        body: Type.Object({ likes: Count, shares: Count, views: Count }, { additionalProperties: false }),
      },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      await sandboxCaller(ctx, req, null);
      await ctx.sandbox.addEngagement(req.params.id, req.body);
      return reply.code(204).send();
    },
  );
}
