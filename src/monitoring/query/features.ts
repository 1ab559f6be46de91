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
        add(f, pos, tok.text.normalize('NFC').toLowerCase(), wordKey(tok.text));
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

/** The keys a watch index looks up for this mention: words, `#`+hashtag keys, `@`+handles. */
export function* anchorKeys(f: MentionFeatures): Iterable<string> {
  yield* f.index.keys();
  for (const k of f.tags.keys()) yield `#${k}`;
  for (const h of f.handles) yield `@${h}`;
}
