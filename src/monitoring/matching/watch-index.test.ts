import { describe, expect, it } from 'vitest';
import { compileQuery } from '../query/compile.js';
import { mentionFeatures } from '../query/features.js';
import { loadDemoPosts } from '../sources/demo-stream.js';
import { DEMO_WATCHES } from '../watches/demo-watches.js';
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

  it('finds exactly what testing every watch finds, in the order of the watches', () => {
    let total = 0;
    for (const text of TEXTS) {
      for (const platform of ['sandbox', 'rss']) {
        for (const lang of ['hi', 'en']) {
          const f = mentionFeatures({ text, platform, lang });
          const brute = watches.filter((w) => w.query.matches(f)).map((w) => w.id);
          expect(index.match(f).map((w) => w.id), `${text} ${platform} ${lang}`).toEqual(brute);
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
        { id: 'ok', query: 'danga', unitIds: [], expiresAt: new Date(Date.now() + 1000), version: 1 },
        { id: 'broken', query: 'danga AND', unitIds: [], expiresAt: new Date(Date.now() + 1000), version: 1 },
      ],
      (id) => bad.push(id),
    );
    expect(built.size).toBe(1);
    expect(bad).toEqual(['broken']);
  });

  it('tells from the words alone that a mention matches nothing, and never wrongly (no handle watches)', () => {
    // Without a handle watch, a mention whose words offer no anchor skips its features.
    const queries = [...QUERIES.filter((q) => !q.startsWith('@')), ...DEMO_WATCHES.map((w) => w.query), '#Danga*', 'chheen*', 'पुलिस NEAR/2 लाठी*'];
    const byWords = queries.map((q, i) => ({ id: `q${i}`, unitIds: [], expiresAt: new Date(Date.now() + 60_000), query: compileQuery(q) }));
    const wordIndex = new WatchIndex(byWords);
    const texts = [
      ...TEXTS,
      ...loadDemoPosts().map((p) => p.text),
      // Hashtags offer their parts; a zero-width joiner splits a word only for the tokeniser.
      'sab log dekho #DangaNews', 'shaher mein #RiotAlert', 'द\u200Dंगा हुआ', 'दं\u200Cगे की खबर', 'RIOTING near the mall!!!',
      'https://example.com/riots-today link', '_user_ danga', 'chain chheen li', 'mobile chheena gaya', 'पुलिस ने लाठीचार्ज किया', '12 34 riot2',
    ];
    let matched = 0;
    let skipped = 0;
    for (const text of texts) {
      const m = { text, platform: 'sandbox', lang: 'hi', authorHandle: '@someone' };
      const f = mentionFeatures(m);
      const brute = byWords.filter((w) => w.query.matches(f)).map((w) => w.id);
      expect(wordIndex.matchMention(m).map((w) => w.id), text).toEqual(brute);
      matched += brute.length > 0 ? 1 : 0;
      if (wordIndex.match(f).length === 0) skipped++;
    }
    expect(matched).toBeGreaterThan(50);
    expect(skipped).toBeGreaterThan(50);
  });

  it('answers each index with its own watches when two ask about the same words in turn', () => {
    const build = (queries: string[]) => WatchIndex.build(queries.map((query, i) => ({ id: `${query}#${i}`, query, unitIds: [], expiresAt: new Date(Date.now() + 60_000), version: 1 })));
    const a = build(['danga']);
    const b = build(['danga OR jam', 'jam NEAR/2 ITO']);
    const ids = (index: WatchIndex, text: string) => index.matchMention({ text, platform: 'sandbox' }).map((w) => w.id);
    for (let round = 0; round < 3; round++) {
      expect(ids(a, 'danga near the jam')).toEqual(['danga#0']);
      expect(ids(b, 'danga near the jam')).toEqual(['danga OR jam#0']);
      expect(ids(a, 'jam at ITO')).toEqual([]);
      expect(ids(b, 'jam at ITO')).toEqual(['danga OR jam#0', 'jam NEAR/2 ITO#1']);
    }
  });
});
