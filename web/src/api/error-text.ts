import { ApiError } from './client.js';

/** Error codes with their own translated text under `errors.` in the translation files. */
export const TRANSLATED_CODES = new Set([
  'network',
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'second_factor_required',
  'invalid_credentials',
  'invalid_code',
  'forbidden',
  'csrf_failed',
  'account_locked',
  'account_disabled',
  'password_change_required',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
  'unavailable',
]);

/**
 * Codes whose server message says something the translated text cannot (which field, which name
 * is taken); the server's words are shown beneath the translation for these.
 */
const SPECIFIC_CODES = new Set(['bad_request', 'validation_failed', 'conflict', 'forbidden', 'not_found']);

export interface ErrorText {
  /** Translation key and its values; null when only the server's message is known. */
  key: string | null;
  values?: Record<string, unknown>;
  /** The server's own message, shown as is when there is no key or as the detail line. */
  serverMessage: string | null;
}

export function describeError(err: unknown): ErrorText {
  if (err instanceof ApiError) {
    if (err.code === 'too_many_requests' && err.retryAfter !== undefined) {
      return err.retryAfter > 90
        ? { key: 'errors.too_many_requests_wait_minutes', values: { count: Math.ceil(err.retryAfter / 60) }, serverMessage: null }
        : { key: 'errors.too_many_requests_wait', values: { count: err.retryAfter }, serverMessage: null };
    }
    const lockedFor = err.details?.retryAfterSeconds;
    if (err.code === 'account_locked' && typeof lockedFor === 'number' && lockedFor > 0) {
      return { key: 'errors.account_locked_wait', values: { count: Math.ceil(lockedFor / 60) }, serverMessage: null };
    }
    if (TRANSLATED_CODES.has(err.code)) {
      return { key: `errors.${err.code}`, serverMessage: SPECIFIC_CODES.has(err.code) ? err.message : null };
    }
    return { key: err.message ? null : 'errors.unknown', serverMessage: err.message || null };
  }
  if (err instanceof Error) return { key: null, serverMessage: err.message };
  return { key: 'errors.unknown', serverMessage: null };
}
