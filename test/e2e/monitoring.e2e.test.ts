import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyst } from './api-session.js';
import { openPage, tearDown } from './browser.js';
import { ensureBuilt, freePort, repoRoot, startServer, untilStored, type ServerProcess } from './server-process.js';

/**
 * The monitoring journey on the real server: mentions whose text, author and address carry
 * script and event-handler payloads come in through the signed webhook, before the stream is open
 * and while it is (that one must appear without a reload); an analyst opens the
 * stream and a mention's detail and sees the payloads as text with nothing run; a watch written
 * in Devanagari refuses a broken query at its position, is saved, and its test view finds the
 * romanised mention.
 */

const PASSWORD = `e2e-${randomBytes(12).toString('base64url')}-Strong!`;
const ANALYST = 'cell.analyst';
const shots = join(repoRoot, 'test-results');

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';
const JS_LINK = 'javascript:window.__xss=1';
const ROMANISED = 'Seelampur mein danga ki afwaah phail rahi hai, police ne kaha sab shaant hai';

let dataDir: string;
let server: ServerProcess | null = null;
let browser: Browser | null = null;
let page: Page;
let webhook: { id: string; secret: string };
let pageErrors: string[] = [];
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

/** Runs the command line on the test's data folder (before the server holds the embedded database). */
function chhavi(args: string[], input?: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, CHHAVI_DEMO: '0', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  delete env.CHHAVI_DATA;
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'chhavi.js'), ...args, '--data', dataDir], { cwd: repoRoot, env, input, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`chhavi ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Pushes mentions into the webhook source, signed as an outside sender would. */
async function pushWebhook(mentions: object[]): Promise<void> {
  const body = JSON.stringify({ mentions });
  const ts = Math.floor(Date.now() / 1000);
  const signature = `sha256=${createHmac('sha256', webhook.secret).update(`${ts}.`).update(body).digest('hex')}`;
  const res = await fetch(`${server!.baseUrl}/api/v1/monitoring/webhooks/${webhook.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-chhavi-timestamp': String(ts), 'x-chhavi-signature': signature },
    body,
  });
  expect(res.status, await res.text()).toBe(202);
}

const xss = () => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'chhavi-e2e-mon-'));
  // The command line opens the webhook source while the embedded database is free; the server
  // then holds it, and everything else goes through HTTP.
  const added = chhavi(['source', 'add', 'webhook', 'Partner feed', '--platform', 'x']);
  const found = /webhooks\/([0-9a-f-]{36}); signing secret \(shown once\): (\S+)/.exec(added);
  if (!found) throw new Error(`no webhook secret in: ${added}`);
  webhook = { id: found[1]!, secret: found[2]! };

  server = await startServer({ dataDir, port: await freePort(), adminPassword: PASSWORD });
  const analyst = await createAnalyst(server.baseUrl, PASSWORD, { username: ANALYST, displayName: 'Cell analyst', password: PASSWORD });
  const now = Date.now();
  await pushWebhook([
    {
      externalId: 'xss-1',
      authorHandle: IMG,
      authorName: SCRIPT,
      url: JS_LINK,
      text: `${SCRIPT} दंगा की ख़बर ${IMG} देखें ${JS_LINK} और https://news.example/report`,
      createdAt: new Date(now - 60_000).toISOString(),
    },
    { externalId: 'roman-1', authorHandle: 'resident_ne', authorName: 'Resident', text: ROMANISED, createdAt: new Date(now - 120_000).toISOString() },
    { externalId: 'plain-1', platform: 'rss', authorHandle: 'traffic_news', text: 'Heavy traffic on Ring Road near ITO this evening', createdAt: new Date(now - 180_000).toISOString() },
  ]);
  // Accepted means safe in the stream; wait until the writer has stored them before the page opens.
  await untilStored(async () => ((await (await analyst('GET', '/monitoring/mentions')).json()) as { mentions: unknown[] }).mentions, 3);
  ({ browser, page, pageErrors } = await openPage(server.baseUrl));
}, 600_000);

afterAll(async () => {
  await tearDown(browser, server, dataDir);
}, 60_000);

