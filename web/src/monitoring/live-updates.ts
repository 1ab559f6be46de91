import type { MentionPollPage, MentionSummary } from '../api/monitoring.js';
import { laterCursor, retryDelayMs } from './stream-state.js';

export interface LiveUpdateDeps {
  /** One long-poll request: mentions newer than `after`. */
  fetchPage: (after: string) => Promise<MentionPollPage>;
  onMentions: (mentions: MentionSummary[]) => void;
  /** The error of a failed request, or null once a request succeeds again. */
  onError: (err: unknown) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Pause between answered polls when the server has no more waiting (it already held the request open). */
export const POLL_GAP_MS = 250;

/**
 * Keeps one long-poll request open at a time from `after`, handing new mentions on and moving
 * the cursor forward; a failed request is retried with back-off. Returns the function that stops
 * it: no callback runs after that, even for a request still on its way.
 */
export function startLiveUpdates(after: string, deps: LiveUpdateDeps): () => void {
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let stopped = false;
  let timer: unknown = null;
  let failures = 0;
  let cursor = after;

  const step = () => {
    timer = null;
    deps
      .fetchPage(cursor)
      .then((page) => {
        if (stopped) return;
        if (failures > 0) deps.onError(null);
        failures = 0;
        if (page.mentions.length > 0) deps.onMentions(page.mentions);
        cursor = laterCursor(cursor, page.cursor) ?? cursor;
        timer = setTimer(step, page.more ? 0 : POLL_GAP_MS);
      })
      .catch((err: unknown) => {
        if (stopped) return;
        failures += 1;
        deps.onError(err);
        timer = setTimer(step, retryDelayMs(failures));
      });
  };
  step();
  return () => {
    stopped = true;
    if (timer !== null) clearTimer(timer);
  };
}
