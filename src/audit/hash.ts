import { createHash } from 'node:crypto';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Exactly the fields of an audit row that its hash covers, in the form they are stored. */
export interface HashedFields {
  id: number;
  /** ISO 8601 in UTC with microseconds, e.g. 2026-01-02T03:04:05.678000Z (see `formatAt`). */
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  unitId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every level and no whitespace. jsonb reorders keys and the
 * drivers parse numbers into doubles, so the hash is taken over this form, which is the same
 * whether the value comes from the caller or is read back from either database.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function entryHash(fields: HashedFields): string {
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

/**
 * The timestamp as it is hashed: millisecond JS time written with microseconds, which is what
 * `to_char(at AT TIME ZONE 'UTC', ...US...)` reads back from a timestamptz on both databases.
 */
export function formatAt(at: Date): string {
  return at.toISOString().replace(/Z$/, '000Z');
}

/** The SQL expression that reads `at` back in the form `formatAt` wrote. */
export const AT_TEXT_SQL = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// Lone surrogates and NUL cannot be stored in PostgreSQL text or jsonb; untrusted text (a post,
// a user agent) may hold them, so they become U+FFFD before the row is hashed and written.
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /[\u0000]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(s: string): string {
  return s.replace(UNSTORABLE, '\uFFFD');
}

/**
 * Details as they will read back from jsonb: a JSON round trip (drops undefined and functions,
 * turns Dates into strings, non-finite numbers into null) with unstorable characters replaced in
 * keys and strings.
 */
export function storableDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!details) return {};
  const parsed: unknown = JSON.parse(JSON.stringify(details) ?? 'null');
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return clean(parsed) as Record<string, unknown>;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[storableText(k)] = clean(v);
    return out;
  }
  return value;
}
