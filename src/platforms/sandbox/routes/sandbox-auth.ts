import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../http/errors.js';
import type { RoutePolicy } from '../../../http/policy.js';
import { SANDBOX_AUTH_SCHEME } from '../client.js';
import type { SandboxFault, SandboxOperation } from '../network/sandbox-network.js';

/**
 * The Sandbox is another platform that this server happens to host: its routes are public to
 * Chhavi's own sign-in and check the Sandbox account's token themselves. The token travels as
 * `Authorization: Sandbox <token>` so that Chhavi's bearer-token authentication leaves it alone.
 */
export const SANDBOX_POLICY: RoutePolicy = { public: true, why: 'sandbox platform API, authenticated by sandbox account token' };

function tokenOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = new RegExp(`^${SANDBOX_AUTH_SCHEME}\\s+(\\S+)$`, 'i').exec(header.trim());
  return m ? m[1]! : null;
}

/** The account calling, by its token. */
export async function sandboxAccount(ctx: AppContext, req: FastifyRequest): Promise<string> {
  const token = tokenOf(req);
  const handle = token ? await ctx.sandbox.authenticate(token) : null;
  if (!handle) throw new AppError('unauthenticated', 'Sandbox: missing or invalid access token', { reason: 'invalid_token' });
  return handle;
}

/** The account calling, after any injected fault for this call has been applied. */
export async function sandboxCaller(ctx: AppContext, req: FastifyRequest, op: SandboxOperation | null): Promise<{ handle: string; fault: SandboxFault | null }> {
  const handle = await sandboxAccount(ctx, req);
  // Calls that only simulate the audience (op null) are never faulted.
  const fault = op ? await ctx.sandbox.takeFault(handle, op) : null;
  if (!fault) return { handle, fault: null };
  await applyFault(fault);
  return { handle, fault };
}

/**
 * Answers the call as the fault says: an error is thrown; a delay waits and lets the call go on;
 * a dropped connection lets the call go on, for the route to drop its answer.
 */
export async function applyFault(fault: SandboxFault): Promise<void> {
  switch (fault.mode) {
    case 'rate_limited': {
      const reset = Math.ceil(Date.now() / 1000) + fault.resetSeconds;
      throw new AppError('too_many_requests', 'Sandbox: rate limit exceeded', { reason: 'rate_limited' }, { 'x-rate-limit-reset': String(reset), 'retry-after': String(fault.resetSeconds) });
    }
    case 'unauthorized':
      throw new AppError('unauthenticated', 'Sandbox: the access token has expired', { reason: 'token_expired' });
    case 'server_error':
      throw new AppError('unavailable', 'Sandbox: internal error, try again later', { reason: 'server_error' });
    case 'reject':
      throw new AppError('bad_request', 'Sandbox: this content violates the community rules', { reason: 'content_rejected' });
    case 'delay':
      await sleep(fault.delayMs);
      return;
    case 'drop_after_accept':
      return;
  }
}

/** Ends the call without an answer, as a platform that accepted a post and then lost the connection. */
export function dropConnection(reply: FastifyReply): void {
  reply.hijack();
  reply.raw.destroy();
}
