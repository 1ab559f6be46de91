import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { queryProblemOf, splitAtPosition } from './query-error.js';

describe('query errors', () => {
  it('come from the server answer of code query_syntax with their position', () => {
    const err = new ApiError(400, 'query_syntax', 'expected a term after AND (the query ends) at 10', { field: 'query', position: 10, reason: 'expected a term after AND (the query ends)' });
    expect(queryProblemOf(err)).toEqual({ position: 10, message: 'expected a term after AND (the query ends)' });
  });

  it('are null for other errors, and fall back to position 0 and the message', () => {
    expect(queryProblemOf(new ApiError(400, 'validation_failed', 'x'))).toBeNull();
    expect(queryProblemOf(new Error('x'))).toBeNull();
    expect(queryProblemOf(new ApiError(400, 'query_syntax', 'bad', { position: -3 }))).toEqual({ position: 0, message: 'bad' });
  });

  it('cut the query at the position, marking a space when the error is at the end', () => {
    expect(splitAtPosition('danga AND', 9)).toEqual({ before: 'danga AND', at: ' ', after: '', line: 1, column: 10 });
    expect(splitAtPosition('a (b', 2)).toEqual({ before: 'a ', at: '(', after: 'b', line: 1, column: 3 });
    expect(splitAtPosition('a\nb OR', 99).line).toBe(2);
    expect(splitAtPosition('a\nb OR', 4)).toMatchObject({ before: 'a\nb ', at: 'O', line: 2, column: 3 });
  });
});
