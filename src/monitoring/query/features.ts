import { segmentHashtag } from '../../nlp/text/hashtag.js';
import { tokenize } from '../../nlp/text/tokenize.js';
import { wordKey } from './word-key.js';

/** What matching reads of a mention. */
export interface MatchableMention {
  text: string;
  lang?: string | null;
  platform: string;
  unitIds?: readonly string[] | null;
  authorHandle?: string | null;
}

/**
 * A mention's words as keys by position, computed once and then tested against every watch.
 * Words, numbers, hashtags and @handles each take one position (punctuation, links and emoji take
 * none), so NEAR/n counts words. A hashtag's position also holds the words it splits into
 * (#DelhiRiots: delhi, riots), so a plain word finds it.
 */
export interface MentionFeatures {
  /** Keys (`wordKey`) at each position. */
  keysAt: string[][];
  /** Lower-cased spellings at each position (for word-end wildcards). */
  rawAt: string[][];
  /** Word key → its positions, ascending. */
  index: Map<string, number[]>;
  /** Hashtag body key → positions. */
  tags: Map<string, number[]>;
  /** Every hashtag as written (lower case), its key and position, for `#tag*`. */
  tagList: { raw: string; key: string; pos: number }[];
  /** @handles in the text and the author's handle, lower case, without the @. */
  handles: Set<string>;
  lang: string | null;
  platform: string;
  units: Set<string>;
}

// Zero-width characters split words in the tokeniser; writers put them inside Devanagari words.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

// Spelling and key of a word as written: most words recur, so each is worked out once.
const words = new Map<string, { raw: string; key: string }>();
const WORDS_LIMIT = 200_000;

function word(text: string): { raw: string; key: string } {
  let w = words.get(text);
  if (!w) {
    w = { raw: text.normalize('NFC').toLowerCase(), key: wordKey(text) };
    if (words.size >= WORDS_LIMIT) words.clear();
    words.set(text, w);
  }
  return w;
}

export function mentionFeatures(m: MatchableMention): MentionFeatures {
  const f: MentionFeatures = {
    keysAt: [],
    rawAt: [],
    index: new Map(),
    tags: new Map(),
    tagList: [],
    handles: new Set(),
    lang: m.lang ?? null,
    platform: m.platform,
    units: new Set(m.unitIds ?? []),
  };
  if (m.authorHandle) f.handles.add(m.authorHandle.replace(/^@/, '').toLowerCase());
  const text = m.text.includes('\u200B') || m.text.includes('\u200C') || m.text.includes('\u200D') || m.text.includes('\u00AD') || m.text.includes('\uFEFF') || m.text.includes('\u2060')
    ? m.text.replace(ZERO_WIDTH, '')
    : m.text;
  for (const tok of tokenize(text)) {
    switch (tok.kind) {
      case 'word':
      case 'number': {
        const pos = open(f);
        const w = word(tok.text);
        add(f, pos, w.raw, w.key);
        break;
      }
      case 'hashtag': {
        const pos = open(f);
        const body = tok.text.slice(1);
        const raw = body.normalize('NFC').toLowerCase();
        const key = wordKey(body);
        add(f, pos, raw, key);
        push(f.tags, key, pos);
        f.tagList.push({ raw, key, pos });
        const parts = segmentHashtag(body);
        if (parts.length > 1) for (const part of parts) add(f, pos, part, wordKey(part));
        break;
      }
      case 'mention': {
        open(f);
        // `_user_` is the normaliser's placeholder for a handle, not a handle.
        if (tok.text.startsWith('@')) f.handles.add(tok.text.slice(1).toLowerCase());
        break;
      }
      default:
        break;
    }
  }
  return f;
}

function open(f: MentionFeatures): number {
  f.keysAt.push([]);
  f.rawAt.push([]);
  return f.keysAt.length - 1;
}

function add(f: MentionFeatures, pos: number, raw: string, key: string): void {
  const keys = f.keysAt[pos]!;
  if (!keys.includes(key)) {
    keys.push(key);
    push(f.index, key, pos);
  }
  const raws = f.rawAt[pos]!;
  if (!raws.includes(raw)) raws.push(raw);
}

function push(map: Map<string, number[]>, key: string, pos: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [pos]);
  else if (list[list.length - 1] !== pos) list.push(pos);
}

/**
 * The keys a watch index looks up for this mention (see `anchorsOf` in compile.ts): words,
 * `#` + hashtag keys, `@` + handles, and the short prefixes that word-end wildcards are filed
 * under (`~` + two letters of a key, `^` + three letters of a spelling; `#~`, `#^`, `@^` alike).
 */
export function anchorKeys(f: MentionFeatures, withPrefixes = true): Set<string> {
  const out = new Set<string>(f.index.keys());
  for (const t of f.tagList) out.add(`#${t.key}`);
  for (const h of f.handles) out.add(`@${h}`);
  if (!withPrefixes) return out;
  for (const keys of f.keysAt) for (const k of keys) if (k.length >= 2) out.add(`~${k.slice(0, 2)}`);
  for (const raws of f.rawAt) for (const r of raws) if (r.length >= 3) out.add(`^${r.slice(0, 3)}`);
  for (const t of f.tagList) {
    if (t.key.length >= 2) out.add(`#~${t.key.slice(0, 2)}`);
    if (t.raw.length >= 3) out.add(`#^${t.raw.slice(0, 3)}`);
  }
  for (const h of f.handles) if (h.length >= 3) out.add(`@^${h.slice(0, 3)}`);
  return out;
}
