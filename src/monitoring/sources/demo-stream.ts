import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../config/paths.js';
import type { Logger } from '../../log/logger.js';
import type { SandboxNetwork } from '../../platforms/sandbox/network/sandbox-network.js';

export const DEMO_FILE = join(packageRoot, 'seed', 'demo', 'mentions.jsonl');

export interface DemoPost {
  text: string;
  author: string;
}

/** The demo posts (invented for the project: Hindi, English and Hinglish about Delhi's districts). */
export function loadDemoPosts(file = DEMO_FILE): DemoPost[] {
  const out: DemoPost[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { text?: unknown; author?: unknown };
    if (typeof o.text === 'string' && typeof o.author === 'string') out.push({ text: o.text, author: o.author });
  }
  return out;
}

/** A Sandbox handle for a demo author (`arjun.writes` → `arjun_writes`). */
export function demoHandle(author: string): string {
  const h = author.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40);
  return h.length >= 3 ? h : `${h}___`.slice(0, 3);
}

/** Every third demo text goes as a reply to the force's latest Sandbox post, when it has one. */
const REPLY_EVERY = 3;

/**
 * The demo's public: posts the demo mentions to the Sandbox network one at a time at a gentle
 * rate, as the accounts of their invented authors, so the Sandbox feed source (and through it
 * the stream, watches and alerts) has something new to show; every third answers the force's
 * latest post on the Sandbox instead, as people reply to the police. Starts at a random point
 * and loops.
 */
export class DemoStream {
  private timer: NodeJS.Timeout | null = null;
  private readonly posts: DemoPost[];
  private next: number;
  private readonly registered = new Set<string>();
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly sandbox: SandboxNetwork,
    private readonly db: Parameters<SandboxNetwork['registerAccount']>[0],
    private readonly logger: Logger,
    private readonly intervalMs = 4000,
    posts?: DemoPost[],
  ) {
    this.posts = posts ?? loadDemoPosts();
    this.next = Math.floor(Math.random() * Math.max(1, this.posts.length));
  }

  start(): void {
    if (this.posts.length === 0) return;
    const loop = () => {
      this.inFlight = this.postOne()
        .catch((err: unknown) => this.logger.warn({ err }, 'demo stream: post failed'))
        .finally(() => {
          this.inFlight = null;
          if (this.timer !== null) this.timer = setTimeout(loop, this.intervalMs);
        });
    };
    this.timer = setTimeout(loop, 1000);
  }

  async postOne(): Promise<void> {
    const n = this.next++;
    const post = this.posts[n % this.posts.length]!;
    const handle = demoHandle(post.author);
    if (!this.registered.has(handle)) {
      await this.sandbox.registerAccount(this.db, handle, post.author).catch(() => undefined); // taken: registered on an earlier start
      this.registered.add(handle);
    }
    if (n % REPLY_EVERY === 0) {
      const target = await this.forceLatestPost();
      if (target !== null) {
        await this.sandbox.addComment(handle, target, post.text);
        return;
      }
    }
    await this.sandbox.createPost(handle, { text: post.text }, null);
  }

  /** The newest Sandbox post still up of an account the force has connected, or null. */
  private async forceLatestPost(): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>(
      `SELECT p.id::text AS id FROM sandbox_posts p
         JOIN social_accounts a ON a.platform = 'sandbox' AND lower(a.handle) = lower(p.account_handle)
        WHERE p.deleted_at IS NULL ORDER BY p.id DESC LIMIT 1`,
    );
    return row?.id ?? null;
  }

  async stop(): Promise<void> {
    const t = this.timer;
    this.timer = null;
    if (t) clearTimeout(t);
    await this.inFlight;
  }
}
