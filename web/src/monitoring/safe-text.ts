/**
 * Untrusted text from social media, prepared for React to render as text: nothing here builds
 * HTML. Only http and https addresses ever become links; anything else (javascript:, data:,
 * vbscript:, relative paths) stays plain text.
 */

/** The address as a link target when it is an absolute http(s) URL, else null. */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  // Control characters and spaces inside a scheme are how `java\tscript:` slips past naive checks.
  if (!/^https?:\/\//i.test(trimmed) || /\s/.test(trimmed) || hasControl(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]}]+$/;

/** Splits text into plain parts and http(s) links, keeping every character of the original. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const start = m.index;
    let candidate = m[0];
    const trail = TRAILING.exec(candidate);
    if (trail) candidate = candidate.slice(0, candidate.length - trail[0].length);
    const href = safeHref(candidate);
    if (!href || candidate.length === 0) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** A payload as pretty-printed JSON text (for evidence views); never throws. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    // A payload that cannot be printed (a cycle) shows nothing rather than a misleading text.
    return '';
  }
}

/** Label scores from a mention's `scores` when they are a map of numbers, highest first. */
export function labelScores(scores: unknown): { label: string; score: number }[] {
  if (!scores || typeof scores !== 'object' || Array.isArray(scores)) return [];
  return Object.entries(scores as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .map(([label, score]) => ({ label, score }))
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}
