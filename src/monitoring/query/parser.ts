/**
 * Recursive-descent parser of the watch query language:
 *
 *   query   := or
 *   or      := and ( "OR" and )*
 *   and     := unary ( ["AND"] unary )*          juxtaposition is AND
 *   unary   := "NOT" unary | near
 *   near    := primary ( "NEAR/n" primary )*      words, phrases, #tags or OR-groups of them
 *   primary := "(" or ")" | "phrase" | word | word* | #tag | @handle | lang:v | unit:v | platform:v
 *
 * Every error names the offset where the query goes wrong (see `QuerySyntaxError`).
 */
import { tokenize } from '../../nlp/text/tokenize.js';
import { isPositional, type FieldName, type QueryNode, type WordPattern } from './ast.js';
import { QuerySyntaxError } from './errors.js';
import { lex, type LexToken } from './lexer.js';
import { prefixKey, wordKey } from './word-key.js';

export const LANG_VALUES: Record<string, string> = { hi: 'hi', en: 'en', 'hi-latn': 'hi-Latn', other: 'other' };
const UNIT_VALUE = /^[A-Za-z0-9_-]{1,32}$/;
const PLATFORM_VALUE = /^[a-z][a-z0-9_]{0,31}$/;
const HANDLE_BODY = /^[\p{L}\p{M}\p{N}_]+$/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const MIN_PREFIX = 3;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const MAX_DEPTH = 40;
const MAX_TERMS = 500;

export function parseQuery(query: string): QueryNode {
  return new Parser(query).parse();
}

class Parser {
  private readonly toks: LexToken[];
  private at = 0;
  private depth = 0;
  private terms = 0;

  constructor(private readonly query: string) {
    this.toks = lex(query);
  }

