import { AppError } from '../../http/errors.js';
import { compileQuery, type CompiledQuery } from '../query/compile.js';
import { QuerySyntaxError } from '../query/errors.js';

/**
 * The safeguards of a watch (DESIGN.md §3): a written purpose, a legal basis, units, an expiry in
 * the near future and a retention period. A watch without them cannot be saved.
 */
export const NAME_MAX = 200;
export const PURPOSE_MIN = 20;
export const PURPOSE_MAX = 2000;
export const LEGAL_BASIS_MIN = 5;
export const LEGAL_BASIS_MAX = 500;
/** A watch runs at most this long before someone must renew it. */
export const MAX_WATCH_DAYS = 180;
export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 730;
export const UNITS_MAX = 50;

const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, { field });

export function cleanText(field: string, value: string, min: number, max: number): string {
  const v = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (v.length < min) throw invalid(field, min <= 1 ? 'is required' : `must be written out (at least ${min} characters)`);
  if (v.length > max) throw invalid(field, `is longer than ${max} characters`);
  return v;
}

/** Multi-line text (purpose): keeps line breaks, trims each end. */
export function cleanParagraph(field: string, value: string, min: number, max: number): string {
  const v = value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (v.replace(/\s+/g, ' ').length < min) throw invalid(field, `must be written out (at least ${min} characters)`);
  if (v.length > max) throw invalid(field, `is longer than ${max} characters`);
  return v;
}

export function checkQuery(query: string): CompiledQuery {
  try {
    return compileQuery(query);
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw err.toAppError('query');
    throw err;
  }
}

export function checkExpiry(value: string, now: Date): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw invalid('expiresAt', 'is not a time');
  if (at.getTime() <= now.getTime()) throw invalid('expiresAt', 'must be in the future');
  if (at.getTime() > now.getTime() + MAX_WATCH_DAYS * 86_400_000) throw invalid('expiresAt', `must be within ${MAX_WATCH_DAYS} days; renew the watch when it ends`);
  return at;
}

export function checkRetention(days: number): number {
  if (!Number.isInteger(days) || days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) {
    throw invalid('retentionDays', `must be a whole number of days from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}`);
  }
  return days;
}

export function checkUnits(unitIds: readonly string[]): string[] {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) throw invalid('unitIds', 'name at least one unit the watch concerns');
  if (ids.length > UNITS_MAX) throw invalid('unitIds', `at most ${UNITS_MAX} units`);
  return ids.sort();
}
