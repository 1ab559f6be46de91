import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/db.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { SourceRunner } from './runner.js';
import { insertSource, listPolledSources, listSourceHealth, setEnabled, type SourceRow } from './source-repository.js';

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
    expect(await runner().runSource(source)).toMatchObject({ items: 0, error: 'not an RSS or Atom feed: its root element is <html>' });
    expect(published).toHaveLength(0);
    let h = await health();
    expect(h).toMatchObject({ lastSuccessAt: null, lastError: 'not an RSS or Atom feed: its root element is <html>', consecutiveFailures: 1 });

    answers = [() => new Response(FEED, { status: 200, headers: { 'content-type': 'application/rss+xml', etag: '"v1"' } })];
    expect(await runner().runSource(source)).toEqual({ items: 2, error: null });
    expect(published.map((m) => m.externalId.split('@')[0])).toEqual(['adv-1', 'adv-2']);
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

  it('leaves a failing source alone until its retry time: the backoff, or the Retry-After of a 429', async () => {
    const polled = async () => (await listPolledSources(t.db)).find((s) => s.id === source.id)!;
    // Two failures in a row so far: the third waits four poll intervals (60 s doubled twice).
    answers = [() => new Response('slow down', { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '900' } })];
    const before = Date.now();
    const run = await runner().runSource(await polled());
    expect(run.error).toBe('https://traffic.example/feed.xml answered 429 Too Many Requests');
    const wait = run.retryAt!.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(900_000);
    expect(wait).toBeLessThan(905_000);
    const h = await health();
    expect(h).toMatchObject({ consecutiveFailures: 3 });
    expect(h.retryAt?.getTime()).toBe(run.retryAt!.getTime());
    expect((await polled()).retryAt?.getTime()).toBe(run.retryAt!.getTime());

    // Two minutes on, past its 60-second interval, a tick still polls nothing: the retry time
    // has not come (the fake fetch would be asked otherwise).
    await t.db.execute("UPDATE source_health SET last_run_at = now() - interval '2 minutes', last_error_at = now() - interval '2 minutes' WHERE source_id = $1", [source.id]);
    await t.db.execute("UPDATE sources SET updated_at = now() - interval '3 minutes' WHERE id = $1", [source.id]);
    answers = [];
    asked.length = 0;
    const r = runner();
    await r.tick();
    await new Promise((res) => setTimeout(res, 50));
    await r.stop();
    expect(asked).toHaveLength(0);

    // Switched off and on again, the source is due at once and a success clears the retry time.
    await setEnabled(t.db, source.id, false);
    await new Promise((res) => setTimeout(res, 5));
    await setEnabled(t.db, source.id, true);
    expect((await polled()).retryAt).toBeNull();
    answers = [() => new Response(FEED, { status: 200, headers: { etag: '"v2"' } })];
    const again = runner();
    await again.tick();
    // The tick starts the run without waiting for it.
    for (let i = 0; i < 200 && (await health()).consecutiveFailures > 0; i++) await new Promise((res) => setTimeout(res, 10));
    await again.stop();
    expect(asked).toEqual(['"v1"']);
    expect(await health()).toMatchObject({ consecutiveFailures: 0, retryAt: null });
  });
});
