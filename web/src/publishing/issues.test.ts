import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { issuesFromError, issuesOf, rowErrorsOf, unplacedIssues } from './issues.js';

describe('field issues', () => {
  it('reads the issues of a refused submit', () => {
    const err = new ApiError(400, 'validation_failed', 'variants[0].text: too long', {
      field: 'variants[0].text',
      issues: [{ field: 'variants[0].text', code: 'too_long', limit: 280, actual: 300, message: 'text is 300 weighted characters' }],
    });
    expect(issuesFromError(err)).toEqual([{ field: 'variants[0].text', code: 'too_long', limit: 280, actual: 300, message: 'text is 300 weighted characters' }]);
  });

  it('reads a single named field and a schema error path', () => {
    expect(issuesFromError(new ApiError(400, 'validation_failed', 'scheduledAt: the time has passed', { field: 'scheduledAt' }))).toEqual([
      { field: 'scheduledAt', code: 'invalid', message: 'scheduledAt: the time has passed' },
    ]);
    const schema = new ApiError(400, 'validation_failed', 'body.variants.1.link must NOT have more than 2000 characters', {
      issues: [{ path: 'body/variants/1/link', message: 'must NOT have more than 2000 characters', keyword: 'maxLength', params: {} }],
    });
    expect(issuesFromError(schema)).toEqual([{ field: 'variants[1].link', code: 'maxLength', message: 'must NOT have more than 2000 characters' }]);
  });

  it('ignores errors that are not about fields', () => {
    expect(issuesFromError(new ApiError(409, 'conflict', 'changed'))).toEqual([]);
    expect(issuesFromError(new Error('x'))).toEqual([]);
  });

  it('finds the issues of a field and of its items, and what is left unplaced', () => {
    const issues = [
      { field: 'variants[0].media[1]', code: 'media_type', message: 'a' },
      { field: 'variants[0].mediaX', code: 'x', message: 'b' },
      { field: 'variants[10].text', code: 'too_long', message: 'c' },
      { field: 'campaign', code: 'invalid', message: 'd' },
    ];
    expect(issuesOf(issues, 'variants[0].media').map((i) => i.message)).toEqual(['a']);
    expect(issuesOf(issues, 'variants[1].text')).toEqual([]);
    expect(unplacedIssues(issues, ['variants[0].media', 'variants[10].text']).map((i) => i.message)).toEqual(['b', 'd']);
  });

  it('reads the per-line errors of a refused CSV import', () => {
    const err = new ApiError(400, 'validation_failed', '2 rows have problems', {
      errors: [
        { line: 3, column: 'scheduled_at', message: 'the time has passed' },
        { line: 5, column: null, message: 'too many fields' },
        { nonsense: true },
      ],
    });
    expect(rowErrorsOf(err)).toEqual([
      { line: 3, column: 'scheduled_at', message: 'the time has passed' },
      { line: 5, column: null, message: 'too many fields' },
    ]);
    expect(rowErrorsOf(new ApiError(403, 'forbidden', 'no'))).toBeNull();
    expect(rowErrorsOf(new ApiError(400, 'validation_failed', 'x', { field: 'a' }))).toBeNull();
  });
});
