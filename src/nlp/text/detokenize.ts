/**
 * SentiMix ships its tweets as the organisers' tokens joined by spaces (`@ user`, `# tag`,
 * `https // t . co / x`). Training on that form and serving raw posts would disagree, so training
 * text is first put back into the shape a live post has.
 */

// `https // t . co / AbC` (also with `http`, `:` kept or lost, and other hosts with dotted parts).
const SPLIT_URL =
  /\b(https?)\s*:?\s*\/\s*\/\s*((?:[\p{L}\p{N}-]+\s*\.\s*)+[\p{L}\p{N}-]+)((?:\s*\/\s*[\p{L}\p{N}_-]+)*)/gu;
// `@ name _ part` → `@name_part`; `# tag` → `#tag`.
const SPLIT_HANDLE = /(^|\s)([@#])\s+([\p{L}\p{M}\p{N}]+(?:\s*_\s*[\p{L}\p{M}\p{N}]+)*)/gu;
const INNER_SPACE = /\s+/g;
const UNDERSCORE_SPACES = /\s*_\s*/g;

export function detokenize(text: string): string {
  let s = text.replace(SPLIT_URL, (_m, scheme: string, host: string, path: string) => {
    return `${scheme}://${host.replace(INNER_SPACE, '')}${path.replace(INNER_SPACE, '')}`;
  });
  s = s.replace(SPLIT_HANDLE, (_m, lead: string, sigil: string, name: string) => {
    return `${lead}${sigil}${name.replace(UNDERSCORE_SPACES, '_')}`;
  });
  return s;
}
