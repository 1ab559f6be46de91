import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import type { RequestAuth } from '../http/request-auth.js';

/** The authentication of a request whose route declares a permission (the policy hook has set it). */
export function requireAuth(req: FastifyRequest): RequestAuth {
  if (!req.auth) throw new AppError('unauthenticated', 'sign in first');
  return req.auth;
}

export function clientOf(req: FastifyRequest): { ip: string; userAgent: string | undefined } {
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
}
