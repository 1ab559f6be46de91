// Writes seed/demo/mentions.jsonl: 300 demo mentions for the sandbox stream, deterministic.
//   npx tsx datasets/demo/build-demo-mentions.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANG_OF_KEY, makeRandom, pick, type Lang, type LangKey } from '../chhavi-police/lib.js';
import { SLOTS } from '../chhavi-police/slots.js';
import { AUTHOR_FIRST, AUTHOR_SUFFIX, DEMO_TEMPLATES } from './mention-templates.js';

export interface DemoMention {
  text: string;
  lang: Lang;
  author: string;
  platform: 'sandbox';
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const COUNT = 300;
/** How often each kind of post appears in the stream (weights). */
const MIX: Record<string, number> = { rumour: 3, crime: 4, praise: 2, complaint: 3, traffic: 3, festival: 2, chatter: 3 };
const LANG_KEYS: LangKey[] = ['hi', 'en', 'hil'];

export function buildDemoMentions(): DemoMention[] {
  const random = makeRandom('chhavi-demo-mentions-v1');
  const kinds = Object.entries(MIX).flatMap(([kind, weight]) => Array<string>(weight).fill(kind));
  const authors = AUTHOR_FIRST.flatMap((f) => AUTHOR_SUFFIX.map((s) => f + s));
  const out: DemoMention[] = [];
  const seen = new Set<string>();
  while (out.length < COUNT) {
    const kind = pick(random, kinds);
    const key = pick(random, LANG_KEYS);
    const template = pick(random, DEMO_TEMPLATES[kind]?.[key] ?? []);
    const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const values = SLOTS[name]?.[key];
      if (!values) throw new Error(`unknown slot {${name}}`);
      // Hashtags take the English form without spaces.
      return pick(random, values);
    }).replace(/#([^\s#]+(?: [^\s#]+)*)$/u, (_m, tag: string) => `#${tag.replace(/\s+/g, '')}`);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text: text.normalize('NFC'), lang: LANG_OF_KEY[key], author: pick(random, authors), platform: 'sandbox' });
  }
  return out;
}

function main(): void {
  const rows = buildDemoMentions();
  const file = join(ROOT, 'seed', 'demo', 'mentions.jsonl');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${rows.length} mentions written to seed/demo/mentions.jsonl`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
