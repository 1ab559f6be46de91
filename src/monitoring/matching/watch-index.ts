import { compileQuery, type CompiledQuery } from '../query/compile.js';
import { anchorKeys, type MentionFeatures } from '../query/features.js';

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
export class WatchIndex {
  private readonly byAnchor = new Map<string, IndexedWatch[]>();
  private readonly unanchored: IndexedWatch[] = [];
  /** Some watch is filed under a wildcard's prefix, so mentions must offer their prefixes too. */
  private readonly prefixes: boolean;
  readonly size: number;

  constructor(readonly watches: readonly IndexedWatch[]) {
    for (const w of watches) {
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
  }

  /** Compiles stored watches; a query that no longer compiles is reported and left out. */
  static build(rows: readonly { id: string; query: string; unitIds: string[]; expiresAt: Date }[], onError: (id: string, err: unknown) => void = () => undefined): WatchIndex {
    const watches: IndexedWatch[] = [];
    for (const r of rows) {
      try {
        watches.push({ id: r.id, unitIds: r.unitIds, expiresAt: r.expiresAt, query: compileQuery(r.query) });
      } catch (err) {
        onError(r.id, err);
      }
    }
    return new WatchIndex(watches);
  }

  /** The watches that match, among those not expired at `now`. */
  match(f: MentionFeatures, now: number = Date.now()): IndexedWatch[] {
    if (this.size === 0) return [];
    const candidates = new Set<IndexedWatch>(this.unanchored);
    for (const k of anchorKeys(f, this.prefixes)) {
      const list = this.byAnchor.get(k);
      if (list) for (const w of list) candidates.add(w);
    }
    const out: IndexedWatch[] = [];
    for (const w of candidates) if (w.expiresAt.getTime() > now && w.query.matches(f)) out.push(w);
    return out;
  }
}
