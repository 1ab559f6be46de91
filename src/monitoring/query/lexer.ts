import { QuerySyntaxError } from './errors.js';

/**
 * The lexical units of a watch query. Operators are upper case (`AND`, `OR`, `NOT`, `NEAR/n`):
 * lower-case "and", "or" and "not" are ordinary words, as in Brandwatch and Talkwalker.
 */
export type LexToken =
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not'; pos: number; text: string }
  | { kind: 'near'; pos: number; text: string; distance: number }
  | { kind: 'phrase'; pos: number; text: string; body: string; bodyPos: number }
  | { kind: 'word'; pos: number; text: string }
  | { kind: 'field'; pos: number; text: string; name: string; value: string; valuePos: number }
  | { kind: 'end'; pos: number; text: string };

export const MAX_NEAR = 100;
export const MAX_QUERY_LENGTH = 4000;

const SPACE = /\s/u;
// `NEAR`, `NEAR/` and `NEAR/` with anything after it: whatever follows the slash must be a distance.
const NEAR = /^NEAR(?:\/(.*))?$/s;
const FIELD = /^([A-Za-z]+):(.*)$/s;

/** Splits a query into tokens; throws a `QuerySyntaxError` for an unterminated phrase or a bad NEAR. */
export function lex(query: string): LexToken[] {
  if (query.length > MAX_QUERY_LENGTH) throw new QuerySyntaxError(MAX_QUERY_LENGTH, `the query is longer than ${MAX_QUERY_LENGTH} characters`);
  const out: LexToken[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i]!;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ kind: ch === '(' ? 'lparen' : 'rparen', pos: i, text: ch });
      i++;
      continue;
    }
    if (ch === '"' || ch === '“' || ch === '”') {
      const close = findClosingQuote(query, i + 1);
      if (close < 0) throw new QuerySyntaxError(i, 'a phrase is opened here and never closed (a " is missing)');
      out.push({ kind: 'phrase', pos: i, text: query.slice(i, close + 1), body: query.slice(i + 1, close), bodyPos: i + 1 });
      i = close + 1;
      continue;
    }
    // A bare run up to a space, a parenthesis or a quote.
    let j = i;
    while (j < n && !SPACE.test(query[j]!) && query[j] !== '(' && query[j] !== ')' && query[j] !== '"' && query[j] !== '“' && query[j] !== '”') j++;
    const text = query.slice(i, j);
    if (text === 'AND' || text === 'OR' || text === 'NOT') {
      out.push({ kind: text === 'AND' ? 'and' : text === 'OR' ? 'or' : 'not', pos: i, text });
    } else if (NEAR.test(text)) {
      const digits = NEAR.exec(text)![1];
      if (digits === undefined || digits === '') throw new QuerySyntaxError(i, 'NEAR needs a distance in words, as NEAR/5');
      if (!/^\d+$/.test(digits)) throw new QuerySyntaxError(i + 5, `the distance of NEAR is a number of words, as NEAR/5, not "${digits}"`);
      const distance = Number(digits);
      if (distance < 1 || distance > MAX_NEAR) throw new QuerySyntaxError(i + 5, `the distance of NEAR must be from 1 to ${MAX_NEAR}`);
      out.push({ kind: 'near', pos: i, text, distance });
    } else {
      const field = FIELD.exec(text);
      // `http://…` and `10:30` are words; a field name is letters only, then a colon.
      if (field && !text.includes('://')) {
        out.push({ kind: 'field', pos: i, text, name: field[1]!, value: field[2]!, valuePos: i + field[1]!.length + 1 });
      } else {
        out.push({ kind: 'word', pos: i, text });
      }
    }
    i = j;
  }
  out.push({ kind: 'end', pos: n, text: '' });
  return out;
}

function findClosingQuote(s: string, from: number): number {
  for (let k = from; k < s.length; k++) {
    const c = s[k];
    if (c === '"' || c === '”' || c === '“') return k;
  }
  return -1;
}
