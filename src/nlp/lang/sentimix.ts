/**
 * Reading SentiMix word-tagged tweets for the token language model: one sequence per tweet of
 * Latin-script words with their gold tag. Tokens the tokeniser would not call words (`@` and the
 * handle after it, URL pieces tagged O, punctuation) are left out, as they are at run time.
 */
import { readFileSync } from 'node:fs';
import { latinForm } from './features.js';

export type Gold = 'hi-Latn' | 'en' | 'other';

export interface TaggedToken {
  text: string;
  gold: Gold;
}

export interface SentiMixRow {
  id: string;
  tokens: [string, string][];
}

export function goldOf(tag: string): Gold {
  if (tag === 'Hin') return 'hi-Latn';
  if (tag === 'Eng') return 'en';
  return 'other';
}

export function readSentiMix(path: string): SentiMixRow[] {
  const rows: SentiMixRow[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as { id: string; tokens?: [string, string][] };
    if (r.tokens) rows.push({ id: r.id, tokens: r.tokens });
  }
  return rows;
}

const LATIN_LETTER = /[a-zA-Z\u00C0-\u024F]/;
const URL_JOINER = new Set(['.', '/', '//', ':', '://']);

/**
 * Which tokens the run-time tokeniser would not see as words: the handle after `@` (a mention)
 * and the pieces of a split URL (`https // t . co / x`). SentiMix tags both Hin or Eng.
 */
export function nonWordMask(tokens: readonly string[]): { handle: boolean[]; url: boolean[] } {
  const n = tokens.length;
  const handle = new Array<boolean>(n).fill(false);
  const url = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (i > 0 && tokens[i - 1] === '@') handle[i] = true;
    if ((t === 'https' || t === 'http') && (tokens[i + 1] === '//' || tokens[i + 1] === ':')) {
      url[i] = true;
      let j = i + 1;
      while (j < n && (URL_JOINER.has(tokens[j]!) || URL_JOINER.has(tokens[j - 1]!))) url[j++] = true;
    }
  }
  return { handle, url };
}

/** Latin words of a tweet with gold Hin/Eng tags, in order (the training view). */
export function latinWords(row: SentiMixRow): { form: string; hindi: boolean }[] {
  const out: { form: string; hindi: boolean }[] = [];
  const { handle, url } = nonWordMask(row.tokens.map((t) => t[0]));
  for (let i = 0; i < row.tokens.length; i++) {
    const [word, tag] = row.tokens[i]!;
    if (handle[i] || url[i]) continue;
    if (tag !== 'Hin' && tag !== 'Eng') continue;
    if (!LATIN_LETTER.test(word)) continue;
    const form = latinForm(word);
    if (form === '') continue;
    out.push({ form, hindi: tag === 'Hin' });
  }
  return out;
}
