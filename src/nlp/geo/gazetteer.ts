/**
 * The gazetteer: police districts, police stations and localities with every alias turned into a
 * sequence of match keys (so Devanagari and romanised spellings meet), indexed by first key.
 *
 * Sources: seed/delhi/units.csv, seed/delhi/stations.csv and seed/delhi/localities.csv.
 * Metro and railway police stations are also indexed under their bare place name with a cue
 * (`metro`, `railway`): "Anand Vihar" alone is the Shahdara police station, "Anand Vihar railway
 * station" or "Anand Vihar" next to "train" is the railway one. A bare place name that only a
 * metro or railway station carries (Rajiv Chowk, Old Delhi) matches only with its cue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forceSeedDir } from '../../config/force.js';
import { matchKey } from '../text/match-key.js';
import { parseCsv } from './csv.js';

export type Cue = 'metro' | 'railway' | 'airport';

export interface Target {
  district: string;
  districtName: string;
  station: string | null;
  stationName: string | null;
  /** How the alias names the place: a station's own name, a locality, or a district. */
  kind: 'station' | 'locality' | 'district';
  /** The target applies only when this cue is near the match. */
  cue: Cue | null;
  /** A name that is also a common word or abbreviation: needs a police or place cue nearby. */
  needsCue: boolean;
  /** A name that many Indian towns or colonies share (Gandhi Nagar, Ghazipur): lower confidence. */
  common: boolean;
}

export interface Entry {
  keys: string[];
  targets: Target[];
  /**
   * For a one-word name with a short key: the spellings that may match, since a short key
   * collides with everyday words (Burari and बुरी "bad" share "buri", JNU and जानू "darling" share
   * "jnu"). Null when the key alone is specific enough.
   */
  literals: Set<string> | null;
}

/** One-word names with keys shorter than this match only by spelling (see `Entry.literals`). */
export const SHORT_KEY = 5;

/**
 * Words whose key equals a Delhi name's key but which name another place or are ordinary words
 * (Kanpur folds like Khanpur): never taken for the Delhi place.
 */
export const NOT_DELHI = new Set(['kanpur', 'कानपुर', 'gonda', 'गोंडा', 'chawla', 'चावला', 'भरपूर', 'bharpur', 'bharpoor']);

/** A spelling compared literally: NFC, lower case, no nukta, no zero-width, anusvara for candrabindu. */
export function literalForm(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u093C\u200B-\u200D\uFEFF]/g, '')
    .replace(/\u0901/g, '\u0902');
}

