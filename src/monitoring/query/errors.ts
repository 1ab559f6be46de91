import { AppError } from '../../http/errors.js';

/**
 * A query that cannot be parsed: where (0-based offset into the query) and why. The HTTP layer
 * answers `{ error: { code: 'query_syntax', message, details: { position } } }`.
 */
export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError';
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`${reason} at ${position}`);
  }

  toAppError(field = 'query'): AppError {
    return new AppError('query_syntax', this.message, { field, position: this.position, reason: this.reason });
  }
}
