import type { Database, Queryable } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import type { MentionMatcher, WrittenMentions } from '../mentions/ingest.js';
import type { MatchableMention } from '../query/features.js';
import type { Pseudonymiser } from '../retention/pseudonymiser.js';
import { activeWatches } from '../watches/watch-repository.js';
import { addUnits, insertMatches, loadMentions, setUnits, stillActive } from './match-repository.js';
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
 * Watch matching for the pipeline. A batch is matched against `activeWatches()` while it is prepared,
 * so a new mention is stored with its watches' units (so the watches' users see it); after the
 * write, in its transaction, `afterWrite` records the matches in watch_matches (of watches still
 * active then), matches edited mentions again (`matchAndAlert`), pseudonymises authors where the
 * unit asks, then calls the alert hook.
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

  async activeWatches(q: Queryable = this.db): Promise<WatchIndex> {
    if (this.index && Date.now() - this.index.at < RELOAD_MS) return this.index.value;
    // One load at a time; a batch inside a transaction reads through that transaction.
    const previous = this.index?.value ?? null;
    this.loading ??= (async () => {
      const rows = await activeWatches(q);
      // The same watches as before keep the same index (the enrichment threads keep their copy).
      if (previous?.builtFrom(rows)) return previous;
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
    const index = await this.activeWatches();
    return index.matchMention(mention).map((w) => w.id);
  }

  /**
   * After a write, in its transaction. The new mentions were matched when they were prepared and
   * stored with their watches' units; a watch that ended or was paused since (the index is up to
   * RELOAD_MS old) records no match, and the units it added are taken away again.
   */
  async afterWrite(tx: Queryable, written: WrittenMentions): Promise<{ matches: WatchMatch[] }> {
    const { matched } = written;
    const active = matched.length ? await stillActive(tx, watchIdsOf(matched)) : new Map<string, string[]>();
    const { pairs, corrected } = matchesStillActive(matched, active);
    const fresh = await insertMatches(tx, pairs);
    await setUnits(tx, corrected);
    // After the units are final: a watch's unit may be one that pseudonymises.
    await this.pseudonymiser.run(tx, written.stored);
    await this.alerts.onMatched(tx, fresh);
    const edits = written.edited.length ? (await this.matchAndAlert(tx, written.edited)).matches : [];
    return { matches: [...fresh, ...edits] };
  }

  /** Matches stored mentions by id and records the matches; pass the ingest transaction. */
  async matchAndAlert(tx: Queryable | undefined, mentionIds: string[]): Promise<{ matches: WatchMatch[] }> {
    if (mentionIds.length === 0) return { matches: [] };
    if (!tx) return this.db.transaction((t) => this.matchAndAlert(t, mentionIds));
    const index = await this.activeWatches(tx);
    const found: { mention: { id: string; unitIds: string[] }; watches: IndexedWatch[] }[] = [];
    if (index.size > 0) {
      const now = Date.now();
      for (const m of await loadMentions(tx, mentionIds)) {
        const matched = index.matchMention(m, now);
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

function watchIdsOf(matched: WrittenMentions['matched']): string[] {
  const ids = new Set<string>();
  for (const m of matched) for (const id of m.watchIds) ids.add(id);
  return [...ids];
}

/**
 * The matches of watches still active (`active`: id → units), and the units of the mentions that
 * matched a watch no longer active (its units taken away again). Apart from `afterWrite`, which
 * runs once a batch (see `assignClusters`).
 */
function matchesStillActive(matched: WrittenMentions['matched'], active: ReadonlyMap<string, string[]>): { pairs: WatchMatch[]; corrected: { mentionId: string; unitIds: string[] }[] } {
  const pairs: WatchMatch[] = [];
  const corrected: { mentionId: string; unitIds: string[] }[] = [];
  for (const m of matched) {
    let ended = false;
    for (const watchId of m.watchIds) {
      if (active.has(watchId)) pairs.push({ watchId, mentionId: m.mentionId });
      else ended = true;
    }
    if (!ended) continue;
    const units = new Set(m.unitIds);
    for (const watchId of m.watchIds) for (const u of active.get(watchId) ?? []) units.add(u);
    corrected.push({ mentionId: m.mentionId, unitIds: [...units].sort() });
  }
  return { pairs, corrected };
}
