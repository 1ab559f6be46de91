import { createHash } from 'node:crypto';
import type { IncomingMention } from '../mentions/incoming.js';
import { parseFeed, type FeedEntry } from './feed-xml.js';
import { getWithTimeout, SourceFetchError, type Poller } from './poller.js';

const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** The cursor of a feed: its validators, so an unchanged feed answers 304 and costs nothing. */
interface FeedCursor {
  etag?: string;
  modified?: string;
}

// An id that names the item wherever it is read: an address, a `tag:` or a `urn:`.
const GLOBAL_ID = /^(?:https?:\/\/|tag:|urn:)/i;

/**
 * The item's id across every feed (mentions are unique on platform and id, and every feed is
 * platform `rss`): its guid or Atom id when that is an address, `tag:` or `urn:`; any other guid
 * (RSS 2.0 asks a guid to be unique only within its feed: "1", "n-1") followed by `@` and the
 * first 16 hex digits of the SHA-256 of the feed's address, so that item "1" of one feed is not
 * taken for an edit of item "1" of another; without one, its link; without that, a hash of the
 * feed, title and date.
 */
function entryId(feedUrl: string, e: FeedEntry): string {
  if (e.id) return GLOBAL_ID.test(e.id) ? e.id.slice(0, 500) : `${e.id.slice(0, 480)}@${createHash('sha256').update(feedUrl).digest('hex').slice(0, 16)}`;
  if (e.link) return e.link.slice(0, 500);
  return createHash('sha256').update(`${feedUrl}\u0000${e.title}\u0000${e.published ?? ''}`).digest('hex');
}

function time(published: string | null, fallback: string): string {
  const t = published ? Date.parse(published) : NaN;
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

export function feedEntryToMention(feedUrl: string, e: FeedEntry, sourceId: string, unitIds: string[], now: string): IncomingMention {
  return {
    platform: 'rss',
    externalId: entryId(feedUrl, e),
    url: e.link,
    authorHandle: e.author,
    authorName: e.author,
    text: [e.title, e.summary].filter(Boolean).join('\n'),
    createdAt: time(e.published, now),
    raw: { feed: feedUrl, ...e },
    sourceId,
    unitIds,
    receivedAt: now,
  };
}

function readCursor(cursor: string | null): FeedCursor {
  try {
    return cursor ? (JSON.parse(cursor) as FeedCursor) : {};
  } catch {
    return {};
  }
}

/** An RSS 2.0 or Atom feed (`config.url`), fetched with its ETag / Last-Modified as the cursor. */
export const rssPoller: Poller = {
  kind: 'rss',
  async poll(source, cursor, deps) {
    const url = source.config.url;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new SourceFetchError('the feed source has no http(s) url');
    const prior = readCursor(cursor);
    const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml' };
    if (prior.etag) headers['if-none-match'] = prior.etag;
    if (prior.modified) headers['if-modified-since'] = prior.modified;
    const res = await getWithTimeout(deps, url, headers);
    if (res.status === 304) return { items: [], cursor, more: false };
    const body = await res.text();
    if (body.length > MAX_FEED_BYTES) throw new SourceFetchError(`the feed is larger than ${MAX_FEED_BYTES} bytes`);
    const now = new Date().toISOString();
    const items = parseFeed(body).map((e) => feedEntryToMention(url, e, source.id, source.unitIds, now));
    const next: FeedCursor = {};
    const etag = res.headers.get('etag');
    const modified = res.headers.get('last-modified');
    if (etag) next.etag = etag;
    if (modified) next.modified = modified;
    return { items, cursor: JSON.stringify(next), more: false };
  },
};
