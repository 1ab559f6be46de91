/**
 * Splits a hashtag into words: first at `_`, digits and CamelCase boundaries (#DelhiRiots →
 * delhi riots, #DPFightsBack → dp fights back), then a lower-case run that is not a known word is
 * segmented with a unigram word list (#delhiriots → delhi riots) by the cheapest split.
 * The word list is models/langid/words.tsv (Latin word counts of the training splits),
 * the Latin words of the Delhi gazetteer (seed/delhi: station, district and locality names, so
 * #JahangirpuriViolence keeps "jahangirpuri" whole) and a few words of the domain.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../config/paths.js';
import { forceSeedDir } from '../../config/force.js';
import { FNV_OFFSET, FNV_PRIME } from '../features/hash.js';

const DOMAIN_WORDS = [
  'delhi', 'police', 'riots', 'riot', 'justice', 'for', 'stop', 'save', 'arrest', 'protest', 'fake',
  'news', 'india', 'hindu', 'muslim', 'danga', 'dilli', 'pulis', 'thana', 'crime', 'women', 'safety',
  'traffic', 'metro', 'station', 'road', 'nagar', 'vihar', 'bagh', 'puri', 'pur', 'cell', 'special',
  'dp', 'cp', 'ncr', 'covid', 'lockdown', 'helpline', 'missing', 'child', 'with', 'we', 'stand',
  'fights', 'back', 'against', 'violence', 'hate', 'shame', 'on', 'you', 'the', 'of', 'is', 'in',
];

const MAX_WORD = 20;
const SPLIT_PARTS = /[_\s]+/;
// Case and digit boundaries: "DelhiRiots2020" → Delhi | Riots | 2020; "DPFights" → DP | Fights.
const CAMEL = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}[\p{Ll}\p{M}]*|\p{Lu}+|\p{N}+|[\p{L}\p{M}]+/gu;
const LOWER_LATIN = /^[a-z]+$/;
const CAPITALISED_MIN = 10;

const GAZETTEER_FILES = ['units.csv', 'stations.csv', 'localities.csv'];
const LATIN_WORD = /[a-z]+/g;

/** Lower-case Latin words of place names and their one-word forms ("jahangir puri" → also "jahangirpuri"). */
function gazetteerWords(): Set<string> {
  const words = new Set<string>();
  for (const f of GAZETTEER_FILES) {
    const path = join(forceSeedDir(), f);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
      for (const name of line.toLowerCase().split(/[,|]/)) {
        const ws = name.match(LATIN_WORD) ?? [];
        for (const w of ws) if (w.length >= 3) words.add(w);
        if (ws.length > 1) words.add(ws.join(''));
      }
    }
  }
  return words;
}

let costs: Map<string, number> | undefined;
let unknownBase = 0;

function wordCosts(): Map<string, number> {
  if (costs) return costs;
  const counts = new Map<string, number>();
  const path = join(packageRoot, 'models', 'langid', 'words.tsv');
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      counts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
  }
  let top = 1;
  for (const c of counts.values()) top = Math.max(top, c);
  for (const w of DOMAIN_WORDS) counts.set(w, Math.max(counts.get(w) ?? 0, top / 10));
  for (const w of gazetteerWords()) counts.set(w, Math.max(counts.get(w) ?? 0, top / 50));
  let total = 0;
  for (const c of counts.values()) total += c;
  const m = new Map<string, number>();
  for (const [w, c] of counts) {
    // One-letter words other than "a"/"i" are noise in a tag ("t", "k" come from abbreviations).
    if (w.length === 1 && w !== 'a' && w !== 'i') continue;
    m.set(w, Math.log(total / c));
  }
  unknownBase = Math.log(total) + 4;
  costs = m;
  return m;
}

// Every piece costs this much on top of its word cost, so fewer, longer words win.
const PIECE_COST = 4;
// An unknown stretch must be at least this long; shorter unknown bits are how a tag gets shredded.
const MIN_UNKNOWN = 4;

function unknownCost(len: number): number {
  return len < MIN_UNKNOWN ? Infinity : unknownBase + 2.5 * len;
}

