import { describe, expect, it } from 'vitest';
import { compileQuery } from './compile.js';
import { mentionFeatures, type MatchableMention } from './features.js';
import { wordKey } from './word-key.js';

function m(text: string, over: Partial<MatchableMention> = {}): MatchableMention {
  return { text, platform: 'sandbox', lang: 'hi', unitIds: ['north-east'], ...over };
}
const matches = (query: string, mention: MatchableMention | string) =>
  compileQuery(query).matches(mentionFeatures(typeof mention === 'string' ? m(mention) : mention));

describe('matching across scripts and spellings', () => {
  const yes: [string, string][] = [
    ['danga', 'सीलमपुर में दंगा शुरू हो गया है'],
    ['dangaa', 'सीलमपुर में दंगा शुरू हो गया है'],
    ['दंगा', 'seelampur mein danga shuru ho gaya'],
    ['दंगा', 'seelampur mein DANGAA shuru ho gaya'],
    ['police', 'पुलिस कुछ नहीं कर रही'],
    ['पुलिस', 'Delhi Police reached in time'],
    ['pulis', 'police kuch nahi kar rahi'],
    ['Delhi', 'दिल्ली में बारिश'],
    ['दिल्ली', 'dilli mein baarish'],
    ['ज़मीन', 'jameen ka jhagda'],
    ['zameen', 'जमीन का झगड़ा'],
    ['jhagra', 'जमीन का झगड़ा'],
    ['मुसलमान', 'musalman bhai log'],
    ['thana', 'थाना प्रभारी ने कहा'],
    ['सीलमपुर', 'Seelampur traffic jam'],
    ['दं\u200Dगा', 'दंगा'],
    ['danga', 'दं\u200Dगा हो गया'],
    ['riots', 'Stay safe #DelhiRiots'],
    ['delhi', 'Stay safe #DelhiRiots'],
    ['#delhiriots', 'Stay safe #DelhiRiots'],
    ['#DelhiRiots', 'stay safe #delhiriots'],
    ['#दंगा', 'यह देखो #danga'],
    ['@DelhiPolice', 'please help @delhipolice'],
    ['police station', 'the police reached the station'],
  ];
  for (const [q, text] of yes) it(`${q} ⊨ ${text}`, () => expect(matches(q, text)).toBe(true));

  const no: [string, string][] = [
    ['danga', 'dangal movie was good'],
    ['दंगा', 'दंगल फिल्म अच्छी थी'],
    ['thana', 'थाने में शिकायत दी'],
    ['hindu', 'hind ki sena'],
    ['police', 'politics of delhi'],
    ['#delhiriots', 'delhi riots were in 2020'],
    ['@delhipolice', 'delhipolice is on duty'],
    ['#delhi', 'news from delhi'],
  ];
  for (const [q, text] of no) it(`${q} ⊭ ${text}`, () => expect(matches(q, text)).toBe(false));
});

describe('boolean operators', () => {
  const text = 'Seelampur mein danga shuru, police kuch nahi kar rahi. Stay home!';
  it('AND needs both, OR either, NOT the absence', () => {
    expect(matches('danga AND police', text)).toBe(true);
    expect(matches('danga police', text)).toBe(true);
    expect(matches('danga AND cricket', text)).toBe(false);
    expect(matches('cricket OR दंगा', text)).toBe(true);
    expect(matches('cricket OR football', text)).toBe(false);
    expect(matches('danga NOT cricket', text)).toBe(true);
    expect(matches('danga NOT पुलिस', text)).toBe(false);
    expect(matches('(cricket OR दंगा) AND (पुलिस OR army)', text)).toBe(true);
    expect(matches('(cricket OR दंगा) AND NOT (पुलिस OR army)', text)).toBe(false);
  });
});

describe('phrases', () => {
  it('need consecutive words in order, in either script', () => {
    expect(matches('"sab log ghar mein raho"', 'सब लोग घर में रहो, बाहर मत निकलो')).toBe(true);
    expect(matches('"सब लोग घर में रहो"', 'Sab log ghar me raho please')).toBe(false); // "me" ≠ "mein"
    expect(matches('"सब लोग घर में रहो"', 'Sab log ghar mein raho please')).toBe(true);
    expect(matches('"fake news"', 'This is FAKE, news channels lie')).toBe(true); // punctuation takes no position
    expect(matches('"fake news"', 'news is fake')).toBe(false);
    expect(matches('"fake news"', 'fake and news')).toBe(false);
    expect(matches('"delhi police"', 'thanks @x Delhi Police!')).toBe(true);
  });
  it('count a handle as a word between two words', () => {
    expect(matches('"thanks delhi"', 'thanks @x delhi')).toBe(false);
  });
});

