import { createHash, randomBytes } from 'node:crypto';
import { Coalescer } from '../../../db/coalesce.js';
import type { Database, Queryable } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { codePointLength } from '../../text-length.js';
import { sandboxLimits } from '../limits.js';
import * as repo from './sandbox-repository.js';
import type { NewSandboxPost, SandboxCommentRow, SandboxFault, SandboxFaultMode, SandboxOperation, SandboxPostRow } from './sandbox-repository.js';

export type { SandboxFault, SandboxFaultMode, SandboxOperation } from './sandbox-repository.js';

/** A post as the Sandbox API shows it. */
export interface SandboxPostView {
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

/** The id a list starts after: the cursor when it is one (a row id), else the start. */
function afterId(cursor: string | null): string {
  return cursor && /^\d{1,18}$/.test(cursor) ? cursor : '0';
}

/** A comment as the public comments feed shows it: the post it answers, who wrote it, what it says. */
export interface SandboxFeedCommentView {
  id: string;
  post: { id: string; url: string; account: string };
  account: { handle: string; displayName: string };
  text: string;
  createdAt: string;
}

/** The Sandbox refused the content, as a platform answers 422. */
export class SandboxRejection extends Error {
  override name = 'SandboxRejection';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const SANDBOX_HANDLE_PATTERN = '^[a-z0-9_]{3,40}$';
const HANDLE = new RegExp(SANDBOX_HANDLE_PATTERN);

const TOKEN_CACHE_MS = 3_000;
const TOKEN_CACHE_MAX = 10_000;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface CreatePostInput {
  text: string;
  link?: string | null;
  title?: string | null;
  media?: { sha256: string; mime: string; bytes: number; alt?: string }[];
}

/** The post to insert, after the Sandbox's content rules (a `SandboxRejection` otherwise). */
function newPost(handle: string, input: CreatePostInput, idempotencyKey: string | null): NewSandboxPost {
  const length = codePointLength(input.text);
  if (length > sandboxLimits.maxText) throw new SandboxRejection('too_long', `text is ${length} characters; the Sandbox allows ${sandboxLimits.maxText}`);
  const media = input.media ?? [];
  if (media.length > sandboxLimits.maxMedia) throw new SandboxRejection('too_many_media', `at most ${sandboxLimits.maxMedia} media items`);
  if (!input.text.trim() && media.length === 0) throw new SandboxRejection('empty', 'a post needs text or media');
  return {
    handle,
    text: input.text,
    link: input.link ?? null,
    title: input.title ?? null,
    media: media.map((m) => ({ sha256: m.sha256, mime: m.mime, bytes: m.bytes, alt: m.alt ?? '' })),
    idempotencyKey,
  };
}

/**
 * The Sandbox platform: a small simulated social network with accounts, posts, comments, likes,
 * a public feed and fault injection, stored in the `sandbox_*` tables. It stands outside Chhavi's
 * publishing: Chhavi reaches it only through its HTTP API, like any platform.
 */
export class SandboxNetwork {
  /**
   * Token hash → handle for tokens seen lately, so that a publish does not look its token up
   * every call. An entry lives TOKEN_CACHE_MS at most, so a token revoked in the database (by any
   * process) stops working within that time: bounded staleness is acceptable for this simulated
   * network only, never for Chhavi's own sign-in. Unknown tokens are not cached.
   */
  private readonly tokens = new Map<string, { handle: string; until: number }>();

  /**
   * Publish calls that arrive while one is being stored go in together, as one statement and
   * one commit (a platform under load batches its writes too); each call still gets its own answer.
   */
  private readonly publishes = new Coalescer<NewSandboxPost, { fault: SandboxFault | null; post: SandboxPostRow | null }>(async (posts) => {
    const taken = await repo.takeFaultsOrInsertSandboxPosts(this.db, posts);
    return new Map(posts.map((p, i) => [p, taken[i]!]));
  });

  /** Token lookups that arrive together (every account's first call after a start) are one statement. */
  private readonly tokenLookups = new Coalescer<string, string>((hashes) => repo.findHandlesByTokenHashes(this.db, hashes));

  constructor(
    private readonly db: Database,
    /** Base URL of the Sandbox API, for post links. */
    private readonly baseUrl: () => string,
  ) {}

