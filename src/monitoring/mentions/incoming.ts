/**
 * The one shape every source hands to the pipeline: a mention as a platform published it, before
 * enrichment. Sources map their payloads to this; `checkIncoming` validates one item and says
 * which field is wrong, so an import can report bad rows by line and keep the good ones.
 */

export interface IncomingMedia {
  type: string;
  url?: string | null;
  sha256?: string | null;
  alt?: string | null;
}

export interface IncomingMention {
  /** Lowercase platform name (`sandbox`, `x`, `rss`, ...). */
  platform: string;
  /** The platform's id of the item; with the platform, the item's identity. */
  externalId: string;
  url?: string | null;
  authorHandle?: string | null;
  authorName?: string | null;
  authorId?: string | null;
  text: string;
  /** The language the platform reports, if any; detection decides when absent. */
  lang?: string | null;
  /** ISO 8601 time the platform gives for the item. */
  createdAt: string;
  replyTo?: string | null;
  quoteOf?: string | null;
  shareOf?: string | null;
  media?: IncomingMedia[];
  engagement?: Record<string, number>;
  /** The payload exactly as received, kept as evidence. */
  raw?: unknown;
  /** The platform reports the item deleted (a later version of an item already stored). */
  deleted?: boolean;
  /** Units the item concerns (from its source); the geotag adds its district. */
  unitIds?: string[];
  sourceId?: string | null;
  /** When the source received the item (ISO 8601); defaults to when the pipeline stored it. */
  receivedAt?: string;
}

export const MAX_TEXT_CHARS = 100_000;
const PLATFORM = /^[a-z][a-z0-9_]{0,31}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CheckResult = { ok: true; value: IncomingMention } | { ok: false; field: string; message: string };

function optionalString(v: unknown, field: string, max: number): string | null | undefined | { error: string } {
  if (v === undefined || v === null) return v;
  if (typeof v !== 'string') return { error: `${field} must be a string` };
  if (v.length > max) return { error: `${field} is longer than ${max} characters` };
  return v;
}

/** Validates an untrusted object as an incoming mention; strings are kept as given (never HTML-decoded). */
export function checkIncoming(input: unknown): CheckResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, field: '', message: 'not an object' };
  const o = input as Record<string, unknown>;
  const fail = (field: string, message: string): CheckResult => ({ ok: false, field, message });
  if (typeof o.platform !== 'string' || !PLATFORM.test(o.platform)) return fail('platform', 'platform must be lowercase letters, digits or _ (at most 32)');
  if (typeof o.externalId !== 'string' || o.externalId.length < 1 || o.externalId.length > 512) return fail('externalId', 'externalId must be 1 to 512 characters');
  if (typeof o.text !== 'string') return fail('text', 'text must be a string');
  if (o.text.length > MAX_TEXT_CHARS) return fail('text', `text is longer than ${MAX_TEXT_CHARS} characters`);
  if (typeof o.createdAt !== 'string' || Number.isNaN(Date.parse(o.createdAt))) return fail('createdAt', 'createdAt must be an ISO 8601 time');
  const out: IncomingMention = { platform: o.platform, externalId: o.externalId, text: o.text, createdAt: new Date(o.createdAt).toISOString() };
  const strings: [keyof IncomingMention, number][] = [
    ['url', 2048],
    ['authorHandle', 256],
    ['authorName', 512],
    ['authorId', 256],
    ['lang', 16],
    ['replyTo', 512],
    ['quoteOf', 512],
    ['shareOf', 512],
  ];
  for (const [key, max] of strings) {
    const v = optionalString(o[key], key, max);
    if (v !== null && typeof v === 'object') return fail(key, v.error);
    if (v !== undefined) (out as unknown as Record<string, unknown>)[key] = v;
  }
  if (o.media !== undefined) {
    if (!Array.isArray(o.media) || o.media.length > 50) return fail('media', 'media must be a list of at most 50 items');
    const media: IncomingMedia[] = [];
    for (const m of o.media as unknown[]) {
      if (typeof m !== 'object' || m === null) return fail('media', 'each media item must be an object');
      const r = m as Record<string, unknown>;
      if (typeof r.type !== 'string' || r.type.length > 64) return fail('media', 'each media item needs a type');
      const item: IncomingMedia = { type: r.type };
      for (const k of ['url', 'sha256', 'alt'] as const) {
        const v = optionalString(r[k], `media.${k}`, 2048);
        if (v !== null && typeof v === 'object') return fail('media', v.error);
        if (v !== undefined) item[k] = v;
      }
      media.push(item);
    }
    out.media = media;
  }
  if (o.engagement !== undefined) {
    if (typeof o.engagement !== 'object' || o.engagement === null || Array.isArray(o.engagement)) return fail('engagement', 'engagement must be an object of counts');
    const e: Record<string, number> = {};
    for (const [k, v] of Object.entries(o.engagement)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return fail('engagement', `engagement.${k} must be a count`);
      e[k] = v;
    }
    out.engagement = e;
  }
  if (o.deleted !== undefined) {
    if (typeof o.deleted !== 'boolean') return fail('deleted', 'deleted must be true or false');
    out.deleted = o.deleted;
  }
  if (o.unitIds !== undefined) {
    if (!Array.isArray(o.unitIds) || o.unitIds.some((u) => typeof u !== 'string' || u.length > 64)) return fail('unitIds', 'unitIds must be a list of unit ids');
    out.unitIds = o.unitIds as string[];
  }
  if (o.sourceId !== undefined && o.sourceId !== null) {
    if (typeof o.sourceId !== 'string' || !UUID.test(o.sourceId)) return fail('sourceId', 'sourceId must be a source id');
    out.sourceId = o.sourceId;
  }
  if (o.receivedAt !== undefined) {
    if (typeof o.receivedAt !== 'string' || Number.isNaN(Date.parse(o.receivedAt))) return fail('receivedAt', 'receivedAt must be an ISO 8601 time');
    out.receivedAt = o.receivedAt;
  }
  if (o.raw !== undefined) out.raw = o.raw;
  return { ok: true, value: out };
}
