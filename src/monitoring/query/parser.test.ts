import { describe, expect, it } from 'vitest';
import type { QueryNode } from './ast.js';
import { QuerySyntaxError } from './errors.js';
import { parseQuery } from './parser.js';

/** A compact rendering of a tree, to compare shapes without positions. */
function show(n: QueryNode): string {
  switch (n.type) {
    case 'term':
      return n.word.raw + (n.word.prefix ? '*' : '');
    case 'phrase':
      return `"${n.words.map((w) => w.raw + (w.prefix ? '*' : '')).join(' ')}"`;
    case 'hashtag':
      return `#${n.tag.raw}${n.tag.prefix ? '*' : ''}`;
    case 'handle':
      return `@${n.handle}${n.prefix ? '*' : ''}`;
    case 'field':
      return `${n.field}:${n.values.join('|')}`;
    case 'and':
      return `(AND ${n.children.map(show).join(' ')})`;
    case 'or':
      return `(OR ${n.children.map(show).join(' ')})`;
    case 'not':
      return `(NOT ${show(n.child)})`;
    case 'near':
      return `(NEAR/${n.distance} ${show(n.left)} ${show(n.right)})`;
  }
}

function syntaxError(q: string): QuerySyntaxError {
  try {
    parseQuery(q);
  } catch (err) {
    if (err instanceof QuerySyntaxError) return err;
    throw err;
  }
  throw new Error(`"${q}" parsed without error`);
}

describe('parseQuery: shapes', () => {
  const cases: [string, string][] = [
    ['danga', 'danga'],
    ['दंगा', 'दंगा'],
    ['danga police', '(AND danga police)'],
    ['danga AND police', '(AND danga police)'],
    ['danga OR दंगा OR riot', '(OR danga दंगा riot)'],
    ['a1 b1 OR c1', '(OR (AND a1 b1) c1)'],
    ['a1 OR b1 c1', '(OR a1 (AND b1 c1))'],
    ['(a1 OR b1) c1', '(AND (OR a1 b1) c1)'],
    ['danga NOT cricket', '(AND danga (NOT cricket))'],
    ['danga AND NOT NOT cricket', '(AND danga (NOT (NOT cricket)))'],
    ['"सब लोग घर में रहो"', '"सब लोग घर में रहो"'],
    ['"fake news" OR अफवाह', '(OR "fake news" अफवाह)'],
    ['“fake news”', '"fake news"'],
    ['"danga"', 'danga'],
    ['dang*', 'dang*'],
    ['"dang* shuru"', '"dang* shuru"'],
    ['danga NEAR/5 police', '(NEAR/5 danga police)'],
    ['danga NEAR/3 police NEAR/2 station', '(NEAR/2 (NEAR/3 danga police) station)'],
    ['(danga OR दंगा) NEAR/4 "police station"', '(NEAR/4 (OR danga दंगा) "police station")'],
    ['NOT danga NEAR/2 police cricket', '(AND (NOT (NEAR/2 danga police)) cricket)'],
    ['#DelhiRiots', '#delhiriots'],
    ['#दिल्ली_पुलिस', '#दिल्ली_पुलिस'],
    ['#delhi*', '#delhi*'],
    ['@DelhiPolice', '@delhipolice'],
    ['@dcp*', '@dcp*'],
    ['riot lang:hi|hi-Latn', '(AND riot lang:hi|hi-Latn)'],
    ['riot lang:EN', '(AND riot lang:en)'],
    ['riot unit:north-east platform:sandbox,rss', '(AND riot unit:north-east platform:sandbox|rss)'],
    ['co-operate', '"co operate"'],
    ['riot, loot', '(AND riot loot)'],
    ['and or not', '(AND and or not)'],
  ];
  for (const [q, want] of cases) {
    it(q, () => expect(show(parseQuery(q))).toBe(want));
  }
});

describe('parseQuery: errors with positions', () => {
  const cases: [string, number, RegExp][] = [
    ['', 0, /empty/],
    ['   ', 0, /empty/],
    ['danga AND', 9, /expected a term after AND/],
    ['danga police AND   ', 19, /expected a term after AND/],
    ['danga OR', 8, /expected a term after OR/],
    ['danga AND OR police', 10, /expected a term after AND/],
    ['AND danga', 0, /expected a term before AND/],
    ['OR danga', 0, /expected a term before OR/],
    ['danga NOT', 9, /expected a term after NOT/],
    ['(danga OR riot', 0, /the \( at 0 is not closed/],
    ['danga OR riot)', 13, /closes no \(/],
    ['danga ()', 7, /parentheses are empty/],
    ['"सब लोग घर', 0, /never closed/],
    ['danga "', 6, /never closed/],
    ['""', 0, /no words/],
    ['da*nga', 2, /only at the end of a word/],
    ['*danga', 0, /only at the end of a word/],
    ['"da*nga police"', 3, /only at the end of a word/],
    ['da*', 2, /at least 3 letters/],
    ['danga NEAR police', 6, /NEAR needs a distance/],
    ['danga NEAR/ police', 6, /NEAR needs a distance/],
    ['danga NEAR/x police', 11, /a number of words, as NEAR\/5, not "x"/],
    ['danga NEAR/5km police', 11, /not "5km"/],
    ['danga NEAR/0 police', 11, /from 1 to 100/],
    ['danga NEAR/500 police', 11, /from 1 to 100/],
    ['danga NEAR/3', 12, /expected a word or phrase after NEAR\/3/],
    ['lang:hi NEAR/3 police', 0, /this side is not one/],
    ['police NEAR/3 (riot AND loot)', 15, /this side is not one/],
    ['riot lang:', 10, /expected a value after lang:/],
    ['riot lang:xx', 10, /unknown language "xx"/],
    ['riot lang:hi||en', 13, /two separators/],
    ['riot foo:bar', 5, /unknown field "foo:"/],
    ['riot unit:a.b', 10, /not a unit id/],
    ['riot platform:9x', 14, /not a platform name/],
    ['#', 0, /a #hashtag is letters/],
    ['@a-b', 0, /an @handle is letters/],
    ['!!!', 0, /has no letters or digits/],
    ['riot https://example.org/x', 5, /a link is not matched/],
    ['NOT danga', 0, /not under NOT/],
    ['lang:hi', 0, /not under NOT/],
    ['danga OR NOT riot', 0, /not under NOT/],
    ['x'.repeat(4001), 4000, /longer than 4000/],
    ['('.repeat(50) + 'a' + ')'.repeat(50), 40, /nested more than 40/],
  ];
  for (const [q, pos, why] of cases) {
    it(`${q.length > 40 ? q.slice(0, 20) + '…' : JSON.stringify(q)} → ${pos}`, () => {
      const err = syntaxError(q);
      expect(err.message).toMatch(why);
      expect(err.position).toBe(pos);
      expect(err.message.endsWith(` at ${pos}`)).toBe(true);
    });
  }

  it('names the position in the message the way the editor shows it', () => {
    expect(syntaxError('danga police AND').message).toBe('expected a term after AND (the query ends) at 16');
  });

  it('turns into an AppError with code query_syntax and the position', () => {
    const e = syntaxError('danga AND').toAppError();
    expect(e.code).toBe('query_syntax');
    expect(e.status).toBe(400);
    expect(e.details).toMatchObject({ position: 9, field: 'query' });
  });
});