  parse(): QueryNode {
    const first = this.peek();
    if (first.kind === 'end') throw new QuerySyntaxError(0, 'the query is empty');
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.kind === 'rparen') throw new QuerySyntaxError(rest.pos, 'this ) closes no (');
    if (rest.kind !== 'end') throw new QuerySyntaxError(rest.pos, `unexpected ${describe(rest)}`);
    if (matchesWithoutContent(node)) {
      throw new QuerySyntaxError(node.pos, 'the query needs a word, phrase, #hashtag or @handle that is not under NOT (it would match almost everything)');
    }
    return node;
  }

  private peek(): LexToken {
    return this.toks[this.at]!;
  }

  private next(): LexToken {
    return this.toks[this.at++]!;
  }

  private startsUnary(t: LexToken): boolean {
    return t.kind === 'lparen' || t.kind === 'phrase' || t.kind === 'word' || t.kind === 'field' || t.kind === 'not';
  }

  private expectAfter(op: LexToken): void {
    const t = this.peek();
    if (this.startsUnary(t)) return;
    const where = t.kind === 'end' ? 'the query ends' : `found ${describe(t)}`;
    throw new QuerySyntaxError(t.pos, `expected a term after ${op.text} (${where})`);
  }

  private parseOr(): QueryNode {
    const first = this.parseAnd();
    const children = [first];
    while (this.peek().kind === 'or') {
      const op = this.next();
      this.expectAfter(op);
      children.push(this.parseAnd());
    }
    return children.length === 1 ? first : { type: 'or', pos: first.pos, children };
  }

  private parseAnd(): QueryNode {
    const first = this.parseUnary();
    const children = [first];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'and') {
        this.next();
        this.expectAfter(t);
        children.push(this.parseUnary());
      } else if (this.startsUnary(t)) {
        children.push(this.parseUnary());
      } else break;
    }
    return children.length === 1 ? first : { type: 'and', pos: first.pos, children };
  }

  private parseUnary(): QueryNode {
    const t = this.peek();
    if (t.kind === 'not') {
      this.next();
      this.expectAfter(t);
      return { type: 'not', pos: t.pos, child: this.parseUnary() };
    }
    return this.parseNear();
  }

  private parseNear(): QueryNode {
    let left = this.parsePrimary();
    while (this.peek().kind === 'near') {
      const op = this.next() as Extract<LexToken, { kind: 'near' }>;
      const t = this.peek();
      if (!(t.kind === 'lparen' || t.kind === 'phrase' || t.kind === 'word' || t.kind === 'field')) {
        const where = t.kind === 'end' ? 'the query ends' : `found ${describe(t)}`;
        throw new QuerySyntaxError(t.pos, `expected a word or phrase after ${op.text} (${where})`);
      }
      if (!isPositional(left)) throw new QuerySyntaxError(left.pos, `${op.text} joins words, phrases or #hashtags; this side is not one`);
      const right = this.parsePrimary();
      if (!isPositional(right)) throw new QuerySyntaxError(right.pos, `${op.text} joins words, phrases or #hashtags; this side is not one`);
      left = { type: 'near', pos: left.pos, distance: op.distance, left, right };
    }
    return left;
  }

  private parsePrimary(): QueryNode {
    const t = this.next();
    switch (t.kind) {
      case 'lparen': {
        if (++this.depth > MAX_DEPTH) throw new QuerySyntaxError(t.pos, `parentheses are nested more than ${MAX_DEPTH} deep`);
        if (this.peek().kind === 'rparen') throw new QuerySyntaxError(this.peek().pos, 'expected a term after ( (the parentheses are empty)');
        this.expectAfter(t);
        const inner = this.parseOr();
        const close = this.peek();
        if (close.kind !== 'rparen') {
          const where = close.kind === 'end' ? 'the query ends' : `found ${describe(close)}`;
          throw new QuerySyntaxError(close.kind === 'end' ? t.pos : close.pos, `the ( at ${t.pos} is not closed (${where})`);
        }
        this.next();
        this.depth--;
        return inner;
      }
      case 'phrase':
        return this.phrase(t);
      case 'word':
        return this.word(t);
      case 'field':
        return this.field(t);
      case 'rparen':
        throw new QuerySyntaxError(t.pos, 'this ) closes no (');
      case 'and':
      case 'or':
      case 'near':
        throw new QuerySyntaxError(t.pos, `expected a term before ${t.text}`);
      case 'end':
        throw new QuerySyntaxError(t.pos, 'expected a term (the query ends)');
      default:
        throw new QuerySyntaxError(t.pos, `unexpected ${describe(t)}`);
    }
  }

  private count(pos: number): void {
    if (++this.terms > MAX_TERMS) throw new QuerySyntaxError(pos, `the query has more than ${MAX_TERMS} terms`);
  }

  private phrase(t: Extract<LexToken, { kind: 'phrase' }>): QueryNode {
    this.count(t.pos);
    const words = wordsOf(t.body, t.bodyPos);
    if (words.length === 0) throw new QuerySyntaxError(t.pos, 'the phrase has no words');
    if (words.length === 1) return { type: 'term', pos: t.pos, word: words[0]! };
    return { type: 'phrase', pos: t.pos, words };
  }

  private word(t: Extract<LexToken, { kind: 'word' }>): QueryNode {
    this.count(t.pos);
    const text = t.text;
    const star = text.indexOf('*');
    if (star >= 0 && star !== text.length - 1) throw new QuerySyntaxError(t.pos + star, 'a wildcard * is allowed only at the end of a word');
    const prefix = star >= 0;
    const body = prefix ? text.slice(0, -1) : text;
    if (body.startsWith('#') || body.startsWith('@')) {
      const name = body.slice(1);
      if (!HANDLE_BODY.test(name)) {
        throw new QuerySyntaxError(t.pos, `${body[0] === '#' ? 'a #hashtag' : 'an @handle'} is letters, digits and _ after the ${body[0]}`);
      }
      if (prefix && [...name].length < MIN_PREFIX) throw new QuerySyntaxError(t.pos + star, `a wildcard needs at least ${MIN_PREFIX} letters before it`);
      if (body[0] === '#') {
        const raw = name.normalize('NFC').toLowerCase();
        return { type: 'hashtag', pos: t.pos, tag: { raw, key: prefix ? prefixKey(raw) : wordKey(raw), prefix } };
      }
      return { type: 'handle', pos: t.pos, handle: name.toLowerCase(), prefix };
    }
    const words = wordsOf(text, t.pos);
    if (words.length === 0) throw new QuerySyntaxError(t.pos, `"${text}" has no letters or digits`);
    if (words.length === 1) return { type: 'term', pos: t.pos, word: words[0]! };
    return { type: 'phrase', pos: t.pos, words };
  }

  private field(t: Extract<LexToken, { kind: 'field' }>): QueryNode {
    this.count(t.pos);
    const name = t.name.toLowerCase();
    if (name !== 'lang' && name !== 'unit' && name !== 'platform') {
      throw new QuerySyntaxError(t.pos, `unknown field "${t.name}:"; the fields are lang:, unit: and platform:`);
    }
    if (t.value === '') throw new QuerySyntaxError(t.valuePos, `expected a value after ${t.name}:`);
    const values: string[] = [];
    let offset = t.valuePos;
    for (const part of t.value.split(/[|,]/)) {
      if (part === '') throw new QuerySyntaxError(offset, `expected a value after ${t.name}: (two separators in a row)`);
      values.push(fieldValue(name, part, offset));
      offset += part.length + 1;
    }
    return { type: 'field', pos: t.pos, field: name, values };
  }
}

