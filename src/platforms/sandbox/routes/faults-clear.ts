import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { SANDBOX_POLICY, sandboxCaller } from './sandbox-auth.js';

export function sandboxClearFaultsRoute(app: App, ctx: AppContext): void {
  app.delete(
    '/sandbox/v1/faults',
    {
      schema: { tags: ['sandbox'], summary: 'Sandbox: cancel the calling account’s pending faults' },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      const { handle } = await sandboxCaller(ctx, req, null);
      await ctx.sandbox.clearFaults(handle);
      return reply.code(204).send();
    },
  );
}
