import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const srcRoot = join(here, '..');

type Tree = { [key: string]: string | Tree };

function load(name: string): Map<string, string> {
  const tree = JSON.parse(readFileSync(join(here, name), 'utf8')) as Tree;
  const out = new Map<string, string>();
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') out.set(path, value);
      else walk(value, path);
    }
  };
  walk(tree, '');
  return out;
}

/** Values that stay the same in Hindi: names of languages and of standards. */
const SAME_IN_BOTH = new Set(['language.en', 'language.hi', 'users.totp']);

const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]*$/u;
const DEVANAGARI = /\p{Script=Devanagari}/u;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const en = load('en.json');
const hi = load('hi.json');

describe('translation files', () => {
  it('have exactly the same keys', () => {
    const onlyEn = [...en.keys()].filter((k) => !hi.has(k));
    const onlyHi = [...hi.keys()].filter((k) => !en.has(k));
    expect({ onlyEn, onlyHi }).toEqual({ onlyEn: [], onlyHi: [] });
    expect(en.size).toBeGreaterThan(100);
  });

  it('have no empty value', () => {
    const empty = [...en, ...hi].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('translate every Latin-only English text into Devanagari, except the allowed ones', () => {
    const untranslated = [...hi].filter(([key, value]) => {
      if (SAME_IN_BOTH.has(key)) return false;
      const english = en.get(key) ?? '';
      return (LATIN_ONLY.test(english) && value === english) || !DEVANAGARI.test(value);
    });
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...en]
      .filter(([key, value]) => JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(hi.get(key) ?? '')))
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('define every key the screens ask for', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(path);
      }
    };
    walk(srcRoot);
    // Every string literal shaped like '<section>.<key>' of a section the files define: t('…')
    // calls, navigation labels, error keys chosen in code.
    const sections = new Set([...en.keys()].map((k) => k.split('.')[0]!));
    // Permission names ('users.read') share the shape; they are labelled through permissionKey().
    const permissionNames = new Set([...en.keys()].filter((k) => k.startsWith('permissions.')).map((k) => k.slice('permissions.'.length).replace('_', '.')));
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([a-zA-Z]\w*)\.(\w+(?:\.\w+)*)'/g)) {
        const key = `${m[1]}.${m[2]}`;
        if (sections.has(m[1]!) && !permissionNames.has(key)) used.add(key);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !en.has(key) && !en.has(`${key}_one`) && !en.has(`${key}_other`));
    expect(missing).toEqual([]);
  });
});
