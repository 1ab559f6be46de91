import type { QueryNode, WordPattern } from './ast.js';
import type { MentionFeatures } from './features.js';
import { parseQuery } from './parser.js';

/** A parsed query ready to test mentions, and the keys of which a mention must hold one to match. */
export interface CompiledQuery {
  source: string;
  ast: QueryNode;
  /**
   * One of these keys (words; `#` + hashtag keys; `@` + handles) occurs in every mention the query
   * matches; null when no such set exists (a query of wildcards only). A watch index uses it to
   * skip watches that cannot match.
   */
  anchors: string[] | null;
  matches(f: MentionFeatures): boolean;
}

/** Parses and compiles a query; throws `QuerySyntaxError` with the position of the first error. */
export function compileQuery(source: string): CompiledQuery {
  const ast = parseQuery(source);
  const anchors = anchorsOf(ast);
  return { source, ast, anchors: anchors ? [...anchors] : null, matches: (f) => test(ast, f) };
}

type Span = readonly [start: number, end: number];
// A NEAR between two very common words in a long text: enough pairs to decide, not all of them.
const MAX_SPANS = 2000;

function test(node: QueryNode, f: MentionFeatures): boolean {
  switch (node.type) {
    case 'term':
      return node.word.prefix ? anyPosition(f, node.word) : f.index.has(node.word.key);
    case 'phrase':
    case 'near':
      return spans(node, f).length > 0;
    case 'hashtag':
      return tagPositions(f, node.tag).length > 0;
    case 'handle':
      if (!node.prefix) return f.handles.has(node.handle);
      for (const h of f.handles) if (h.startsWith(node.handle)) return true;
      return false;
    case 'field':
      switch (node.field) {
        case 'lang':
          return f.lang !== null && node.values.includes(f.lang);
        case 'platform':
          return node.values.includes(f.platform);
        case 'unit':
          return node.values.some((u) => f.units.has(u));
      }
      return false;
    case 'and':
      return node.children.every((c) => test(c, f));
    case 'or':
      return node.children.some((c) => test(c, f));
    case 'not':
      return !test(node.child, f);
  }
}

function wordAt(f: MentionFeatures, pos: number, w: WordPattern): boolean {
  const keys = f.keysAt[pos];
  if (!keys) return false;
  if (!w.prefix) return keys.includes(w.key);
  if (w.key !== '' && keys.some((k) => k.startsWith(w.key))) return true;
  return f.rawAt[pos]!.some((r) => r.startsWith(w.raw));
}

function anyPosition(f: MentionFeatures, w: WordPattern): boolean {
  for (let p = 0; p < f.keysAt.length; p++) if (wordAt(f, p, w)) return true;
  return false;
}

function wordPositions(f: MentionFeatures, w: WordPattern): number[] {
  if (!w.prefix) return f.index.get(w.key) ?? [];
  const out: number[] = [];
  for (let p = 0; p < f.keysAt.length; p++) if (wordAt(f, p, w)) out.push(p);
  return out;
}

function tagPositions(f: MentionFeatures, tag: WordPattern): number[] {
  if (!tag.prefix) return f.tags.get(tag.key) ?? [];
  const out: number[] = [];
  for (const t of f.tagList) if ((tag.key !== '' && t.key.startsWith(tag.key)) || t.raw.startsWith(tag.raw)) out.push(t.pos);
  return out;
}

/** Where a positional node occurs, as [first, last] word positions. */
function spans(node: QueryNode, f: MentionFeatures): Span[] {
  switch (node.type) {
    case 'term':
      return wordPositions(f, node.word).map((p) => [p, p] as const);
    case 'hashtag':
      return tagPositions(f, node.tag).map((p) => [p, p] as const);
    case 'phrase': {
      const [first, ...rest] = node.words;
      const out: Span[] = [];
      for (const p of wordPositions(f, first!)) {
        if (rest.every((w, i) => wordAt(f, p + 1 + i, w))) out.push([p, p + rest.length]);
      }
      return out;
    }
    case 'or':
      return node.children.flatMap((c) => spans(c, f));
    case 'near': {
      const left = spans(node.left, f);
      if (left.length === 0) return [];
      const right = spans(node.right, f);
      const out: Span[] = [];
      for (const a of left) {
        for (const b of right) {
          const gap = Math.max(0, b[0] - a[1], a[0] - b[1]);
          // Two different occurrences within n words (a word is not near itself).
          if (gap <= node.distance && !(a[0] === b[0] && a[1] === b[1])) {
            out.push([Math.min(a[0], b[0]), Math.max(a[1], b[1])]);
            if (out.length >= MAX_SPANS) return out;
          }
        }
      }
      return out;
    }
    default:
      return [];
  }
}

/** Anchors of one word: its key, or for `dang*` the short prefixes of its key and spelling. */
function wordAnchors(w: WordPattern, tag = ''): Set<string> {
  if (!w.prefix) return new Set([`${tag}${w.key}`]);
  const out = new Set<string>();
  // A wildcard matches by key prefix or by spelling prefix: either short prefix may be the one present.
  if (w.key.length >= 2) out.add(`${tag}~${w.key.slice(0, 2)}`);
  out.add(`${tag}^${w.raw.slice(0, 3)}`);
  return out;
}

function anchorsOf(node: QueryNode): Set<string> | null {
  switch (node.type) {
    case 'term':
      return wordAnchors(node.word);
    case 'phrase':
      return smallest(node.words.map((w) => wordAnchors(w)));
    case 'hashtag':
      return wordAnchors(node.tag, '#');
    case 'handle':
      return new Set([node.prefix ? `@^${node.handle.slice(0, 3)}` : `@${node.handle}`]);
    case 'field':
    case 'not':
      return null;
    case 'and':
      return smallest(node.children.map(anchorsOf));
    case 'near':
      return smallest([anchorsOf(node.left), anchorsOf(node.right)]);
    case 'or': {
      const all = new Set<string>();
      for (const c of node.children) {
        const a = anchorsOf(c);
        if (!a) return null;
        for (const k of a) all.add(k);
      }
      return all;
    }
  }
}

function smallest(sets: (Set<string> | null)[]): Set<string> | null {
  let best: Set<string> | null = null;
  for (const s of sets) if (s && (!best || s.size < best.size)) best = s;
  return best;
}
