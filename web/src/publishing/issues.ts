import { ApiError } from '../api/client.js';
import type { CsvRowError, FieldIssue } from '../api/publishing.js';

/**
 * The server names the field of each problem (`variants[1].text`, `scheduledAt`): in a post's
 * `issues`, in the answer of /posts/check, and in a refused save (`details.field`, `details.issues`,
 * or a schema error's `body/variants/1/text` path). The composer shows each beside its field.
 */

function fromSchemaPath(path: string): string {
  // body/variants/1/text → variants[1].text
  return path
    .replace(/^(body|querystring|params)\/?/, '')
    .split('/')
    .filter(Boolean)
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

export function issuesFromError(err: unknown): FieldIssue[] {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return [];
  const details = err.details ?? {};
  const listed = Array.isArray(details.issues) ? (details.issues as unknown[]) : [];
  const out: FieldIssue[] = [];
  for (const raw of listed) {
    if (!raw || typeof raw !== 'object') continue;
    const i = raw as Record<string, unknown>;
    if (typeof i.field === 'string' && typeof i.message === 'string') {
      out.push({ field: i.field, code: typeof i.code === 'string' ? i.code : 'invalid', message: i.message, ...(typeof i.limit === 'number' ? { limit: i.limit } : {}), ...(typeof i.actual === 'number' ? { actual: i.actual } : {}) });
    } else if (typeof i.path === 'string') {
      out.push({ field: fromSchemaPath(i.path), code: typeof i.keyword === 'string' ? i.keyword : 'invalid', message: typeof i.message === 'string' ? i.message : err.message });
    }
  }
  if (out.length === 0 && typeof details.field === 'string') out.push({ field: details.field, code: 'invalid', message: err.message });
  return out;
}

/** The issues of one field, and of its items (`variants[0].media` holds `variants[0].media[2]`). */
export function issuesOf(issues: readonly FieldIssue[], field: string): FieldIssue[] {
  return issues.filter((i) => i.field === field || i.field.startsWith(`${field}[`));
}

/** Issues that no field on the screen shows, so they are listed together. */
export function unplacedIssues(issues: readonly FieldIssue[], placed: readonly string[]): FieldIssue[] {
  return issues.filter((i) => !placed.some((f) => i.field === f || i.field.startsWith(`${f}[`)));
}

/** The per-line errors of a refused import (400 with details.errors). */
export function rowErrorsOf(err: unknown): CsvRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return null;
  const list = err.details?.errors;
  if (!Array.isArray(list)) return null;
  return list.filter((e): e is CsvRowError => !!e && typeof e === 'object' && typeof (e as CsvRowError).line === 'number' && typeof (e as CsvRowError).message === 'string');
}
