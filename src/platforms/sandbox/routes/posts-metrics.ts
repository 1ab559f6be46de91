import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { dropConnection, SANDBOX_POLICY, sandboxCaller } from './sandbox-auth.js';
import { PostIdParams, SandboxMetrics } from './schemas.js';

export function sandboxPostMetricsRoute(app: App, ctx: AppContext): void {
  app.get(
    '/sandbox/v1/posts/:id/metrics',
    {
      schema: { tags: ['sandbox'], summary: 'Sandbox: likes, shares, comments and views of one of the caller’s posts', params: PostIdParams, response: { 200: SandboxMetrics } },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      const { handle, fault } = await sandboxCaller(ctx, req, 'metrics');
      if (fault?.mode === 'drop_after_accept') return dropConnection(reply);
      return ctx.sandbox.metrics(handle, req.params.id);
    },
  );
}