describe('NEAR/n', () => {
  const text = 'दंगा की खबर झूठी है, पुलिस ने कहा सब शांत है';
  // positions: दंगा 0 की 1 खबर 2 झूठी 3 है 4 पुलिस 5 ने 6 कहा 7 सब 8 शांत 9 है 10
  it('matches within n words in either order, and not beyond', () => {
    expect(matches('danga NEAR/5 police', text)).toBe(true);
    expect(matches('danga NEAR/4 police', text)).toBe(false);
    expect(matches('police NEAR/5 danga', text)).toBe(true);
    expect(matches('shant NEAR/1 sab', text)).toBe(true);
    expect(matches('"khabar jhuthi" NEAR/2 पुलिस', text)).toBe(true);
    expect(matches('"khabar jhuthi" NEAR/1 पुलिस', text)).toBe(false);
    expect(matches('(riot OR danga) NEAR/3 khabar', text)).toBe(true);
    expect(matches('danga NEAR/2 khabar NEAR/3 police', text)).toBe(true);
    expect(matches('danga NEAR/2 khabar NEAR/2 police', text)).toBe(false);
  });
  it('needs two occurrences: a word is not near itself', () => {
    expect(matches('danga NEAR/3 danga', 'danga hua')).toBe(false);
    expect(matches('danga NEAR/3 danga', 'danga danga hua')).toBe(true);
  });
  it('finds the pair among many occurrences', () => {
    const long = `${'police '.repeat(30)} x y z ${'traffic '.repeat(30)} danga police`;
    expect(matches('danga NEAR/1 police', long)).toBe(true);
    expect(matches('danga NEAR/1 traffic', `danga ${'x '.repeat(5)} traffic`)).toBe(false);
  });
});

describe('word-end wildcards', () => {
  it('match words that start with the prefix in either script', () => {
    expect(matches('dang*', 'दंगे भड़क गए')).toBe(true);
    expect(matches('dang*', 'danga hua')).toBe(true);
    expect(matches('dang*', 'dangai karne wale')).toBe(true);
    expect(matches('danga*', 'dangai karne wale')).toBe(true);
    expect(matches('polic*', 'policemen arrived')).toBe(true);
    expect(matches('riot*', 'rioters were arrested')).toBe(true);
    expect(matches('riot*', 'the patriot act')).toBe(false);
    expect(matches('दंग*', 'dange ho gaye')).toBe(true);
    expect(matches('#delhi*', 'see #DelhiRiots now')).toBe(true);
    expect(matches('#delhi*', 'see delhi riots now')).toBe(false);
    expect(matches('@dcp*', 'ask @DCPNorthEast')).toBe(true);
    expect(matches('"dang* shuru"', 'दंगे शुरू')).toBe(true);
  });
});

describe('fields', () => {
  it('lang:, platform:, unit: and @handle of the author', () => {
    const hi = m('दंगा हुआ', { lang: 'hi', platform: 'x', unitIds: ['north-east', 'shahdara'], authorHandle: '@Rumour_Mill' });
    expect(matches('danga lang:hi', hi)).toBe(true);
    expect(matches('danga lang:en|hi-Latn', hi)).toBe(false);
    expect(matches('danga platform:x', hi)).toBe(true);
    expect(matches('danga platform:sandbox', hi)).toBe(false);
    expect(matches('danga unit:shahdara', hi)).toBe(true);
    expect(matches('danga unit:south', hi)).toBe(false);
    expect(matches('danga NOT unit:south', hi)).toBe(true);
    expect(matches('@rumour_mill', hi)).toBe(true);
    expect(matches('@other', hi)).toBe(false);
    expect(matches('danga lang:hi', m('danga hua', { lang: null }))).toBe(false);
  });
});

describe('anchors', () => {
  it('are the keys of which a match must hold one', () => {
    expect(compileQuery('danga').anchors).toEqual(['dnga']);
    expect(compileQuery('दंगा OR riot').anchors?.sort()).toEqual(['dnga', 'riot']);
    expect(compileQuery('(danga OR riot OR loot) AND police').anchors).toEqual(['pulis']);
    expect(compileQuery('#DelhiRiots lang:hi').anchors).toEqual([`#${wordKey('delhiriots')}`]);
    expect(compileQuery('@DelhiPolice').anchors).toEqual(['@delhipolice']);
    // A wildcard is filed under two letters of its key and three of its spelling.
    expect(compileQuery('dang*').anchors?.sort()).toEqual(['^dan', '~dn']);
    expect(compileQuery('dang* OR riot').anchors?.sort()).toEqual(['^dan', 'riot', '~dn']);
    expect(compileQuery('#delhi*').anchors?.sort()).toEqual(['#^del', '#~di']);
    expect(compileQuery('@dcp*').anchors).toEqual(['@^dcp']);
    expect(compileQuery('danga NOT riot').anchors).toEqual(['dnga']);
    expect(compileQuery('dang* AND riot').anchors).toEqual(['riot']);
  });
});
