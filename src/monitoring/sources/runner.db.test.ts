import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/db.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { SourceRunner } from './runner.js';
import { insertSource, listSourceHealth, type SourceRow } from './source-repository.js';

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Traffic advisories</title>
  <item><guid>adv-1</guid><title>ITO पर जाम</title><link>https://traffic.example/1</link><pubDate>Sun, 29 Nov 2026 03:00:00 GMT</pubDate></item>
  <item><guid>adv-2</guid><title>Vikas Marg closed for repairs</title><link>https://traffic.example/2</link><pubDate>Sun, 29 Nov 2026 03:05:00 GMT</pubDate></item>
</channel></rss>`;

let t: TestDatabase;
let source: SourceRow;

/** What the feed's address answers, in turn; every request's If-None-Match is kept. */
let answers: (() => Response)[] = [];
const asked: (string | null)[] = [];
const fakeFetch = (async (_url: string, init?: RequestInit) => {
  asked.push(new Headers(init?.headers).get('if-none-match'));
  const next = answers.shift();
  if (!next) throw new Error('the test gave no answer for this request');
  return next();
}) as typeof fetch;

const published: IncomingMention[] = [];
function runner(): SourceRunner {
  return new SourceRunner({ db: t.db, logger: silentLogger, publish: async (items) => void published.push(...items), poll: { fetch: fakeFetch, sandboxUrl: 'http://127.0.0.1:9' } });
}

async function health() {
  const [h] = (await listSourceHealth(t.db, null)).filter((s) => s.id === source.id);
  return h!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  source = await insertSource(t.db, { kind: 'rss', name: 'Traffic advisories', unitIds: [], config: { url: 'https://traffic.example/feed.xml' }, secretEnc: null, pollSeconds: 60, createdBy: null });
});
afterAll(async () => {
  await t?.drop();
});

describe('source runner', () => {
  it('records a feed address that answers with something other than a feed as a failure, then the feed as a success', async () => {
    answers = [() => new Response('<!DOCTYPE html><html><body>Please sign in</body></html>', { status: 200, headers: { 'content-type': 'text/html' } })];
    expect(await runner().runSource(source)).toEqual({ items: 0, error: 'not an RSS or Atom feed: its root element is <html>' });
    expect(published).toHaveLength(0);
    let h = await health();
    expect(h).toMatchObject({ lastSuccessAt: null, lastError: 'not an RSS or Atom feed: its root element is <html>', consecutiveFailures: 1 });

    answers = [() => new Response(FEED, { status: 200, headers: { 'content-type': 'application/rss+xml', etag: '"v1"' } })];
    expect(await runner().runSource(source)).toEqual({ items: 2, error: null });
    expect(published.map((m) => m.externalId)).toEqual(['adv-1', 'adv-2']);
    h = await health();
    expect(h.lastSuccessAt).not.toBeNull();
    expect(h).toMatchObject({ consecutiveFailures: 0, itemsTotal: 2, cursor: JSON.stringify({ etag: '"v1"' }) });
    expect(h.lastItemAt?.toISOString()).toBe('2026-11-29T03:05:00.000Z');
  });

  it('resumes from the stored cursor after a restart: a new runner asks with the saved ETag', async () => {
    answers = [() => new Response(null, { status: 304 })];
    asked.length = 0;
    expect(await runner().runSource(source)).toEqual({ items: 0, error: null });
    expect(asked).toEqual(['"v1"']);
    expect(published).toHaveLength(2);
  });

  it('records a failing address with its status and counts the failures in a row', async () => {
    answers = [() => new Response('busy', { status: 503, statusText: 'Service Unavailable' }), () => new Response('busy', { status: 503, statusText: 'Service Unavailable' })];
    await runner().runSource(source);
    await runner().runSource(source);
    expect(await health()).toMatchObject({ lastError: 'https://traffic.example/feed.xml answered 503 Service Unavailable', consecutiveFailures: 2, itemsTotal: 2 });
  });
});