export interface Gazetteer {
  /** First key → entries starting with it, longest first. */
  byFirst: Map<string, Entry[]>;
  maxLen: number;
  stations: Map<string, { unitId: string; name: string }>;
  units: Map<string, string>;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Match keys of a name, word by word ("Lajpat Nagar" → ['ljpt', 'ngr']). */
export function nameKeys(name: string): string[] {
  const keys: string[] = [];
  for (const m of name.replace(/[\u200B-\u200D\uFEFF]/g, '').matchAll(WORD)) {
    const k = matchKey(m[0]);
    if (k !== '') keys.push(k);
  }
  return keys;
}

// Names that are also everyday words or abbreviations ("welcome", "CP" for Commissioner of
// Police) are only taken next to a police or place word.
const NEEDS_CUE = new Set(['welcome', 'वेलकम', 'kotwali', 'कोतवाली', 'cp', 'gk', 'nfc', 'ina', 'palam', 'ito']);
// Place names that are just as often somewhere else in India (Gandhinagar in Gujarat, Ghazipur
// and Dwarka elsewhere, a Civil Lines or Model Town in most cities).
const COMMON_NAMES = new Set(
  [
    'civil lines', 'model town', 'krishna nagar', 'prem nagar', 'adarsh nagar', 'ambedkar nagar',
    'tilak nagar', 'patel nagar', 'gandhi nagar', 'gandhinagar', 'vijay vihar', 'hari nagar', 'moti nagar',
    'jyoti nagar', 'roop nagar', 'bharat nagar', 'sadar bazar', 'ghazipur', 'south avenue', 'north avenue',
    'subhash nagar', 'ramesh nagar', 'prasad nagar', 'dwarka', 'begumpur', 'begum pur', 'alipur', 'ali pur',
    'jaitpur', 'jait pur', 'badarpur', 'khanpur', 'palam', 'sant nagar', 'mahendra park', 'aiims', 'एम्स',
  ].map((n) => nameKeys(n).join(' ')),
);
// Special units are not places.
const NOT_PLACES = new Set(['8159', '8161', '8175', '8953', '8954', '8956']);
const METRO_SUFFIX = [/\s+metro$/i, /\s+मेट्रो$/];
const RAILWAY_SUFFIX = [/\s+railway station$/i, /\s+rly\.? stn\.?$/i, /\s+रेलवे स्टेशन$/, /\s+station$/i];

function stripSuffix(name: string, patterns: RegExp[]): string | null {
  for (const p of patterns) if (p.test(name)) return name.replace(p, '').trim();
  return null;
}

export interface GazetteerFiles {
  units: string;
  stations: string;
  localities: string;
}

export function defaultGazetteerFiles(): GazetteerFiles {
  const dir = forceSeedDir();
  return {
    units: readFileSync(join(dir, 'units.csv'), 'utf8'),
    stations: readFileSync(join(dir, 'stations.csv'), 'utf8'),
    localities: readFileSync(join(dir, 'localities.csv'), 'utf8'),
  };
}

export function buildGazetteer(files: GazetteerFiles): Gazetteer {
  const units = new Map<string, string>();
  const unitHi = new Map<string, string>();
  const unitKind = new Map<string, string>();
  for (const u of parseCsv(files.units)) {
    units.set(u.id!, u.name_en!);
    unitHi.set(u.id!, u.name_hi ?? '');
    unitKind.set(u.id!, u.kind ?? '');
  }
  const stations = new Map<string, { unitId: string; name: string }>();
  const byKeys = new Map<string, Entry>();

  function add(alias: string, target: Target): void {
    const keys = nameKeys(alias);
    if (keys.length === 0) return;
    const common = target.common || COMMON_NAMES.has(keys.join(' '));
    const needsCue = target.needsCue || NEEDS_CUE.has(alias.toLowerCase());
    // Variants: the name word by word, and written as one word ("Jahangir Puri" ↔
    // "Jahangirpuri"). A common name written as one word ("Gandhinagar") is more often the
    // other place, so that form needs a cue.
    const variants: { keys: string[]; literal: string; joined: boolean }[] = [{ keys, literal: literalForm(alias), joined: false }];
    if (keys.length > 1) {
      const literal = literalForm(alias.replace(/[\s.-]+/g, ''));
      const joined = matchKey(literal);
      if (joined !== '' && joined !== keys.join('')) variants.push({ keys: [joined], literal, joined: true });
      variants.push({ keys: [keys.join('')], literal, joined: true });
    }
    for (const v of variants) {
      const id = v.keys.join(' ');
      let e = byKeys.get(id);
      if (!e) {
        e = { keys: v.keys, targets: [], literals: null };
        byKeys.set(id, e);
      }
      if (v.keys.length === 1 && v.keys[0]!.length < SHORT_KEY) (e.literals ??= new Set()).add(v.literal);
      const t = { ...target, needsCue: needsCue || (v.joined && common), common };
      const same = e.targets.find((x) => x.station === t.station && x.district === t.district && x.cue === t.cue);
      if (same) {
        same.needsCue = same.needsCue && t.needsCue;
        same.common = same.common && t.common;
      } else e.targets.push(t);
    }
  }

  const territorial = (unitId: string): boolean => unitKind.get(unitId) === 'district' || unitId === '8169';

  for (const s of parseCsv(files.stations)) {
    const unitId = s.unit_id!;
    stations.set(s.id!, { unitId, name: s.name_en! });
    if (NOT_PLACES.has(unitId)) continue;
    const names = [s.name_en!, s.name_hi!, ...(s.aliases ?? '').split('|')].map((x) => x.trim()).filter((x) => x !== '');
    const base: Omit<Target, 'cue' | 'needsCue' | 'common'> = {
      district: unitId,
      districtName: units.get(unitId) ?? unitId,
      station: s.id!,
      stationName: s.name_en!,
      kind: 'station',
    };
    for (const n of names) add(n, { ...base, cue: null, needsCue: false, common: false });
    if (!territorial(unitId)) {
      const cue: Cue | null = unitId === '8160' ? 'metro' : unitId === '8164' ? 'railway' : null;
      if (cue === null) continue;
      const suffixes = cue === 'metro' ? METRO_SUFFIX : RAILWAY_SUFFIX;
      for (const n of names) {
        const core = stripSuffix(n, suffixes);
        if (core && core !== '') add(core, { ...base, cue, needsCue: false, common: false });
      }
    }
  }

  for (const l of parseCsv(files.localities)) {
    const stationId = l.station_id ?? '';
    const st = stationId === '' ? undefined : stations.get(stationId);
    if (stationId !== '' && !st) throw new Error(`localities.csv: unknown station ${stationId} for ${l.name_en}`);
    const unitId = st ? st.unitId : (l.unit_id ?? '');
    if (!units.has(unitId)) throw new Error(`localities.csv: unknown unit ${unitId} for ${l.name_en}`);
    if (st && (l.unit_id ?? '') !== '' && l.unit_id !== st.unitId) {
      throw new Error(`localities.csv: ${l.name_en} gives unit ${l.unit_id} but station ${stationId} is in ${st.unitId}`);
    }
    const target: Target = {
      district: unitId,
      districtName: units.get(unitId)!,
      station: st ? stationId : null,
      stationName: st ? st.name : null,
      kind: st ? 'locality' : 'district',
      cue: null,
      needsCue: false,
      common: false,
    };
    for (const n of [l.name_en!, l.name_hi!, ...(l.aliases ?? '').split('|')]) if (n && n.trim() !== '') add(n.trim(), target);
  }

  // Districts by name: "South district", "DCP South", "दक्षिणी जिला", "Shahdara district".
  for (const [id, name] of units) {
    if (!territorial(id) || id === '8169') continue;
    const target: Target = {
      district: id,
      districtName: name,
      station: null,
      stationName: null,
      kind: 'district',
      cue: null,
      needsCue: false,
      common: false,
    };
    const en = name.replace(/-/g, ' ');
    for (const a of [`${en} district`, `${en} distt`, `district ${en}`, `dcp ${en}`, `${en} delhi`, `${en} dist`]) add(a, target);
    const hi = unitHi.get(id) ?? '';
    if (hi !== '') {
      add(hi, target);
      add(hi.replace(/-/g, ' '), target);
      add(`डीसीपी ${hi.replace(/ जिला$/, '')}`, target);
    }
  }

  const byFirst = new Map<string, Entry[]>();
  let maxLen = 1;
  for (const e of byKeys.values()) {
    const first = e.keys[0]!;
    const list = byFirst.get(first) ?? [];
    list.push(e);
    byFirst.set(first, list);
    maxLen = Math.max(maxLen, e.keys.length);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return { byFirst, maxLen, stations, units };
}

let shipped: Gazetteer | undefined;

/** The gazetteer from the seed files, built once on first use. */
export function delhiGazetteer(): Gazetteer {
  shipped ??= buildGazetteer(defaultGazetteerFiles());
  return shipped;
}
