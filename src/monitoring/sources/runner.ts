import type { Database } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { SourceFetchError, type Poller, type PollDeps } from './poller.js';
import { rssPoller } from './rss.js';
import { sandboxFeedPoller } from './sandbox-feed.js';
import { getCursor, listPolledSources, markRun, recordFailure, recordSuccess, saveCursor, type SourceRow } from './source-repository.js';
import { retryDelaySeconds } from './source-rules.js';

/** Every pulled source kind. Pushed kinds (webhook, import) have no poller. */
export const POLLERS: ReadonlyMap<string, Poller> = new Map([sandboxFeedPoller, rssPoller].map((p) => [p.kind, p]));

/** Pages one run of a source takes at most before yielding to the others. */
const MAX_PAGES_PER_RUN = 20;

export interface SourceRunnerDeps {
  db: Database;
  logger: Logger;
  publish(items: readonly IncomingMention[]): Promise<void>;
  poll: PollDeps;
}

/**
 * Polls each enabled pulled source on its schedule: fetch the page after the stored cursor,
 * publish it (which resolves once the items are safe), then store the new cursor and health.
 * A crash between publish and cursor only means the page is fetched again, and the unique key
 * makes that a no-op. One process runs the runner (the scheduler role, or `all`).
 */
export class SourceRunner {
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Map<string, Promise<unknown>>();
  private ticking: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: SourceRunnerDeps,
    private readonly tickMs = 1000,
  ) {}

  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.ticking = this.tick()
        .catch((err: unknown) => this.deps.logger.error({ err }, 'sources: tick failed'))
        .finally(() => {
          this.ticking = null;
          if (!this.stopped) this.timer = setTimeout(loop, this.tickMs);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  async tick(): Promise<void> {
    const sources = await listPolledSources(this.deps.db);
    const now = Date.now();
    for (const s of sources) {
      if (this.running.has(s.id)) continue;
      // A failing source waits until its retry time (backoff, or what its server asked for); one
      // edited or switched on since it last ran goes at once.
      const due = s.lastRunAt === null || s.changed || (s.retryAt !== null ? now >= s.retryAt.getTime() : now - s.lastRunAt.getTime() >= (s.pollSeconds ?? 60) * 1000);
      if (!due) continue;
      const run = this.runSource(s).finally(() => this.running.delete(s.id));
      this.running.set(s.id, run);
    }
  }

  /**
   * One run of a source: pages until it is caught up (or MAX_PAGES_PER_RUN). Never throws. A
   * failure is recorded with when to try again: `retryDelaySeconds` of the failures in a row
   * (`consecutiveFailures` before this run) and the source's `Retry-After`.
   */
  async runSource(source: SourceRow & { consecutiveFailures?: number }): Promise<{ items: number; error: string | null; retryAt?: Date }> {
    const poller = POLLERS.get(source.kind);
    if (!poller) return { items: 0, error: null };
    let items = 0;
    let lastItemAt: string | null = null;
    try {
      await markRun(this.deps.db, source.id);
      for (let page = 0; page < MAX_PAGES_PER_RUN && !this.stopped; page++) {
        const cursor = await getCursor(this.deps.db, source.id);
        const result = await poller.poll(source, cursor, this.deps.poll);
        await this.deps.publish(result.items);
        if (result.cursor !== null && result.cursor !== cursor) await saveCursor(this.deps.db, source.id, result.cursor);
        items += result.items.length;
        for (const it of result.items) if (lastItemAt === null || it.createdAt > lastItemAt) lastItemAt = it.createdAt;
        if (!result.more) break;
      }
      await recordSuccess(this.deps.db, source.id, items, lastItemAt);
      return { items, error: null };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const delay = retryDelaySeconds(source.pollSeconds ?? 60, (source.consecutiveFailures ?? 0) + 1, err instanceof SourceFetchError ? err.retryAfterSeconds : null);
      const retryAt = new Date(Date.now() + delay * 1000);
      this.deps.logger.warn({ err, source: source.id, kind: source.kind, retryAt }, 'sources: poll failed');
      await recordFailure(this.deps.db, source.id, message, retryAt).catch((e: unknown) => this.deps.logger.error({ err: e }, 'sources: could not record the failure'));
      return { items, error: message, retryAt };
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    await Promise.all(this.running.values());
  }
}
