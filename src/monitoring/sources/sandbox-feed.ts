import type { IncomingMention } from '../mentions/incoming.js';
import { getWithTimeout, SourceFetchError, type Poller } from './poller.js';

/** A Sandbox post as the public feed returns it (only the fields monitoring reads). */
interface FeedPost {
  id: string;
  url: string;
  account: { handle: string; displayName: string };
  text: string;
  link: string | null;
  title: string | null;
  media: { sha256: string; mime: string; bytes: number; alt: string }[];
  createdAt: string;
  deleted: boolean;
  metrics: { likes: number; shares: number; comments: number; views: number };
}

export const SANDBOX_PAGE = 500;

export function sandboxPostToMention(p: FeedPost, sourceId: string, unitIds: string[]): IncomingMention {
  return {
    platform: 'sandbox',
    externalId: String(p.id),
    url: p.url,
    authorHandle: p.account.handle,
    authorName: p.account.displayName,
    authorId: p.account.handle,
    text: p.title ? `${p.title}\n${p.text}` : p.text,
    createdAt: p.createdAt,
    media: p.media.map((m) => ({ type: m.mime, sha256: m.sha256, alt: m.alt })),
    engagement: { likes: p.metrics.likes, shares: p.metrics.shares, comments: p.metrics.comments, views: p.metrics.views },
    raw: p,
    deleted: p.deleted,
    sourceId,
    unitIds,
    receivedAt: new Date().toISOString(),
  };
}

/** The Sandbox platform's public feed (`GET /sandbox/v1/feed`), oldest first after the cursor. */
export const sandboxFeedPoller: Poller = {
  kind: 'sandbox',
  async poll(source, cursor, deps) {
    const base = typeof source.config.url === 'string' && source.config.url ? source.config.url : deps.sandboxUrl;
    const url = new URL('/sandbox/v1/feed', base);
    url.searchParams.set('limit', String(SANDBOX_PAGE));
    if (cursor) url.searchParams.set('cursor', cursor);
    const res = await getWithTimeout(deps, url.toString(), { accept: 'application/json' });
    const body = (await res.json()) as { posts?: unknown; cursor?: unknown };
    if (!Array.isArray(body.posts)) throw new SourceFetchError('the Sandbox feed answered without a posts list');
    const posts = body.posts as FeedPost[];
    return {
      items: posts.map((p) => sandboxPostToMention(p, source.id, source.unitIds)),
      cursor: typeof body.cursor === 'string' ? body.cursor : cursor,
      more: posts.length === SANDBOX_PAGE,
    };
  },
};
