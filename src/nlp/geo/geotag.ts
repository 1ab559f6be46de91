/**
 * Finds the police station and district a post talks about. The post's words (and the words of
 * its hashtags and handles, split like hashtags) become match keys; gazetteer aliases are matched
 * on keys, longest first, at word boundaries only ("saket" matches, "basket" does not).
 *
 * Ambiguous names are resolved by cue words near the match (metro, railway/train/platform,
 * airport); without a cue the territorial police station wins, at lower confidence, and if
 * several territorial stations share the name the answer stays at their district when they
 * share one. Confidence: 0.9 for a station's own name, 0.85 for a locality, 0.6 for a district;
 * less for ambiguous or very short names and for names many Indian places share (unless a police
 * or place word is next to them), more with "thana"/"PS"/"police station" next to it. A name
 * next to another state or city is dropped. One-word names with short keys match by spelling
 * only, and handles only when they are police handles.
 */
import { scanTokens, type TokenKind } from '../text/tokenize.js';
import { segmentHashtag } from '../text/hashtag.js';
import { computeMatchKey, matchKey } from '../text/match-key.js';
import { postWords } from '../text/word-table.js';
import { NOT_DELHI, delhiGazetteer, literalForm, type Cue, type Gazetteer, type Target } from './gazetteer.js';

