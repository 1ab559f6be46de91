import type { MentionFilters, MentionSummary } from '../api/monitoring.js';

/** The stream's filter form: every field a string, '' for "any". */
export interface StreamFilterForm {
  watchId: string;
  unitId: string;
  lang: string;
  label: string;
  platform: string;
  q: string;
}

export const EMPTY_STREAM_FILTER: StreamFilterForm = { watchId: '', unitId: '', lang: '', label: '', platform: '', q: '' };

/** The most mentions the live list keeps on screen; older ones are reached with "load more". */
export const STREAM_KEEP = 500;

/** The form as API filters: blanks dropped, the search trimmed. */
export function toMentionFilters(form: StreamFilterForm): MentionFilters {
  const out: MentionFilters = {};
  const put = (key: keyof MentionFilters, value: string) => {
    const v = value.trim();
    if (v) out[key] = v;
  };
  put('watchId', form.watchId);
  put('unitId', form.unitId);
  put('lang', form.lang);
  put('label', form.label);
  put('platform', form.platform);
  put('q', form.q);
  return out;
}

/** Mention ids are decimal strings of up to 18 digits: compared as numbers without losing digits. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Live updates merged into the list: newest first, one row per id (a later version replaces the
 * earlier one), at most `keep` rows.
 */
export function mergeNewer(current: readonly MentionSummary[], incoming: readonly MentionSummary[], keep = STREAM_KEEP): MentionSummary[] {
  const byId = new Map<string, MentionSummary>();
  for (const m of current) byId.set(m.id, m);
  for (const m of incoming) {
    const had = byId.get(m.id);
    if (!had || m.version >= had.version) byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => compareIds(b.id, a.id)).slice(0, keep);
}

/** An older page appended below, skipping rows already shown. */
export function appendOlder(current: readonly MentionSummary[], older: readonly MentionSummary[]): MentionSummary[] {
  const seen = new Set(current.map((m) => m.id));
  return [...current, ...older.filter((m) => !seen.has(m.id))];
}

/** The larger of two cursors (either may be null). */
export function laterCursor(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareIds(a, b) >= 0 ? a : b;
}

/** How long to wait before polling again after a failed live-update request: 2, 4, 8 … up to 60 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, failures - 1));
}

/** The watch to filter by from `?watch=<uuid>` (the watches list links to its matches so). */
export function watchFromAddress(search: string): string {
  const value = new URLSearchParams(search).get('watch') ?? '';
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : '';
}
