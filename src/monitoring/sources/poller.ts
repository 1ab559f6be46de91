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
}

/** GET with a time limit; a non-2xx answer (other than 304) is an error with the status. */
export async function getWithTimeout(deps: PollDeps, url: string, headers: Record<string, string> = {}, timeoutMs = 15_000): Promise<Response> {
  const res = await deps.fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (res.status === 304) return res;
  if (!res.ok) throw new SourceFetchError(`${url} answered ${res.status} ${res.statusText}`);
  return res;
}
