import { ApiError } from '../api/client.js';

/** A query syntax error as the server reports it: where in the query (0-based) and why. */
export interface QueryProblem {
  position: number;
  message: string;
}

/** The problem from an API error of code `query_syntax`, or null for any other error. */
export function queryProblemOf(err: unknown): QueryProblem | null {
  if (!(err instanceof ApiError) || err.code !== 'query_syntax') return null;
  const position = err.details?.position;
  const reason = err.details?.reason;
  return {
    position: typeof position === 'number' && Number.isInteger(position) && position >= 0 ? position : 0,
    message: typeof reason === 'string' && reason ? reason : err.message,
  };
}

/**
 * The query cut at the error for display: the text before it, the character at it (a space
 * stands in when the error is at the end), and the rest; the position is clamped to the query.
 */
export function splitAtPosition(query: string, position: number): { before: string; at: string; after: string; column: number; line: number } {
  const p = Math.max(0, Math.min(position, query.length));
  const before = query.slice(0, p);
  const at = p < query.length ? query.slice(p, p + 1) : ' ';
  const after = p < query.length ? query.slice(p + 1) : '';
  const lines = before.split('\n');
  return { before, at, after, line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
