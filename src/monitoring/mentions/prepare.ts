import { hash } from 'node:crypto';
import type { WatchIndex } from '../matching/watch-index.js';
import type { IncomingMention } from './incoming.js';
import type { MentionRow } from './mention-repository.js';
import type { Enricher } from './enricher.js';

/**
 * A string as it is stored: PostgreSQL text and jsonb cannot hold NUL, and U+001D and U+001E
 * separate the values of a column on the way to the database (`insert-columns.ts`). None of them
 * carries meaning in a post, so they are dropped (the raw payload keeps them, escaped in its JSON).
 */
export function storable(s: string): string {
  return s.includes('\u0000') || s.includes('\u001d') || s.includes('\u001e') ? s.replaceAll('\u0000', '').replaceAll('\u001d', '').replaceAll('\u001e', '') : s;
}

function json(value: unknown): string {
  const s = JSON.stringify(value ?? null);
  // `\u0000` escapes (not preceded by an escaping backslash) become nothing.
  return s.includes('\\u0000') ? s.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1') : s;
}

/** The item itself as its raw payload, when the source gave none. */
function withoutRaw(m: IncomingMention): Omit<IncomingMention, 'raw'> {
  const { raw: _raw, ...rest } = m;
  return rest;
}

/** Identity of an item's content: text, media and deletion. Engagement counts are not content. */
export function contentHash(text: string, media: unknown, deleted: boolean): string {
  return hash('sha256', JSON.stringify([text, media ?? [], deleted]), 'hex');
}

/**
 * Turns a validated incoming mention into a row: enrichment, units for scoping, hashes, and the
 * `watches` it matches (a deleted item matches none), so that it is stored with their units.
 */
export function prepareRow(m: IncomingMention, enrich: Enricher, now: string, watches?: WatchIndex | null): MentionRow {
  const text = storable(m.text);
  const e = enrich(text);
  const media = m.media ?? [];
  const deleted = m.deleted ?? false;
  const units = new Set(m.unitIds ?? []);
  if (e.geoDistrict) units.add(e.geoDistrict);
  const unitIds = [...units].sort();
  const authorHandle = m.authorHandle ? storable(m.authorHandle) : null;
  const watchIds: string[] = [];
  const watchUnits = new Set<string>();
  if (watches && watches.size > 0 && !deleted) {
    for (const w of watches.matchMention({ text, lang: e.lang, platform: m.platform, unitIds, authorHandle }, Date.parse(now))) {
      watchIds.push(w.id);
      for (const u of w.unitIds) if (!units.has(u)) watchUnits.add(u);
    }
  }
  return {
    platform: m.platform,
    externalId: storable(m.externalId),
    sourceId: m.sourceId ?? null,
    url: m.url ? storable(m.url) : null,
    authorHandle,
    authorName: m.authorName ? storable(m.authorName) : null,
    authorId: m.authorId ? storable(m.authorId) : null,
    text,
    normalized: e.normalized,
    lang: e.lang,
    replyTo: m.replyTo ? storable(m.replyTo) : null,
    quoteOf: m.quoteOf ? storable(m.quoteOf) : null,
    shareOf: m.shareOf ? storable(m.shareOf) : null,
    media: media.length === 0 ? '[]' : json(media),
    engagement: json(m.engagement ?? {}),
    raw: json(m.raw === undefined ? withoutRaw(m) : m.raw),
    contentHash: contentHash(text, media, deleted),
    deleted,
    scores: e.scores ? JSON.stringify(e.scores) : null,
    labels: e.labels,
    geoDistrict: e.geoDistrict,
    geoStation: e.geoStation,
    model: e.model,
    clusterKey: e.clusterKey,
    searchKeys: e.searchKeys,
    unitIds,
    watchIds,
    watchUnitIds: [...watchUnits].sort(),
    createdAt: m.createdAt,
    receivedAt: m.receivedAt ?? now,
  };
}
