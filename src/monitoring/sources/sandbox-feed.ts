import type { IncomingMention } from '../mentions/incoming.js';
import { getWithTimeout, SourceFetchError, type Poller, type PollDeps } from './poller.js';

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

/** A comment as the Sandbox's public comments feed returns it. */
interface FeedComment {
  id: string;
  post: { id: string; url: string; account: string };
  account: { handle: string; displayName: string };
  text: string;
  createdAt: string;
}

export const SANDBOX_PAGE = 500;

/** A comment as a mention: a reply to its post (whose mention has the post's id). */
export function sandboxCommentToMention(c: FeedComment, sourceId: string, unitIds: string[]): IncomingMention {
  return {
    platform: 'sandbox',
    // Posts and comments are numbered apart on the Sandbox.
    externalId: `comment-${c.id}`,
    url: `${c.post.url}#comment-${c.id}`,
    authorHandle: c.account.handle,
    authorName: c.account.displayName,
    authorId: c.account.handle,
    text: c.text,
    createdAt: c.createdAt,
    replyTo: String(c.post.id),
    raw: c,
    sourceId,
    unitIds,
    receivedAt: new Date().toISOString(),
  };
}

/**
 * Where a Sandbox source has read to: the last post and the last comment. A cursor of one id
 * (written before comments were read) is the posts'; the comments then start from the first.
 */
interface SandboxCursor {
  posts: string | null;
  comments: string | null;
}

function readCursor(cursor: string | null): SandboxCursor {
  if (!cursor) return { posts: null, comments: null };
  if (/^\d{1,18}$/.test(cursor)) return { posts: cursor, comments: null };
  try {
    const v = JSON.parse(cursor) as Record<string, unknown>;
    return { posts: typeof v.posts === 'string' ? v.posts : null, comments: typeof v.comments === 'string' ? v.comments : null };
  } catch {
    return { posts: null, comments: null };
  }
}

/** One page of a Sandbox list after `cursor`: the list under `field` and the next cursor. */
async function page(base: string, path: string, field: string, cursor: string | null, deps: PollDeps): Promise<{ list: unknown[]; cursor: string | null }> {
  const url = new URL(path, base);
  url.searchParams.set('limit', String(SANDBOX_PAGE));
  if (cursor) url.searchParams.set('cursor', cursor);
  const res = await getWithTimeout(deps, url.toString(), { accept: 'application/json' });
  const body = (await res.json()) as Record<string, unknown>;
  const list = body[field];
  if (!Array.isArray(list)) throw new SourceFetchError(`the Sandbox answered ${path} without a ${field} list`);
  return { list, cursor: typeof body.cursor === 'string' ? body.cursor : cursor };
}

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

/**
 * The Sandbox platform's public feed (`GET /sandbox/v1/feed`) and its comments
 * (`GET /sandbox/v1/comments`: every comment, the replies to the force's own posts among them),
 * each oldest first after its own cursor.
 */
export const sandboxFeedPoller: Poller = {
  kind: 'sandbox',
  async poll(source, cursor, deps) {
    const base = typeof source.config.url === 'string' && source.config.url ? source.config.url : deps.sandboxUrl;
    const prior = readCursor(cursor);
    const posts = await page(base, '/sandbox/v1/feed', 'posts', prior.posts, deps);
    const comments = await page(base, '/sandbox/v1/comments', 'comments', prior.comments, deps);
    return {
      items: [
        ...(posts.list as FeedPost[]).map((p) => sandboxPostToMention(p, source.id, source.unitIds)),
        ...(comments.list as FeedComment[]).map((c) => sandboxCommentToMention(c, source.id, source.unitIds)),
      ],
      cursor: JSON.stringify({ posts: posts.cursor, comments: comments.cursor }),
      more: posts.list.length === SANDBOX_PAGE || comments.list.length === SANDBOX_PAGE,
    };
  },
};
