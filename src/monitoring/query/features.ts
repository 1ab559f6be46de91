import { segmentHashtag } from '../../nlp/text/hashtag.js';
import { scanTokens } from '../../nlp/text/tokenize.js';
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

/** A word as written: its spelling and key, and the anchors it offers (see `anchorKeys`). */
interface Word {
  raw: string;
  key: string;
  /** `~` + the key's first two letters, `^` + the spelling's first three ('' when too short). */
  keyPrefix: string;
  rawPrefix: string;
  /** What the word offers of the anchors last asked (`offeredByWords`): the map asked, and its values (null: none). */
  offerOf: ReadonlyMap<string, readonly unknown[]> | null;
  offer: readonly unknown[] | null;
}

// Most words recur, so each is worked out once.
const words = new Map<string, Word>();
const WORDS_LIMIT = 200_000;

function word(text: string): Word {
  let w = words.get(text);
  if (!w) {
    const raw = text.normalize('NFC').toLowerCase();
    const key = wordKey(text);
    w = { raw, key, keyPrefix: key.length >= 2 ? `~${key.slice(0, 2)}` : '', rawPrefix: raw.length >= 3 ? `^${raw.slice(0, 3)}` : '', offerOf: null, offer: null };
    if (words.size >= WORDS_LIMIT) words.clear();
    words.set(text, w);
  }
  return w;
}

function hasZeroWidth(text: string): boolean {
  return text.includes('\u200B') || text.includes('\u200C') || text.includes('\u200D') || text.includes('\u00AD') || text.includes('\uFEFF') || text.includes('\u2060');
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
  const text = hasZeroWidth(m.text) ? m.text.replace(ZERO_WIDTH, '') : m.text;
  scanTokens(text, (kind, start, end) => {
    switch (kind) {
      case 'word':
      case 'number': {
        const pos = open(f);
        const w = word(text.slice(start, end));
        add(f, pos, w.raw, w.key);
        break;
      }
      case 'hashtag': {
        const pos = open(f);
        const body = text.slice(start + 1, end);
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
        if (text.charCodeAt(start) === 0x40) f.handles.add(text.slice(start + 1, end).toLowerCase());
        break;
      }
      default:
        break;
    }
  });
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
 * What a text's words offer of `anchors` (keyed as `anchorKeys` gives them, with prefixes): the
 * values filed under the keys, word keys and prefixes of its words and numbers, each once, told
 * without working out the text's features; null when the words alone cannot tell. A text with a
 * hashtag or a zero-width character cannot be told so (its features add the hashtag's parts and
 * join the words the character splits). Handles are not looked at: an index with handle anchors
 * does not ask.
 */
export function offeredByWords<T>(text: string, anchors: ReadonlyMap<string, readonly T[]>): readonly T[] | null {
  if (hasZeroWidth(text)) return null;
  const found: T[] = [];
  let told = true;
  scanTokens(text, (kind, start, end) => {
    if (!told) return;
    if (kind === 'hashtag') told = false;
    else if (kind === 'word' || kind === 'number') {
      const offer = offerOf(word(text.slice(start, end)), anchors);
      if (offer !== null) for (const v of offer) if (!found.includes(v)) found.push(v);
    }
  });
  return told ? found : null;
}

/**
 * The values a word offers of `anchors` (under its key and prefixes), each once; null for none.
 * Kept with the word for the map last asked, so a stream's recurring words are looked up once per
 * watch index, not three times per mention.
 */
function offerOf<T>(w: Word, anchors: ReadonlyMap<string, readonly T[]>): readonly T[] | null {
  if (w.offerOf !== anchors) {
    const offer: T[] = [];
    for (const k of [w.key, w.keyPrefix, w.rawPrefix]) {
      const list = k === '' ? undefined : anchors.get(k);
      if (list !== undefined) for (const v of list) if (!offer.includes(v)) offer.push(v);
    }
    w.offerOf = anchors;
    w.offer = offer.length === 0 ? null : offer;
  }
  return w.offer as readonly T[] | null;
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
