import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyst } from './api-session.js';
import { openPage, tearDown } from './browser.js';
import { ensureBuilt, freePort, repoRoot, startServer, type ServerProcess } from './server-process.js';

/**
 * Managing sources in the browser on the real server: the admin adds an RSS feed served by a
 * small feed server this test starts, sees it polled and its items counted, adds a webhook and
 * reads its secret once, uploads a CSV file with one bad line and reads the line report (with a
 * hostile file name shown as text), and switches the feed off. Then an analyst's stream shows the
 * hostile text the feed and the file brought as text, and nothing runs.
 */

const PASSWORD = `e2e-${randomBytes(12).toString('base64url')}-Strong!`;
const shots = join(repoRoot, 'test-results');
const HOSTILE_NAME = '<img src=x onerror="window.__xss=1">.csv';

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Traffic advisories</title><link>https://traffic.example/</link>
<item><guid>adv-1</guid><title>Ring Road closed near ITO</title><description>Diversions in place till evening.</description><pubDate>Sat, 28 Nov 2026 09:00:00 GMT</pubDate></item>
<item><guid>adv-2</guid><title>रिंग रोड पर जाम &amp;lt;img src=x onerror="window.__xss=1"&amp;gt;</title><description><![CDATA[आईटीओ के पास यातायात धीमा है। <script>window.__xss=1</script><img src=x onerror="window.__xss=1">]]></description><pubDate>Sat, 28 Nov 2026 09:30:00 GMT</pubDate></item>
</channel></rss>`;

// Hostile text in a row and in an author's name: stored as written, shown as text.
const CSV_SCRIPT = '<script>window.__xss=1</script>';
const CSV = [
  'external_id,author,text,created_at',
  `csv-1,@resident,"Street lights out in Rohini sector 3 ${CSV_SCRIPT}",2026-11-28T08:00:00Z`,
  'csv-2,@walker,too,many,fields',
  `csv-3,"<img src=x onerror=""window.__xss=1"">",Pothole near the metro station,2026-11-28T08:30:00Z`,
  '',
].join('\n');

let dataDir: string;
let server: ServerProcess | null = null;
let feedServer: Server | null = null;
let feedUrl: string;
let feedHits = 0;
let browser: Browser | null = null;
let page: Page;
let pageErrors: string[] = [];
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'chhavi-e2e-src-'));
  const feedPort = await freePort();
  feedServer = createServer((req, res) => {
    if (req.url !== '/feed.xml') {
      res.writeHead(404).end();
      return;
    }
    feedHits++;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(FEED);
  });
  await new Promise<void>((resolve) => feedServer!.listen(feedPort, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${feedPort}/feed.xml`;

  server = await startServer({ dataDir, port: await freePort(), adminPassword: PASSWORD });
  ({ browser, page, pageErrors } = await openPage(server.baseUrl, { width: 1366, height: 900 }));
}, 600_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (feedServer ? feedServer.close(() => resolve()) : resolve()));
  await tearDown(browser, server, dataDir);
}, 60_000);

describe('managing sources in the browser', () => {
  it('adds a feed that is polled, a webhook with its secret once, imports a file with a line report, and switches the feed off', async () => {
    await page.goto('/');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Sources', exact: true }).click();

    // A feed address with a password in it is refused before anything is sent.
    const add = page.getByTestId('source-add');
    await add.getByLabel('Name', { exact: true }).fill('Traffic advisories');
    await add.getByLabel('Feed address').fill('https://user:secret@traffic.example/feed.xml');
    await add.getByRole('button', { name: 'Add source' }).click();
    await eventually(() => add.locator('.field-error').textContent()).toBe('Remove the user name and password from the address.');

    await add.getByLabel('Feed address').fill(feedUrl);
    await add.getByLabel('Seconds between reads').fill('30');
    await add.getByRole('button', { name: 'Add source' }).click();
    await eventually(() => add.getByRole('status').first().textContent()).toContain('Source Traffic advisories added.');

    // The runner reads the feed at once: its two items are counted and the source is healthy.
    const table = page.getByTestId('sources-table');
    const feedRow = table.locator('tr', { hasText: 'Traffic advisories' });
    await eventually(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      return feedRow.locator('td[data-label="Items"]').textContent();
    }).toBe('2');
    expect(feedHits).toBeGreaterThan(0);
    expect(await feedRow.getAttribute('data-state')).toBe('ok');
    expect(await feedRow.textContent()).toContain(feedUrl);

    // A webhook: the secret and the address to post to, shown once.
    await add.getByLabel('Kind').selectOption('webhook');
    await add.getByLabel('Name', { exact: true }).fill('Partner desk');
    await add.getByRole('button', { name: 'Add source' }).click();
    const secret = add.getByTestId('webhook-secret');
    await eventually(() => secret.getByTestId('secret-value').textContent()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const shown = (await secret.getByTestId('secret-value').textContent())!;
    expect(await secret.getByTestId('webhook-url').textContent()).toMatch(new RegExp(`^${server!.baseUrl}/api/v1/monitoring/webhooks/[0-9a-f-]{36}$`));
    await eventually(() => table.locator('tr', { hasText: 'Partner desk' }).count()).toBe(1);
    expect(await table.textContent()).not.toContain(shown);

    // Import a CSV file with one bad line: the report names the line and why; good rows are kept.
    const panel = page.getByTestId('import-panel');
    await panel.locator('input[type="file"]').setInputFiles({ name: HOSTILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await panel.getByRole('button', { name: 'Upload and import' }).click();
    const report = panel.getByTestId('import-report');
    await eventually(() => report.textContent()).toContain('3 rows read, 2 imported, 1 rejected.');
    expect(await report.getByTestId('import-rejects').textContent()).toBe('Line 3: expected 4 fields, found 5');
    expect(await report.locator('h3').textContent()).toBe(HOSTILE_NAME);
    expect(await report.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.screenshot({ path: join(shots, 'monitoring-sources.png'), fullPage: true });

    // The same file again stores nothing twice: it resumes after its last line.
    await panel.getByRole('button', { name: 'Upload and import' }).click();
    await eventually(() => report.textContent()).toContain('3 rows read, 0 imported, 1 rejected.');
    expect(await report.textContent()).toContain('had reached line 4');

    // Switched off, the feed shows as disabled.
    await feedRow.getByRole('button', { name: 'Switch off' }).click();
    await eventually(() => feedRow.getAttribute('data-state')).toBe('disabled');
    await eventually(() => feedRow.getByRole('button').nth(1).textContent()).toBe('Switch on');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("shows what the feed and the file brought in an analyst's stream as text: no markup, no script run", async () => {
    await createAnalyst(server!.baseUrl, PASSWORD, { username: 'src-analyst', displayName: 'Source analyst', password: PASSWORD });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').fill('src-analyst');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stream', exact: true }).click();
    const stream = page.getByTestId('stream');
    // The feed's two items and the file's two good rows.
    await eventually(() => stream.getByTestId('mention').count()).toBe(4);
    // The feed's HTML was reduced to its text; the tag written out as text in its title stays text.
    const fromFeed = stream.locator('[data-testid="mention"]', { hasText: 'रिंग रोड पर जाम' });
    expect(await fromFeed.textContent()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await fromFeed.textContent()).toContain('आईटीओ के पास यातायात धीमा है।');
    const fromFile = stream.locator('[data-testid="mention"]', { hasText: 'Street lights out in Rohini' });
    expect(await fromFile.textContent()).toContain(CSV_SCRIPT);
    expect(await stream.locator('[data-testid="mention"]', { hasText: 'Pothole near the metro station' }).textContent()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await stream.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
