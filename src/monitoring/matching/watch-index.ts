import { compileQuery, type CompiledQuery } from '../query/compile.js';
import { anchorKeys, mentionFeatures, offeredByWords, type MatchableMention, type MentionFeatures } from '../query/features.js';

/** A stored watch as matching reads it (and as the enrichment threads are sent it). */
export interface WatchSource {
  id: string;
  query: string;
  unitIds: string[];
  expiresAt: Date;
  /** The stored watch's version: an edit makes a new one. */
  version: number;
}

export interface IndexedWatch {
  id: string;
  unitIds: string[];
  expiresAt: Date;
  query: CompiledQuery;
}

/**
 * The active watches, compiled once and indexed by their anchor keys: a mention is tested only
 * against the watches one of whose anchors it contains (wildcards are filed under short prefixes),
 * plus any without anchors. With hundreds of watches most are never looked at for a given mention.
 */
let built = 0;

export class WatchIndex {
  /** This index among those the process built: the enrichment threads rebuild theirs when it changes. */
  readonly stamp = ++built;
  private readonly byAnchor = new Map<string, IndexedWatch[]>();
  private readonly unanchored: IndexedWatch[] = [];
  /** Some watch is filed under a wildcard's prefix, so mentions must offer their prefixes too. */
  private readonly prefixes: boolean;
  /** Every watch has anchors and none is a handle: a mention whose words offer none matches nothing. */
  private readonly byWords: boolean;
  readonly size: number;
  private readonly order = new Map<IndexedWatch, number>();

  constructor(
    readonly watches: readonly IndexedWatch[],
    /** What the index was built from (`build`); empty for one made of compiled watches. */
    readonly sources: readonly WatchSource[] = [],
  ) {
    for (const w of watches) {
      this.order.set(w, this.order.size);
      if (!w.query.anchors) {
        this.unanchored.push(w);
        continue;
      }
      for (const a of w.query.anchors) {
        const list = this.byAnchor.get(a);
        if (list) list.push(w);
        else this.byAnchor.set(a, [w]);
      }
    }
    this.size = watches.length;
    this.prefixes = [...this.byAnchor.keys()].some((k) => /^[#@]?[~^]/.test(k));
    this.byWords = this.unanchored.length === 0 && ![...this.byAnchor.keys()].some((k) => k.startsWith('@'));
  }

  /** Compiles stored watches; a query that no longer compiles is reported and left out. */
  static build(rows: readonly WatchSource[], onError: (id: string, err: unknown) => void = () => undefined): WatchIndex {
    const watches: IndexedWatch[] = [];
    for (const r of rows) {
      try {
        watches.push({ id: r.id, unitIds: r.unitIds, expiresAt: r.expiresAt, query: compileQuery(r.query) });
      } catch (err) {
        onError(r.id, err);
      }
    }
    return new WatchIndex(watches, rows);
  }

  /** The index was built from these same watches (ids, versions and expiry): no need to build another. */
  builtFrom(rows: readonly WatchSource[]): boolean {
    const mine = this.sources;
    if (mine.length !== rows.length) return false;
    for (let i = 0; i < rows.length; i++) {
      const a = mine[i]!;
      const b = rows[i]!;
      if (a.id !== b.id || a.version !== b.version || a.expiresAt.getTime() !== b.expiresAt.getTime()) return false;
    }
    return true;
  }

  /**
   * The watches a mention matches at `now`. Its features are worked out only when its words offer
   * an anchor of some watch (most mentions of a stream offer none).
   */
  matchMention(m: MatchableMention, now: number = Date.now()): IndexedWatch[] {
    if (this.size === 0) return [];
    if (this.byWords) {
      const offered = offeredByWords(m.text, this.byAnchor);
      if (offered !== null) return offered.length === 0 ? [] : this.test(offered, mentionFeatures(m), now);
    }
    return this.match(mentionFeatures(m), now);
  }

  /** The watches that match, among those not expired at `now`. */
  match(f: MentionFeatures, now: number = Date.now()): IndexedWatch[] {
    if (this.size === 0) return [];
    const candidates = new Set<IndexedWatch>(this.unanchored);
    for (const k of anchorKeys(f, this.prefixes)) {
      const list = this.byAnchor.get(k);
      if (list) for (const w of list) candidates.add(w);
    }
    return this.test(candidates, f, now);
  }

  /** The candidates that match, in the index's order of watches. */
  private test(candidates: Iterable<IndexedWatch>, f: MentionFeatures, now: number): IndexedWatch[] {
    const out: IndexedWatch[] = [];
    for (const w of candidates) if (w.expiresAt.getTime() > now && w.query.matches(f)) out.push(w);
    if (out.length > 1) out.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    return out;
  }
}
