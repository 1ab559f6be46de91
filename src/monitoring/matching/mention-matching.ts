import type { Database, Queryable } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import type { MentionMatcher } from '../mentions/ingest.js';
import { mentionFeatures, type MatchableMention } from '../query/features.js';
import type { Pseudonymiser } from '../retention/pseudonymiser.js';
import { activeWatches } from '../watches/watch-repository.js';
import { addUnits, insertMatches, loadMentions, stillActive } from './match-repository.js';
import { WatchIndex, type IndexedWatch } from './watch-index.js';

export interface WatchMatch {
  watchId: string;
  mentionId: string;
}

/**
 * Alert evaluation after matching, in the same transaction. The cases capability supplies the
 * real one (rules, spikes); until then the hook does nothing, but it is called for every batch.
 */
export interface AlertHook {
  onMatched(q: Queryable, matches: readonly WatchMatch[]): Promise<void>;
}

export const noAlerts: AlertHook = { onMatched: async () => undefined };

// Other processes' watch changes reach this one within this time (its own changes at once).
const RELOAD_MS = 10_000;

/**
 * The step the pipeline runs after a batch of mentions is written (`matchAndAlert`): which active
 * watches match each mention, recorded in watch_matches; the watches' units added to the
 * mentions' units (so the watches' users see them); authors pseudonymised where the unit asks;
 * then the alert hook.
 */
export class MentionMatching implements MentionMatcher {
  private index: { at: number; value: WatchIndex } | null = null;
  private loading: Promise<WatchIndex> | null = null;
  private alerts: AlertHook = noAlerts;

  constructor(
    private readonly db: Database,
    private readonly pseudonymiser: Pseudonymiser,
    private readonly logger?: Logger,
  ) {}

  /** Watches changed: reload before the next batch. */
  invalidate(): void {
    this.index = null;
  }

  setAlertHook(hook: AlertHook): void {
    this.alerts = hook;
  }

  async watches(q: Queryable = this.db): Promise<WatchIndex> {
    if (this.index && Date.now() - this.index.at < RELOAD_MS) return this.index.value;
    // One load at a time; a batch inside a transaction reads through that transaction.
    this.loading ??= (async () => {
      const rows = await activeWatches(q);
      return WatchIndex.build(rows, (id, err) => this.logger?.error({ err, watchId: id }, 'a stored watch query does not compile; the watch is skipped'));
    })().finally(() => {
      this.loading = null;
    });
    const value = await this.loading;
    this.index = { at: Date.now(), value };
    return value;
  }

  /** The ids of the active watches a mention matches (no writes). */
  async matchMention(mention: MatchableMention): Promise<string[]> {
    const index = await this.watches();
    return index.match(mentionFeatures(mention)).map((w) => w.id);
  }

  /** Matches stored mentions by id and records the matches; pass the ingest transaction. */
  async matchAndAlert(tx: Queryable | undefined, mentionIds: string[]): Promise<{ matches: WatchMatch[] }> {
    if (mentionIds.length === 0) return { matches: [] };
    if (!tx) return this.db.transaction((t) => this.matchAndAlert(t, mentionIds));
    const index = await this.watches(tx);
    const found: { mention: { id: string; unitIds: string[] }; watches: IndexedWatch[] }[] = [];
    if (index.size > 0) {
      const now = Date.now();
      for (const m of await loadMentions(tx, mentionIds)) {
        const matched = index.match(mentionFeatures(m), now);
        if (matched.length) found.push({ mention: m, watches: matched });
      }
    }
    const active = await stillActive(tx, [...new Set(found.flatMap((f) => f.watches.map((w) => w.id)))]);
    const pairs: WatchMatch[] = [];
    const units: { mentionId: string; unitIds: string[] }[] = [];
    for (const { mention, watches } of found) {
      const add = new Set<string>();
      for (const w of watches) {
        if (!active.has(w.id)) continue;
        pairs.push({ watchId: w.id, mentionId: mention.id });
        for (const u of w.unitIds) if (!mention.unitIds.includes(u)) add.add(u);
      }
      if (add.size) units.push({ mentionId: mention.id, unitIds: [...add] });
    }
    const fresh = await insertMatches(tx, pairs);
    await addUnits(tx, units);
    // After the units are final: a watch's unit may be one that pseudonymises.
    await this.pseudonymiser.run(tx, mentionIds);
    await this.alerts.onMatched(tx, fresh);
    return { matches: fresh };
  }
}
