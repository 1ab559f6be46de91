/**
 * Tokeniser for social-media text in Hindi, English and Hinglish. Offsets are UTF-16 indices into
 * the input, so `text.slice(start, end) === token.text`. Words are runs of letters, marks and
 * digits (never `\w`, which would cut Devanagari at every vowel sign).
 */

export type TokenKind = 'word' | 'hashtag' | 'mention' | 'url' | 'emoji' | 'number' | 'punct';

export interface Token {
  text: string;
  kind: TokenKind;
  start: number;
  end: number;
}

// One pass with alternatives in priority order; the group that matched gives the kind.
// 1 url · 2 placeholder url · 3 placeholder user · 4 mention · 5 hashtag · 6 emoji · 7 word · 8 punct
const TOKEN = new RegExp(
  [
    String.raw`((?:https?:\/\/|www\.)[^\s<>"]+)`,
    String.raw`(_url_)`,
    String.raw`(_user_)`,
    String.raw`(@[\p{L}\p{M}\p{N}_]+)`,
    String.raw`(#[\p{L}\p{M}\p{N}_]+)`,
    String.raw`(\p{RI}\p{RI}|(?:\p{Extended_Pictographic}|[#*0-9]\uFE0F?\u20E3)(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*)*)`,
    String.raw`([\p{L}\p{M}\p{N}]+)`,
    String.raw`([^\s\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{RI}]+?(?=[\s\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{RI}#@_]|$)|[^\s\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{RI}])`,
  ].join('|'),
  'gu',
);
const ALL_DIGITS = /^[\p{N}]+$/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const t = m[0];
    const start = m.index;
    let kind: TokenKind;
    if (m[7] !== undefined) kind = ALL_DIGITS.test(t) ? 'number' : 'word';
    else if (m[1] !== undefined || m[2] !== undefined) kind = 'url';
    else if (m[3] !== undefined || m[4] !== undefined) kind = 'mention';
    else if (m[5] !== undefined) kind = 'hashtag';
    else if (m[6] !== undefined) kind = 'emoji';
    else kind = 'punct';
    out.push({ text: t, kind, start, end: start + t.length });
  }
  return out;
}