// The word costs again, for the splitter's inner loop: open addressing over the FNV-1a hash of
// each lower-case Latin word of at most MAX_WORD letters, so a piece of a run is looked up by a
// hash built one letter at a time, without cutting a substring for it. A slot holds the word's
// index + 1 (0: empty); a hash hit is confirmed letter by letter.
interface CostTable {
  mask: number;
  slots: Int32Array;
  hashes: Int32Array;
  words: string[];
  costs: Float64Array;
}

let table: CostTable | undefined;

function slotOf(h: number, mask: number): number {
  const x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (x ^ (x >>> 13)) & mask;
}

function costTable(): CostTable {
  if (table) return table;
  const words: string[] = [];
  const costs: number[] = [];
  for (const [w, cost] of wordCosts()) {
    if (w.length <= MAX_WORD && LOWER_LATIN.test(w)) {
      words.push(w);
      costs.push(cost);
    }
  }
  let size = 1024;
  while (size < words.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const hashes = new Int32Array(size);
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    let h = FNV_OFFSET;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
    let slot = slotOf(h, mask);
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = k + 1;
    hashes[slot] = h;
  }
  table = { mask, slots, hashes, words, costs: Float64Array.from(costs) };
  return table;
}

/** Index in `t.words` of the word `run[start, end)` whose FNV-1a hash is `h`, or -1 if it is not a known word. */
function knownIndex(t: CostTable, run: string, start: number, end: number, h: number): number {
  let slot = slotOf(h, t.mask);
  for (;;) {
    const k = t.slots[slot]!;
    if (k === 0) return -1;
    if (t.hashes[slot] === h) {
      const w = t.words[k - 1]!;
      if (w.length === end - start) {
        let same = true;
        for (let i = 0; i < w.length; i++) {
          if (w.charCodeAt(i) !== run.charCodeAt(start + i)) {
            same = false;
            break;
          }
        }
        if (same) return k - 1;
      }
    }
    slot = (slot + 1) & t.mask;
  }
}

let best = new Float64Array(64);
let back = new Int32Array(64);

/**
 * Cheapest split of a lower-case Latin run into known words (unknown runs cost by length). Each
 * start's pieces are tried in turn, longer and longer: every end still hears from its starts in
 * increasing order, so ties go where they went with ends in the outer loop.
 */
function segmentRun(run: string): string[] {
  const c = wordCosts();
  if (c.has(run) || run.length <= 3) return [run];
  const t = costTable();
  const n = run.length;
  if (best.length < n + 1) {
    best = new Float64Array(n + 1);
    back = new Int32Array(n + 1);
  }
  best.fill(Infinity, 0, n + 1);
  back.fill(0, 0, n + 1);
  best[0] = 0;
  for (let start = 0; start < n; start++) {
    const from = best[start]!;
    if (from === Infinity) continue;
    let h = FNV_OFFSET;
    const last = Math.min(n, start + MAX_WORD);
    for (let end = start + 1; end <= last; end++) {
      h = Math.imul(h ^ run.charCodeAt(end - 1), FNV_PRIME);
      const known = knownIndex(t, run, start, end, h);
      const total = from + ((known >= 0 ? t.costs[known]! : unknownCost(end - start)) + PIECE_COST);
      if (total < best[end]!) {
        best[end] = total;
        back[end] = start;
      }
    }
  }
  const parts: string[] = [];
  for (let end = n; end > 0; ) {
    const start = back[end]!;
    parts.push(run.slice(start, end));
    end = start;
  }
  parts.reverse();
  return parts;
}

export function segmentHashtag(tag: string): string[] {
  const body = tag.startsWith('#') ? tag.slice(1) : tag;
  const out: string[] = [];
  for (const part of body.split(SPLIT_PARTS)) {
    if (part === '') continue;
    for (const m of part.matchAll(CAMEL)) {
      const piece = m[0].toLowerCase();
      // A capitalised piece of a CamelCase tag is one word unless it is long (#Bengalisburning).
      const capitalised = piece !== m[0];
      if (LOWER_LATIN.test(piece) && (!capitalised || piece.length >= CAPITALISED_MIN)) {
        const parts = segmentRun(piece);
        // No split is better than one that keeps no known word.
        if (parts.length > 1 && parts.every((x) => !wordCosts().has(x))) out.push(piece);
        else out.push(...parts);
      } else out.push(piece);
    }
  }
  return out;
}