describe('the monitoring screens', () => {
  it('show hostile text in the stream as text, with no script run and no unsafe link', async () => {
    await page.goto('/');
    await page.getByLabel('Username').fill(ANALYST);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Stream', exact: true }).click();

    const stream = page.getByTestId('stream');
    await eventually(() => stream.getByTestId('mention').count()).toBe(3);
    const hostile = stream.locator('[data-testid="mention"]', { hasText: 'दंगा की ख़बर' });
    const text = (await hostile.textContent()) ?? '';
    expect(text).toContain(SCRIPT);
    expect(text).toContain(IMG);
    expect(text).toContain(JS_LINK);
    // The http address is a link that opens apart; nothing else in the text became markup.
    const links = hostile.locator('p.mention-text a');
    expect(await links.count()).toBe(1);
    expect(await links.first().getAttribute('href')).toBe('https://news.example/report');
    expect(await links.first().getAttribute('rel')).toContain('noopener');
    expect(await stream.locator('img, script').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await eventually(() => page.getByTestId('live-state').textContent()).toBe('Live');
    expect(await xss()).toBeUndefined();

    // A mention pushed through the webhook while the page is open appears on top without a reload.
    await pushWebhook([{ externalId: 'hook-1', authorHandle: '<svg onload="window.__xss=1">', text: `Webhook report ${SCRIPT} ${IMG}`, url: JS_LINK }]);
    await eventually(() => stream.getByTestId('mention').count()).toBe(4);
    const pushed = stream.locator('.mention-new [data-testid="mention"]');
    expect(await pushed.count()).toBe(1);
    expect(await pushed.textContent()).toContain(`Webhook report ${SCRIPT} ${IMG}`);
    expect(await pushed.textContent()).toContain('<svg onload="window.__xss=1">');
    expect(await stream.getByTestId('mention').first().getAttribute('data-mention-id')).toBe(await pushed.getAttribute('data-mention-id'));
    expect(await stream.locator('img, script, svg').count()).toBe(0);
    expect(await xss()).toBeUndefined();

    // Full-text search narrows the stream.
    await page.getByRole('searchbox', { name: 'Search' }).fill('traffic');
    await page.getByRole('button', { name: 'Apply' }).click();
    await eventually(() => stream.getByTestId('mention').count()).toBe(1);
    expect(await stream.textContent()).toContain('Ring Road');
    await page.getByRole('button', { name: 'Clear' }).click();
    await eventually(() => stream.getByTestId('mention').count()).toBe(4);
    await page.screenshot({ path: join(shots, 'monitoring-stream.png') });
  }, 120_000);

  it('shows the detail with the raw payload as JSON text and the address not as a link', async () => {
    const stream = page.getByTestId('stream');
    await stream.locator('[data-testid="mention"]', { hasText: 'दंगा की ख़बर' }).getByRole('link', { name: 'Open' }).click();
    const raw = page.getByTestId('raw-payload');
    await eventually(() => raw.count()).toBe(1);
    const payload = (await raw.textContent()) ?? '';
    expect(payload).toContain('"externalId": "xss-1"');
    expect(payload).toContain(SCRIPT);
    expect(payload).toContain(JSON.stringify(IMG).slice(1, -1));
    expect(await page.getByTestId('detail-url').textContent()).toBe(JS_LINK);
    expect(await page.getByTestId('detail-url').locator('a').count()).toBe(0);
    expect(await page.getByTestId('detail-author').textContent()).toContain(SCRIPT);
    expect(await page.getByTestId('mention-detail').locator('img, script').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await xss()).toBeUndefined();
    await page.screenshot({ path: join(shots, 'monitoring-detail.png') });
  }, 60_000);

  it('saves a watch in Devanagari after pointing at a query error, and its test finds the romanised mention', async () => {
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Watches', exact: true }).click();
    await page.getByRole('link', { name: 'New watch' }).click();

    await page.getByLabel('Name').fill('Rumours of riots, north-east');
    await page.getByLabel('Query').fill('दंगा AND (');
    await page.getByLabel('Purpose').fill('Early warning of riot rumours so that the district can answer them');
    await page.getByLabel('Legal basis').fill('Delhi Police Act 1978, s.64');
    await page.locator('fieldset.field input[type="checkbox"]').first().check();
    await page.getByRole('button', { name: 'Create watch' }).click();
    const problem = page.getByTestId('query-error');
    await eventually(() => problem.count()).toBe(1);
    expect(Number(await problem.getAttribute('data-position'))).toBe('दंगा AND ('.length);

    await page.getByLabel('Query').fill('दंगा');
    await page.getByRole('button', { name: 'Create watch' }).click();
    await eventually(() => page.getByTestId('watch-status').textContent()).toBe('Active');
    expect(new URL(page.url()).pathname).toMatch(/^\/monitoring\/watches\/[0-9a-f-]{36}$/);

    await page.getByTestId('watch-test').getByRole('button', { name: 'Test' }).click();
    const matches = page.getByTestId('test-matches');
    await eventually(() => matches.getByTestId('mention').count()).toBe(2);
    expect(await matches.textContent()).toContain(ROMANISED);
    expect(await matches.textContent()).not.toContain('Ring Road');
    expect(await matches.textContent()).not.toContain('Webhook report');
    expect(await xss()).toBeUndefined();
    await page.screenshot({ path: join(shots, 'monitoring-watch.png') });

    await nav.getByRole('link', { name: 'Watches', exact: true }).click();
    await eventually(() => page.getByTestId('watches-table').textContent()).toContain('Rumours of riots, north-east');

    // The webhook's health: its last success and the items it brought.
    await nav.getByRole('link', { name: 'Sources', exact: true }).click();
    const row = page.getByTestId('sources-table').locator('tr', { hasText: 'Partner feed' });
    await eventually(() => row.locator('td[data-label="Items"]').textContent()).toBe('4');
    expect(await row.locator('td[data-label="Last success"]').textContent()).not.toBe('Never');
    expect(await row.getAttribute('data-state')).not.toBe('failing');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