export interface GeoResult {
  /** Unit id of the police district, e.g. '8167'. */
  district: string;
  districtName: string;
  station: string | null;
  stationName: string | null;
  confidence: number;
  matched: string;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

function keySet(words: string[]): Set<string> {
  return new Set(words.map((w) => matchKey(w)));
}
const METRO_CUES = keySet(['metro', 'मेट्रो', 'dmrc']);
const RAILWAY_CUES = keySet(['railway', 'rly', 'train', 'platform', 'रेलवे', 'ट्रेन', 'प्लेटफॉर्म', 'प्लेटफार्म', 'junction', 'जंक्शन', 'rpf', 'grp']);
const AIRPORT_CUES = keySet(['airport', 'एयरपोर्ट', 'terminal', 'flight', 'फ्लाइट']);
const POLICE_CUES = keySet(['thana', 'थाना', 'थाने', 'thane', 'ps', 'chowki', 'चौकी', 'police', 'पुलिस', 'sho', 'एसएचओ']);
const PLACE_CUES = keySet(['colony', 'कॉलोनी', 'area', 'इलाके', 'इलाका', 'इलाक़े', 'ilaka', 'ilake', 'क्षेत्र', 'mohalla', 'मोहल्ला', 'market', 'मार्केट', 'bazar', 'बाजार', 'chowk', 'चौक', 'road', 'रोड', 'gali', 'गली', 'block', 'ब्लॉक', 'sector', 'सेक्टर']);
// Another state or city next to a name that many places share: the post is not about Delhi's.
const ELSEWHERE_CUES = keySet([
  'gujarat', 'गुजरात', 'bihar', 'बिहार', 'up', 'uttar', 'उत्तर', 'lucknow', 'लखनऊ', 'prayagraj', 'प्रयागराज',
  'allahabad', 'इलाहाबाद', 'mumbai', 'मुंबई', 'kolkata', 'कोलकाता', 'rajasthan', 'राजस्थान', 'jaipur',
  'जयपुर', 'punjab', 'पंजाब', 'haryana', 'हरियाणा', 'bhopal', 'भोपाल', 'patna', 'पटना', 'kanpur', 'कानपुर',
  'ahmedabad', 'अहमदाबाद', 'nagpur', 'नागपुर', 'pune', 'पुणे', 'bengaluru', 'bangalore', 'hyderabad',
  'chennai', 'odisha', 'karnataka', 'maharashtra', 'महाराष्ट्र', 'mp', 'madhya', 'मध्य',
  'ayodhya', 'अयोध्या', 'varanasi', 'वाराणसी', 'meerut', 'मेरठ', 'saharanpur', 'सहारनपुर', 'sambhal', 'संभल',
  'agra', 'आगरा', 'aligarh', 'अलीगढ़', 'gorakhpur', 'गोरखपुर', 'bareilly', 'बरेली', 'bengal', 'बंगाल', 'kashmir',
]);
const HANDLE_CUES = keySet(['dcp', 'police', 'ps', 'thana', 'sho', 'acp', 'traffic']);
const STATION_KEY = matchKey('station');
const STATION_HI_KEY = matchKey('स्टेशन');
const WINDOW_BEFORE = 3;
const WINDOW_AFTER = 4;

// The words of the post being tagged, as parallel arrays reused from call to call.
let keys: string[] = [];
/** For a word from a hashtag or handle, the word itself (its offsets span the whole tag). */
let parts: (string | null)[] = [];
/** For each word, the gazetteer names whose first key is its key (null: none). */
let firsts: (Entries | null)[] = [];
let starts = new Int32Array(256);
let ends = new Int32Array(256);
let count = 0;

/** The words of a hashtag or handle with their match keys. */
interface Segments {
  words: string[];
  keys: string[];
  police: boolean;
  /** The gazetteer names each key starts (null: none), for the gazetteer `firstsOf`. */
  firsts: (Entries | null)[];
  firstsOf: Gazetteer | null;
}

function segmentKeys(tag: string): Segments {
  const words: string[] = [];
  const ks: string[] = [];
  for (const w of segmentHashtag(tag)) {
    const k = computeMatchKey(w);
    if (k === '') continue;
    words.push(w);
    ks.push(k);
  }
  return { words, keys: ks, police: ks.some((k) => HANDLE_CUES.has(k)), firsts: [], firstsOf: null };
}

function push(key: string, start: number, end: number, part: string | null, first: Entries | null): void {
  if (count === starts.length) {
    const s2 = new Int32Array(count * 2);
    s2.set(starts);
    starts = s2;
    const e2 = new Int32Array(count * 2);
    e2.set(ends);
    ends = e2;
  }
  keys[count] = key;
  parts[count] = part;
  firsts[count] = first;
  starts[count] = start;
  ends[count] = end;
  count++;
}

type Entries = NonNullable<ReturnType<Gazetteer['byFirst']['get']>>;

/** The gazetteer of the post being read (set by `geotagBegin`). */
let gazetteer: Gazetteer | null = null;

// The match key of each word seen so far and the names the key starts (null: none), by the
// word's number in the shared word table (undefined: not yet; the names also per gazetteer).
let keyByIndex: (string | undefined)[] = [];
let firstByIndex: (Entries | null | undefined)[] = [];
let keyGeneration = -1;
let firstGazetteer: Gazetteer | null = null;

/** The segments of each hashtag or handle seen so far, by the number of its text (without `#`/`@`). */
let segmentsByIndex: (Segments | undefined)[] = [];

/** Clears what is kept by word number when the word table starts a new generation or the gazetteer changes. */
function syncTables(): void {
  if (keyGeneration !== postWords.generation) {
    keyByIndex = new Array<string | undefined>(postWords.limit).fill(undefined);
    firstByIndex = new Array<Entries | null | undefined>(postWords.limit).fill(undefined);
    segmentsByIndex = new Array<Segments | undefined>(postWords.limit).fill(undefined);
    keyGeneration = postWords.generation;
    firstGazetteer = gazetteer;
  } else if (firstGazetteer !== gazetteer) {
    firstByIndex.fill(undefined);
    firstGazetteer = gazetteer;
  }
}

/** The segments of the tag `text[start, end)` (without its `#` or `@`), looked up by its number. */
function tagSegments(text: string, start: number, end: number): Segments {
  const index = postWords.indexOf(text, start, end);
  syncTables();
  let seg = segmentsByIndex[index];
  if (seg === undefined) {
    seg = segmentKeys(postWords.word(index));
    segmentsByIndex[index] = seg;
  }
  return seg;
}

function pushWord(text: string, start: number, end: number): void {
  const index = postWords.indexOf(text, start, end);
  syncTables();
  let key = keyByIndex[index];
  if (key === undefined) {
    key = computeMatchKey(postWords.word(index));
    keyByIndex[index] = key;
  }
  if (key === '') return;
  let first = firstByIndex[index];
  if (first === undefined) {
    first = gazetteer!.byFirst.get(key) ?? null;
    firstByIndex[index] = first;
  }
  push(key, start, end, null, first);
}

let scanned = '';
function visitToken(kind: TokenKind, start: number, end: number): void {
  if (kind === 'word' || kind === 'number') {
    pushWord(scanned, start, end);
  } else if (kind === 'hashtag' || kind === 'mention') {
    const seg = tagSegments(scanned, start + 1, end);
    // A handle names a person as often as a place (@SaketGokhale); only police handles
    // (@DCPSouthDelhi, @PoliceJaitpur) are read for places.
    if (kind === 'mention' && !seg.police) return;
    if (seg.firstsOf !== gazetteer) {
      seg.firsts = seg.keys.map((key) => gazetteer!.byFirst.get(key) ?? null);
      seg.firstsOf = gazetteer;
    }
    for (let k = 0; k < seg.keys.length; k++) push(seg.keys[k]!, start, end, seg.words[k]!, seg.firsts[k]!);
  }
}

function readWords(text: string, gz: Gazetteer): void {
  geotagBegin(text, gz);
  scanTokens(text, visitToken);
  endWords();
}

function endWords(): void {
  scanned = '';
  if (keys.length > 4096) {
    keys = []; // do not hold on to one huge post's words
    parts = [];
    firsts = [];
  }
}

/**
 * For `enrich`, which scans a post once for several consumers: `geotagBegin(clean)`, then
 * `geotagVisit` for every token of `clean` in order, then `geotagFinish(clean)` gives what
 * `geotag` gives for a text whose NFC form without zero-width characters is `clean`.
 */
export function geotagBegin(clean: string, gz: Gazetteer = delhiGazetteer()): void {
  gazetteer = gz;
  count = 0;
  scanned = clean;
}

export const geotagVisit: (kind: TokenKind, start: number, end: number) => void = visitToken;

export function geotagFinish(clean: string): GeoResult | null {
  endWords();
  return matchWords(clean);
}

const HAS_ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;

/** Whether `geotag` reads `nfc` (a text in NFC) as it is, with nothing removed. */
export function geotagReadsAsIs(nfc: string): boolean {
  return !HAS_ZERO_WIDTH.test(nfc);
}

interface Cues {
  metro: boolean;
  railway: boolean;
  airport: boolean;
  police: boolean;
  place: boolean;
  elsewhere: boolean;
}

function cuesNear(from: number, to: number): Cues {
  const r = { metro: false, railway: false, airport: false, police: false, place: false, elsewhere: false };
  const lo = Math.max(0, from - WINDOW_BEFORE);
  const hi = Math.min(count, to + WINDOW_AFTER);
  for (let i = lo; i < hi; i++) {
    if (i >= from && i < to) continue;
    const k = keys[i]!;
    if (METRO_CUES.has(k)) r.metro = true;
    if (RAILWAY_CUES.has(k)) r.railway = true;
    if (AIRPORT_CUES.has(k)) r.airport = true;
    if (POLICE_CUES.has(k)) r.police = true;
    if (PLACE_CUES.has(k)) r.place = true;
    if (ELSEWHERE_CUES.has(k)) r.elsewhere = true;
    // "station" is a railway cue unless it is "police station".
    if ((k === STATION_KEY || k === STATION_HI_KEY) && !(i > 0 && POLICE_CUES.has(keys[i - 1]!))) r.railway = true;
  }
  return r;
}

function resolve(targets: Target[], cues: Cues, length: number, shortName: boolean): Omit<GeoResult, 'matched'> | null {
  const hasCue = (c: Cue | null): boolean => (c === null ? false : cues[c]);
  const usable = targets.filter(
    (t) =>
      (!t.needsCue || cues.police || cues.place || hasCue(t.cue)) &&
      // Another state or city nearby: the place is that one's, unless a police word ties a
      // specific Delhi name here (a Kotwali or Civil Lines is in every city, police or not).
      !(cues.elsewhere && (!cues.police || t.common || t.needsCue)),
  );
  if (usable.length === 0) return null;
  const cued = usable.filter((t) => t.cue !== null && hasCue(t.cue));
  const plain = usable.filter((t) => t.cue === null);
  let chosen: Target[];
  let ambiguity = 0;
  if (cued.length > 0) chosen = cued;
  else if (plain.length > 0) {
    chosen = plain;
    if (plain.length < usable.length) ambiguity = 0.1; // a metro/railway station of that name exists
  } else return null; // only cue-bound targets and no cue
  let out: Omit<GeoResult, 'matched'>;
  const first = chosen[0]!;
  const stationsChosen = new Set(chosen.map((t) => t.station));
  if (stationsChosen.size === 1) {
    const base = first.kind === 'station' ? 0.9 : first.kind === 'locality' ? 0.85 : 0.6;
    out = { district: first.district, districtName: first.districtName, station: first.station, stationName: first.stationName, confidence: base - ambiguity };
  } else if (new Set(chosen.map((t) => t.district)).size === 1) {
    out = { district: first.district, districtName: first.districtName, station: null, stationName: null, confidence: 0.55 };
  } else {
    // Different districts: prefer a station's own name over a locality alias, then file order.
    const best = chosen.find((t) => t.kind === 'station') ?? first;
    out = { district: best.district, districtName: best.districtName, station: best.station, stationName: best.stationName, confidence: 0.45 };
  }
  if (shortName && length === 1) out.confidence -= 0.1;
  if (chosen.every((t) => t.common) && !cues.police && !cues.place) out.confidence -= 0.2;
  if (cues.police) out.confidence += 0.05;
  out.confidence = Math.round(Math.min(0.95, Math.max(0.05, out.confidence)) * 100) / 100;
  return out;
}

export function geotagWith(gz: Gazetteer, text: string): GeoResult | null {
  const clean = text.normalize('NFC').replace(ZERO_WIDTH, '');
  readWords(clean, gz);
  return matchWords(clean);
}

/** The best gazetteer match among the words read from `clean` (with the gazetteer they were read with). */
function matchWords(clean: string): GeoResult | null {
  let best: Omit<GeoResult, 'matched'> | null = null;
  let bestLen = 0;
  let bestFrom = 0;
  let bestTo = 0;
  for (let i = 0; i < count; ) {
    let matchedLen = 0;
    const entries = firsts[i];
    if (entries) {
      for (const e of entries) {
        const n = e.keys.length;
        if (i + n > count) continue;
        let ok = true;
        for (let k = 1; k < n; k++) {
          if (keys[i + k] !== e.keys[k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (n === 1) {
          const literal = literalForm(parts[i] ?? clean.slice(starts[i], ends[i]));
          if (NOT_DELHI.has(literal) || (e.literals !== null && !e.literals.has(literal))) continue;
        }
        const r = resolve(e.targets, cuesNear(i, i + n), n, e.keys.join('').length <= 3);
        if (r === null) continue;
        if (best === null || r.confidence > best.confidence || (r.confidence === best.confidence && n > bestLen)) {
          best = r;
          bestLen = n;
          bestFrom = starts[i]!;
          bestTo = ends[i + n - 1]!;
        }
        matchedLen = n;
        break; // longest match at this position
      }
    }
    i += matchedLen > 0 ? matchedLen : 1;
  }
  return best === null ? null : { ...best, matched: clean.slice(bestFrom, bestTo) };
}

export function geotag(text: string): GeoResult | null {
  return geotagWith(delhiGazetteer(), text);
}