  /** Opens an account on the simulated network and returns its bearer token (shown once). */
  async registerAccount(q: Queryable, handle: string, displayName: string): Promise<{ handle: string; token: string }> {
    if (!HANDLE.test(handle)) throw new AppError('validation_failed', 'a Sandbox handle is 3 to 40 lowercase letters, digits or _', { field: 'handle' });
    if (await repo.sandboxAccountExists(q, handle)) throw new AppError('conflict', `the Sandbox handle ${handle} is taken`, { field: 'handle' });
    const token = `sbx_${randomBytes(24).toString('base64url')}`;
    await repo.insertSandboxAccount(q, handle, displayName, tokenHash(token));
    return { handle, token };
  }

  /** The handle a bearer token belongs to, or null. */
  async authenticate(token: string): Promise<string | null> {
    if (!token) return null;
    const hash = tokenHash(token);
    const now = Date.now();
    const cached = this.tokens.get(hash);
    if (cached && cached.until > now) return cached.handle;
    const handle = (await this.tokenLookups.request(hash)) ?? null;
    if (handle === null) {
      this.tokens.delete(hash);
      return null;
    }
    if (this.tokens.size >= TOKEN_CACHE_MAX) this.tokens.clear();
    this.tokens.set(hash, { handle, until: now + TOKEN_CACHE_MS });
    return handle;
  }

  /** The injected fault that answers this call instead, if any. */
  takeFault(handle: string, op: SandboxOperation): Promise<SandboxFault | null> {
    return repo.takeSandboxFault(this.db, handle, op);
  }

  async injectFault(handle: string, f: { mode: SandboxFaultMode; count: number; resetSeconds?: number; delayMs?: number; operations?: SandboxOperation[] | null }): Promise<void> {
    await repo.insertSandboxFault(this.db, { handle, mode: f.mode, count: f.count, resetSeconds: f.resetSeconds ?? 60, delayMs: f.delayMs ?? 0, operations: f.operations ?? null });
  }

  clearFaults(handle: string): Promise<number> {
    return repo.clearSandboxFaults(this.db, handle);
  }

  /**
   * Creates a post once per idempotency key: the same key from the same account answers the
   * first post again (`replay`), from another account it is refused.
   */
  async createPost(
    handle: string,
    input: CreatePostInput,
    idempotencyKey: string | null,
  ): Promise<{ post: SandboxPostView; replay: boolean }> {
    const post = newPost(handle, input, idempotencyKey);
    const id = await repo.insertSandboxPost(this.db, post);
    if (id !== null) return { post: this.view((await repo.findSandboxPost(this.db, id))!), replay: false };
    return this.replay(handle, idempotencyKey!);
  }

  /**
   * A publish call as the API answers it: the pending `publish` fault for the account if there is
   * one (nothing is posted; the caller applies the fault and then calls `createPost`, exactly as a
   * fault check followed by a publish), else the post, created once per key as `createPost` does.
   * The usual call — no fault, a new key — is one SQL statement, shared with the calls that
   * arrive at the same time.
   */
  async publish(
    handle: string,
    input: CreatePostInput,
    idempotencyKey: string | null,
  ): Promise<{ fault: SandboxFault; post?: undefined; replay?: undefined } | { fault: null; post: SandboxPostView; replay: boolean }> {
    let post;
    try {
      post = newPost(handle, input, idempotencyKey);
    } catch (err) {
      // The fault answers before the content is looked at, as it always has.
      const fault = await this.takeFault(handle, 'publish');
      if (fault) return { fault };
      throw err;
    }
    const taken = (await this.publishes.request(post))!;
    if (taken.fault) return { fault: taken.fault };
    if (taken.post) return { fault: null, post: this.view(taken.post), replay: false };
    return { fault: null, ...(await this.replay(handle, idempotencyKey!)) };
  }

  private async replay(handle: string, idempotencyKey: string): Promise<{ post: SandboxPostView; replay: true }> {
    const prior = await repo.findSandboxPostByKey(this.db, idempotencyKey);
    if (!prior) throw new Error('idempotency key conflicted but no post holds it');
    if (prior.accountHandle !== handle) throw new SandboxRejection('idempotency_key_reused', 'this idempotency key was used by another account');
    return { post: this.view(prior), replay: true };
  }

