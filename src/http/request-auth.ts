import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';

/** What authentication found on a request. */
export interface RequestAuth {
  actor: Actor;
  /** Set for cookie sessions: the session row id and the CSRF token bound to it. */
  session?: { id: string; csrfToken: string; secondFactorPending: boolean };
}

/** Turns a request's cookie or bearer token into an actor; implemented by auth/. */
export interface RequestAuthenticator {
  authenticate(req: FastifyRequest, reply: FastifyReply): Promise<RequestAuth | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