function fieldValue(field: FieldName, value: string, pos: number): string {
  switch (field) {
    case 'lang': {
      const v = LANG_VALUES[value.toLowerCase()];
      if (!v) throw new QuerySyntaxError(pos, `unknown language "${value}"; use hi, en, hi-Latn or other`);
      return v;
    }
    case 'unit':
      if (!UNIT_VALUE.test(value)) throw new QuerySyntaxError(pos, `"${value}" is not a unit id`);
      return value;
    case 'platform': {
      const v = value.toLowerCase();
      if (!PLATFORM_VALUE.test(v)) throw new QuerySyntaxError(pos, `"${value}" is not a platform name`);
      return v;
    }
  }
}

/**
 * The words of a term or phrase as the text tokeniser sees them (so "co-op" is the phrase
 * "co op", as it would be in a post). A `*` right after a word makes it a prefix.
 */
function wordsOf(written: string, base: number): WordPattern[] {
  // Zero-width characters are dropped as in the text (see features.ts); `at` maps back to offsets.
  const at: number[] = [];
  let text = '';
  for (let i = 0; i < written.length; i++) {
    if (ZERO_WIDTH.test(written[i]!)) continue;
    at.push(i);
    text += written[i];
  }
  at.push(written.length);
  const pos = (i: number) => base + at[i]!;
  const out: WordPattern[] = [];
  for (const tok of tokenize(text)) {
    if (tok.kind === 'punct') {
      const star = tok.text.indexOf('*');
      if (star < 0) continue;
      const starAt = tok.start + star;
      const prevIsWord = starAt > 0 && WORD_CHAR.test(text[starAt - 1]!);
      if (!prevIsWord || (starAt + 1 < text.length && WORD_CHAR.test(text[starAt + 1]!))) {
        throw new QuerySyntaxError(pos(starAt), 'a wildcard * is allowed only at the end of a word');
      }
      continue;
    }
    if (tok.kind === 'url') throw new QuerySyntaxError(pos(tok.start), 'a link is not matched (links are not among a mention\'s words); use its words');
    if (tok.kind !== 'word' && tok.kind !== 'number' && tok.kind !== 'hashtag' && tok.kind !== 'mention') continue;
    const body = tok.kind === 'hashtag' || tok.kind === 'mention' ? tok.text.slice(1) : tok.text;
    const prefix = text[tok.end] === '*';
    if (prefix && tok.end + 1 < text.length && WORD_CHAR.test(text[tok.end + 1]!)) {
      throw new QuerySyntaxError(pos(tok.end), 'a wildcard * is allowed only at the end of a word');
    }
    if (prefix && [...body].length < MIN_PREFIX) throw new QuerySyntaxError(pos(tok.end), `a wildcard needs at least ${MIN_PREFIX} letters before it`);
    const raw = body.normalize('NFC').toLowerCase();
    out.push({ raw, key: prefix ? prefixKey(raw) : wordKey(raw), prefix });
  }
  return out;
}

/** True when the node can match a text that contains none of its words (NOT x, or a field alone). */
function matchesWithoutContent(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
    case 'phrase':
    case 'hashtag':
    case 'handle':
    case 'near':
      return false;
    case 'field':
    case 'not':
      return true;
    case 'and':
      return node.children.every(matchesWithoutContent);
    case 'or':
      return node.children.some(matchesWithoutContent);
  }
}

function describe(t: LexToken): string {
  switch (t.kind) {
    case 'end':
      return 'the end of the query';
    case 'rparen':
      return ')';
    case 'lparen':
      return '(';
    default:
      return `"${t.text}"`;
  }
}
