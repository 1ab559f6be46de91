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

/** Cheapest split of a lower-case Latin run into known words (unknown runs cost by length). */
function segmentRun(run: string): string[] {
  const c = wordCosts();
  if (c.has(run) || run.length <= 3) return [run];
  const n = run.length;
  const best = new Float64Array(n + 1).fill(Infinity);
  const back = new Int32Array(n + 1);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - MAX_WORD); start < end; start++) {
      if (best[start] === Infinity) continue;
      const w = run.slice(start, end);
      const cost = (c.get(w) ?? unknownCost(end - start)) + PIECE_COST;
      const total = best[start]! + cost;
      if (total < best[end]!) {
        best[end] = total;
        back[end] = start;
      }
    }
  }
  const parts: string[] = [];
  for (let end = n; end > 0; ) {
    const start = back[end] ?? 0;
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