  /** The post an account published with this key (for recovery after a crash), or null. */
  async findByKey(handle: string, key: string): Promise<SandboxPostView | null> {
    const row = await repo.findSandboxPostByKey(this.db, key);
    return row && row.accountHandle === handle ? this.view(row) : null;
  }

  async getPost(id: string): Promise<SandboxPostView | null> {
    const row = await repo.findSandboxPost(this.db, id);
    return row ? this.view(row) : null;
  }

  /** Deletes one of the account's own posts; another account's post is not found. */
  async deletePost(handle: string, id: string): Promise<void> {
    const row = await repo.findSandboxPost(this.db, id);
    if (!row || row.accountHandle !== handle || row.deletedAt) throw new AppError('not_found', 'post not found');
    await repo.markSandboxPostDeleted(this.db, id);
  }

  async metrics(handle: string, id: string): Promise<SandboxPostView['metrics']> {
    const row = await repo.findSandboxPost(this.db, id);
    if (!row || row.accountHandle !== handle) throw new AppError('not_found', 'post not found');
    return this.view(row).metrics;
  }

  async comments(id: string, cursor: string | null, limit: number): Promise<{ comments: SandboxCommentRow[]; cursor: string | null }> {
    if (!(await repo.findSandboxPost(this.db, id))) throw new AppError('not_found', 'post not found');
    const after = afterId(cursor);
    const rows = await repo.listSandboxComments(this.db, id, after, limit);
    return { comments: rows, cursor: rows.length === limit ? rows[rows.length - 1]!.id : null };
  }

  async addComment(handle: string, id: string, text: string): Promise<SandboxCommentRow> {
    const row = await repo.findSandboxPost(this.db, id);
    if (!row || row.deletedAt) throw new AppError('not_found', 'post not found');
    return repo.insertSandboxComment(this.db, id, handle, text);
  }

  async like(handle: string, id: string): Promise<void> {
    const row = await repo.findSandboxPost(this.db, id);
    if (!row || row.deletedAt) throw new AppError('not_found', 'post not found');
    await repo.insertSandboxLike(this.db, id, handle);
  }

  /** Simulated audience reach: adds anonymous likes, shares and views to a post. */
  async addEngagement(id: string, e: { likes?: number; shares?: number; views?: number }): Promise<void> {
    const row = await repo.findSandboxPost(this.db, id);
    if (!row || row.deletedAt) throw new AppError('not_found', 'post not found');
    await repo.addSandboxEngagement(this.db, id, { likes: e.likes ?? 0, shares: e.shares ?? 0, views: e.views ?? 0 });
  }

  /** The public feed after a cursor, oldest first. */
  async feed(cursor: string | null, limit: number): Promise<{ posts: SandboxPostView[]; cursor: string | null }> {
    const after = afterId(cursor);
    const rows = await repo.sandboxFeed(this.db, after, limit);
    return { posts: rows.map((r) => this.view(r)), cursor: rows.length ? rows[rows.length - 1]!.id : cursor };
  }

  /** Every comment on a post still up, oldest first after the cursor: replies are public, as on the platforms it stands for. */
  async commentsFeed(cursor: string | null, limit: number): Promise<{ comments: SandboxFeedCommentView[]; cursor: string | null }> {
    const after = afterId(cursor);
    const rows = await repo.sandboxCommentsFeed(this.db, after, limit);
    return {
      comments: rows.map((r) => ({
        id: r.id,
        post: { id: r.postId, url: `${this.baseUrl()}/sandbox/v1/posts/${r.postId}`, account: r.postAuthor },
        account: { handle: r.author, displayName: r.authorName },
        text: r.text,
        createdAt: r.at,
      })),
      cursor: rows.length ? rows[rows.length - 1]!.id : cursor,
    };
  }

  private view(row: SandboxPostRow): SandboxPostView {
    return {
      id: row.id,
      url: `${this.baseUrl()}/sandbox/v1/posts/${row.id}`,
      account: { handle: row.accountHandle, displayName: row.displayName },
      text: row.text,
      link: row.link,
      title: row.title,
      media: row.media,
      createdAt: row.createdAt,
      deleted: row.deletedAt !== null,
      metrics: { likes: row.likes, shares: row.shares, comments: row.comments, views: row.views },
    };
  }
}
