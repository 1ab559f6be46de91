import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { SANDBOX_POLICY, sandboxCaller } from './sandbox-auth.js';
import { FaultBody } from './schemas.js';

export function sandboxSetFaultRoute(app: App, ctx: AppContext): void {
  app.post(
    '/sandbox/v1/faults',
    {
      schema: { tags: ['sandbox'], summary: 'Sandbox: make the next calls of the calling account fail (tests and drills)', body: FaultBody },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      const { handle } = await sandboxCaller(ctx, req, null);
      await ctx.sandbox.injectFault(handle, req.body);
      return reply.code(204).send();
    },
  );
}
