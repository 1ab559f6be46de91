import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../http/errors.js';
import type { App } from '../../../http/server.js';
import { SandboxRejection } from '../network/sandbox-network.js';
import { applyFault, dropConnection, SANDBOX_POLICY, sandboxAccount } from './sandbox-auth.js';
import { CreateSandboxPostBody, SandboxPost } from './schemas.js';

export function sandboxCreatePostRoute(app: App, ctx: AppContext): void {
  app.post(
    '/sandbox/v1/posts',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Sandbox: publish a post (an Idempotency-Key header makes a repeat answer the same post)',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: CreateSandboxPostBody,
        response: { 200: SandboxPost, 201: SandboxPost },
      },
      config: { policy: SANDBOX_POLICY },
    },
    async (req, reply) => {
      const handle = await sandboxAccount(ctx, req);
      const key = req.headers['idempotency-key'] ?? null;
      let fault = null;
      let result;
      try {
        // Usually one statement: the fault check, the insert and the read back together.
        const first = await ctx.sandbox.publish(handle, req.body, key);
        if (first.fault) {
          // A fault answered first and nothing was posted: apply it, then publish as usual.
          fault = first.fault;
          await applyFault(fault);
          result = await ctx.sandbox.createPost(handle, req.body, key);
        } else {
          result = first;
        }
      } catch (err) {
        if (err instanceof SandboxRejection) throw new AppError('bad_request', `Sandbox: ${err.message}`, { reason: err.code });
        throw err;
      }
      if (fault?.mode === 'drop_after_accept') return dropConnection(reply);
      return reply.code(result.replay ? 200 : 201).header('idempotent-replayed', String(result.replay)).send(result.post);
    },
  );
}
