import { inScope, type Actor, type SystemActor } from '../../auth/actor.js';
import { AppError } from '../../http/errors.js';

export const SOURCE_NAME_MAX = 200;
export const SOURCE_URL_MAX = 2000;
export const POLL_SECONDS_MIN = 5;
export const POLL_SECONDS_MAX = 86_400;

/**
 * A feed or Sandbox address as a source may hold it: http or https, a host, and no user name or
 * password (the address is shown to everyone who reads sources and written into the audit log).
 * Returns the address as the URL parser writes it.
 */
export function checkSourceUrl(value: string, field = 'url'): string {
  const text = value.trim();
  if (!text) throw new AppError('validation_failed', `${field}: an address is needed`, { field });
  if (text.length > SOURCE_URL_MAX) throw new AppError('validation_failed', `${field}: at most ${SOURCE_URL_MAX} characters`, { field });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('validation_failed', `${field}: not a valid address`, { field });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('validation_failed', `${field}: only http and https addresses are allowed`, { field });
  if (url.username || url.password) throw new AppError('validation_failed', `${field}: the address must not contain a user name or password`, { field });
  if (!url.hostname) throw new AppError('validation_failed', `${field}: the address has no host`, { field });
  return url.href;
}

/** The longest a failing source waits between polls for its failures alone (unless its interval is longer). */
export const RETRY_BACKOFF_MAX_SECONDS = 3600;

/**
 * Seconds until a source that has just failed `failures` times in a row is polled again: its
 * interval at the first failure, doubled at each further one, at most an hour (or the interval,
 * when that is longer); never sooner than its server asked (`retryAfter`, seconds).
 */
export function retryDelaySeconds(pollSeconds: number, failures: number, retryAfter: number | null = null): number {
  const cap = Math.max(pollSeconds, RETRY_BACKOFF_MAX_SECONDS);
  const backoff = Math.min(cap, pollSeconds * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.max(backoff, retryAfter ?? 0);
}

export function checkPollSeconds(value: number, field = 'pollSeconds'): number {
  if (!Number.isInteger(value) || value < 1) throw new AppError('validation_failed', `${field}: a whole number of seconds`, { field });
  return value;
}

function isUser(actor: Actor | SystemActor): actor is Actor {
  return !('system' in actor);
}

/**
 * A user may give a source only units in their scope, and a scoped user must give at least one
 * (a source without units concerns the whole force). The system (CLI, demo) is not scoped.
 */
export function checkSourceUnits(actor: Actor | SystemActor, unitIds: readonly string[]): void {
  if (!isUser(actor) || actor.units === 'all') return;
  if (unitIds.length === 0) throw new AppError('validation_failed', 'unitIds: choose at least one of your units', { field: 'unitIds' });
  const outside = unitIds.filter((u) => !inScope(actor, u));
  if (outside.length) throw new AppError('forbidden', `unit ${outside.join(', ')} is outside your scope`, { field: 'unitIds' });
}

/** Whether this actor may change this source: force-wide users any, scoped users those wholly in their units. */
export function mayManageSource(actor: Actor | SystemActor, source: { unitIds: readonly string[] }): boolean {
  if (!isUser(actor) || actor.units === 'all') return true;
  return source.unitIds.length > 0 && source.unitIds.every((u) => inScope(actor, u));
}
