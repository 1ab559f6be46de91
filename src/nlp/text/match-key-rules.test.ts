import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../config/paths.js';
import { matchKey } from './match-key.js';
import { devanagariToLatin } from './transliterate.js';
import { tokenize } from './tokenize.js';

// The folding rules of matchKey written as regular expressions: the readable statement of what
// the hand-written passes must do. The classifier's features use matchKey, so the two must agree
// exactly.
const SPELLING = new Map<string, string>([
  ['police', 'pulis'], ['delhi', 'dilli'], ['dehli', 'dilli'], ['pulice', 'pulis'], ['polis', 'pulis'],
  ['polise', 'pulis'], ['station', 'steshan'], ['report', 'riport'], ['case', 'kes'], ['crime', 'kraim'],
  ['complaint', 'kamplent'], ['complain', 'kamplen'], ['news', 'nyuj'], ['court', 'kort'], ['jail', 'jel'],
  ['mobile', 'mobail'], ['video', 'vidiyo'], ['metro', 'metro'], ['road', 'rod'], ['colony', 'kolini'],
  ['nagar', 'nagar'],
]);
const FOLDS: [RegExp, string][] = [
  [/chh|ch/g, 'C'],
  [/ck/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/sh/g, 's'],
  [/([kgjtdbrC])h/g, '$1'],
  [/ph/g, 'f'],
  [/z/g, 'j'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/ee|ii|ie/g, 'i'],
  [/oo|uu|ou/g, 'u'],
  [/ai|ay$|ei/g, 'e'],
  [/au|aw/g, 'o'],
  [/aa+/g, 'a'],
  [/([a-zC])\1+/g, '$1'],
  [/(?<=.)a(?=.)/g, ''],
  [/m(?=[bpf])/g, 'n'],
  [/([a-zC])\1+/g, '$1'],
  [/C/g, 'c'],
];

function referenceKey(word: string): string {
  let s = word.normalize('NFC').toLowerCase();
  if (/[\u0900-\u097F]/.test(s)) s = devanagariToLatin(s).toLowerCase();
  s = s.replace(/[^a-z0-9]/g, '');
  s = SPELLING.get(s) ?? s;
  if (s === '') return '';
  for (const [re, to] of FOLDS) s = s.replace(re, to);
  return s;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('matchKey folding passes', () => {
  it('agree with the rules as regular expressions on random letter strings', () => {
    const rand = mulberry32(7);
    // Letters weighted toward the ones the rules treat specially.
    const alphabet = 'aaaaeeiioouuhhhccsskkptdbgjrmnfqwxyzl1';
    const bad: string[] = [];
    for (let n = 0; n < 30_000; n++) {
      let w = '';
      const len = 1 + Math.floor(rand() * 10);
      for (let i = 0; i < len; i++) w += alphabet[Math.floor(rand() * alphabet.length)];
      if (matchKey(w) !== referenceKey(w)) bad.push(`${w}: ${matchKey(w)} ≠ ${referenceKey(w)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('agree with the rules on Devanagari and mixed-case words', () => {
    for (const w of ['दंगा', 'पुलिस', 'थाने', 'छछूंदर', 'ज़मीन', 'क्षत्रिय', 'Chhawla', 'MACHHLI', 'shhh', 'ayay', 'constructor']) {
      expect(matchKey(w), w).toBe(referenceKey(w));
    }
  });

  const dataDir = process.env.CHHAVI_DATASETS ?? join(packageRoot, '..', 'shared', 'datasets');
  it.skipIf(!existsSync(dataDir))('agree with the rules on every word of the dev files', () => {
    const words = new Set<string>();
    for (const f of readdirSync(dataDir).filter((x) => x.endsWith('.dev.jsonl'))) {
      for (const line of readFileSync(join(dataDir, f), 'utf8').split('\n')) {
        if (line === '') continue;
        for (const t of tokenize((JSON.parse(line) as { text: string }).text)) if (t.kind === 'word') words.add(t.text);
      }
    }
    expect(words.size).toBeGreaterThan(10_000);
    const bad = [...words].filter((w) => matchKey(w) !== referenceKey(w)).slice(0, 10);
    expect(bad).toEqual([]);
  });
});
