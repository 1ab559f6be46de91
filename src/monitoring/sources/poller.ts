import type { IncomingMention } from '../mentions/incoming.js';
import type { SourceRow } from './source-repository.js';

/** One page of a pulled source. */
export interface PollPage {
  items: IncomingMention[];
  /** Where the next poll starts; saved once `items` are safe in the stream. */
  cursor: string | null;
  /** More is waiting right now: poll again without waiting for the schedule. */
  more: boolean;
}

export interface PollDeps {
  /** Outbound HTTP (the global fetch by default; tests pass a fake). */
  fetch: typeof fetch;
  sandboxUrl: string;
}

/** A pulled source kind: fetches the page after a cursor. It never touches the database. */
export interface Poller {
  kind: string;
  poll(source: SourceRow, cursor: string | null, deps: PollDeps): Promise<PollPage>;
}

export class SourceFetchError extends Error {
  override name = 'SourceFetchError';

  constructor(
    message: string,
    /** Seconds the source's server asked to be left alone (`Retry-After`), when it said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** The longest `Retry-After` honoured: a day. */
const RETRY_AFTER_MAX = 86_400;

/**
 * Seconds from `now` that a `Retry-After` header asks for (RFC 9110: a number of seconds or an
 * HTTP date), at most a day; null when there is none or it cannot be read.
 */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const text = header.trim();
  let seconds: number;
  if (/^\d+$/.test(text)) seconds = Number(text);
  else {
    // An HTTP date names its day and month ("Sun, 29 Nov 2026 04:10:00 GMT").
    if (!/[A-Za-z]/.test(text)) return null;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    seconds = Math.ceil((at - now) / 1000);
  }
  return Math.min(Math.max(seconds, 0), RETRY_AFTER_MAX);
}

/** GET with a time limit; a non-2xx answer (other than 304) is an error with the status and any `Retry-After`. */
export async function getWithTimeout(deps: PollDeps, url: string, headers: Record<string, string> = {}, timeoutMs = 15_000): Promise<Response> {
  const res = await deps.fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (res.status === 304) return res;
  if (!res.ok) throw new SourceFetchError(`${url} answered ${res.status} ${res.statusText}`, retryAfterSeconds(res.headers.get('retry-after')));
  return res;
}
