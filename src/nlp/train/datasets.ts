import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of a dataset file in the shared format. */
export interface Row {
  id: string;
  text: string;
  labels: Record<string, unknown>;
  split?: string;
  source?: string;
}

export function readJsonl(path: string): Row[] {
  const rows: Row[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let r: Row;
    try {
      r = JSON.parse(line) as Row;
    } catch {
      throw new Error(`${path}:${i + 1}: not JSON`);
    }
    if (typeof r.text !== 'string' || typeof r.labels !== 'object' || r.labels === null)
      throw new Error(`${path}:${i + 1}: expected {"id","text","labels"}`);
    rows.push(r);
  }
  return rows;
}

/** Reads `<dir>/<name>.<split>.jsonl`, or [] when the file is missing. */
export function readSplit(dir: string, name: string, split: string): Row[] {
  const path = join(dir, `${name}.${split}.jsonl`);
  return existsSync(path) ? readJsonl(path) : [];
}

const ZW = /[\u200B-\u200F\u2060\uFEFF\u00AD]/g;
const RT = /^rt @[^\s:]+:\s*/;
const URL = /(?:https?:\/\/|www\.)\S+/g;
const SPACES = /\s+/g;
const TRAILING_DOTS = /(?:…|\.\.\.)$/;

/**
 * The datasets README's "same text" key: NFKC, case folding, zero-width removal, white space
 * collapsed, a leading "RT @user:" and URLs dropped, a trailing ellipsis dropped; a post that is
 * only a URL keeps it.
 */
export function sameTextKey(text: string): string {
  const base = text.normalize('NFKC').toLowerCase().replace(ZW, '').replace(SPACES, ' ').trim();
  let s = base.replace(RT, '').replace(URL, ' ').replace(SPACES, ' ').trim();
  s = s.replace(TRAILING_DOTS, '').trim();
  return s === '' ? base : s;
}

/**
 * SentiMix texts are the organisers' tokens joined by spaces (`@ user`, `# tag`,
 * `https // t . co / xyz`); this puts them back together the way a live post reads.
 */
export function detokenizeSentimix(text: string): string {
  return text
    .replace(/\bhttps? \/\/ ?\S+(?: ?[./] ?[^\s./]+)*/g, 'https://t.co/x')
    .replace(/(^|\s)([@#]) (?=\S)/g, '$1$2')
    .replace(/ ([,.!?:;…])(?=\s|$)/g, '$1');
}

/** A deterministic number in [0, 1) from a string (for hold-out splits). */
export function unitHash(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32BE(0) / 2 ** 32;
}

/** Drops rows whose same-text key was already seen (first wins; input order is file order). */
export function dedupe(rows: Row[]): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const r of rows) {
    const k = sameTextKey(r.text);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

/**
 * Splits rows into train and a held-out part of about `fraction`, keeping rows with the same
 * text (or the same `group`) together.
 */
export function holdOut(rows: Row[], fraction: number, salt: string, group?: (r: Row) => string): { train: Row[]; dev: Row[] } {
  const train: Row[] = [];
  const dev: Row[] = [];
  for (const r of rows) {
    const g = group ? group(r) : sameTextKey(r.text);
    (unitHash(salt + ':' + g) < fraction ? dev : train).push(r);
  }
  return { train, dev };
}
