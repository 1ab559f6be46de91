import type { FastifyRequest } from 'fastify';
import type { Permission } from '../auth/permissions.js';

/**
 * What a route requires, declared on the route itself as `config: { policy }`. A route without a
 * policy cannot be registered (see `server.ts`), and a test checks every route against the role
 * matrix.
 */
export type RoutePolicy =
  | { public: true; why: string }
  | {
      permission: Permission;
      /** The unit the request concerns, when the route is about one unit: checked against the actor's scope. */
      unit?: (req: FastifyRequest) => string | null | undefined;
      /** Allowed while a session still waits for its second factor (the TOTP step itself). */
      allowPendingSecondFactor?: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export function isPublic(policy: RoutePolicy): policy is { public: true; why: string } {
  return 'public' in policy;
}
