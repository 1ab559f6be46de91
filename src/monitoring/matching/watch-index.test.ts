import { describe, expect, it } from 'vitest';
import { compileQuery } from '../query/compile.js';
import { mentionFeatures } from '../query/features.js';
import { WatchIndex, type IndexedWatch } from './watch-index.js';

const QUERIES = [
  'danga OR दंगा',
  'police NEAR/3 lathi*',
  '"fake news" NOT cricket',
  '#DelhiRiots',
  '@DelhiPolice',
  'dang*',
  'riot* OR loot*',
  '(pani OR पानी) AND (supply OR सप्लाई)',
  'seelampur lang:hi',
  'jam platform:rss',
  'metro NOT (delay OR late)',
];
const TEXTS = [
  'सीलमपुर में दंगा', 'danga ho gaya', 'police ne lathicharge kiya', 'police aayi phir bahut der baad lathi chali',
  'fake news about cricket', 'this is fake news', 'stay safe #delhiriots', 'please help @delhipolice', 'dange bhadke',
  'looters in the market', 'पानी की सप्लाई बंद', 'seelampur traffic', 'jam at ITO', 'metro is late again', 'metro on time today', '',
];

describe('WatchIndex', () => {
  const watches: IndexedWatch[] = QUERIES.map((q, i) => ({ id: `w${i}`, unitIds: ['u'], expiresAt: new Date(Date.now() + 60_000), query: compileQuery(q) }));
  const index = new WatchIndex(watches);

  it('finds exactly what testing every watch finds', () => {
    let total = 0;
    for (const text of TEXTS) {
      for (const platform of ['sandbox', 'rss']) {
        for (const lang of ['hi', 'en']) {
          const f = mentionFeatures({ text, platform, lang });
          const brute = watches.filter((w) => w.query.matches(f)).map((w) => w.id).sort();
          expect(index.match(f).map((w) => w.id).sort(), `${text} ${platform} ${lang}`).toEqual(brute);
          total += brute.length;
        }
      }
    }
    expect(total).toBeGreaterThan(20);
  });

  it('leaves out expired watches', () => {
    const expired = new WatchIndex([{ id: 'old', unitIds: [], expiresAt: new Date(Date.now() - 1), query: compileQuery('danga') }]);
    expect(expired.match(mentionFeatures({ text: 'danga', platform: 'x' }))).toEqual([]);
  });

  it('skips a stored query that no longer compiles and reports it', () => {
    const bad: string[] = [];
    const built = WatchIndex.build(
      [
        { id: 'ok', query: 'danga', unitIds: [], expiresAt: new Date(Date.now() + 1000) },
        { id: 'broken', query: 'danga AND', unitIds: [], expiresAt: new Date(Date.now() + 1000) },
      ],
      (id) => bad.push(id),
    );
    expect(built.size).toBe(1);
    expect(bad).toEqual(['broken']);
  });
});
