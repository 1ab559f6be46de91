import { AppError } from '../http/errors.js';
import type { RequestAuth } from '../http/request-auth.js';

/**
 * Changes to the account's own credentials need a signed-in person, not an API token: a token
 * that could mint tokens or change the password would outgrow its scopes.
 */
export function requireSession(auth: RequestAuth, what: string): NonNullable<RequestAuth['session']> {
  if (!auth.session || auth.actor.via !== 'session') throw new AppError('forbidden', `sign in with your password to ${what}; API tokens cannot`);
  return auth.session;
}
