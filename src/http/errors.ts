/**
 * Domain errors with a stable code the SPA and scripts can read. Services throw these; the HTTP
 * layer turns them into `{ error: { code, message, details? } }` with the status below.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  /** A watch query that does not parse; details carry the 0-based position. */
  query_syntax: 400,
  unauthenticated: 401,
  second_factor_required: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  account_locked: 423,
  account_disabled: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why = 'you do not have permission for this') => new AppError('forbidden', why);
