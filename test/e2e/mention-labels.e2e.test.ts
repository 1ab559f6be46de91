import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyst } from './api-session.js';
import { openPage, signIn, tearDown } from './browser.js';
import { ensureBuilt, freePort, repoRoot, startServer, untilStored, type ServerProcess } from './server-process.js';

/**
 * An analyst corrects a label on a mention's page: the judgement appears in the label's row with
 * the analyst's name (as text) and stays after a reload, with the model's decision beside it.
 */

const PASSWORD = `e2e-${randomBytes(12).toString('base64url')}-Strong!`;
const ANALYST = 'label.analyst';
const DISPLAY = '<b>Label</b> analyst';
const shots = join(repoRoot, 'test-results');

let dataDir: string;
let server: ServerProcess | null = null;
let browser: Browser | null = null;
let page: Page;
let mentionId: string;
let webhook: { id: string; secret: string };
let pageErrors: string[] = [];
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

function chhavi(args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, CHHAVI_DEMO: '0', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  delete env.CHHAVI_DATA;
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'chhavi.js'), ...args, '--data', dataDir], { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`chhavi ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'chhavi-e2e-labels-'));
  const added = chhavi(['source', 'add', 'webhook', 'Partner feed', '--platform', 'x']);
  const found = /webhooks\/([0-9a-f-]{36}); signing secret \(shown once\): (\S+)/.exec(added);
  if (!found) throw new Error(`no webhook secret in: ${added}`);
  webhook = { id: found[1]!, secret: found[2]! };
  server = await startServer({ dataDir, port: await freePort(), adminPassword: PASSWORD });

  const analyst = await createAnalyst(server.baseUrl, PASSWORD, { username: ANALYST, displayName: DISPLAY, password: PASSWORD });

  const body = JSON.stringify({ mentions: [{ externalId: 'label-1', authorHandle: 'resident', text: 'Thana Saket ke staff ko shukriya, FIR turant likhi gayi', createdAt: new Date().toISOString() }] });
  const ts = Math.floor(Date.now() / 1000);
  const signature = `sha256=${createHmac('sha256', webhook.secret).update(`${ts}.`).update(body).digest('hex')}`;
  const pushed = await fetch(`${server.baseUrl}/api/v1/monitoring/webhooks/${webhook.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-chhavi-timestamp': String(ts), 'x-chhavi-signature': signature }, body });
  expect(pushed.status, await pushed.text()).toBe(202);
  const listed = async () => ((await (await analyst('GET', '/monitoring/mentions')).json()) as { mentions: { id: string }[] }).mentions;
  mentionId = (await untilStored(listed, 1))[0]!.id;
  ({ browser, page, pageErrors } = await openPage(server.baseUrl));
}, 600_000);

afterAll(async () => {
  await tearDown(browser, server, dataDir);
}, 60_000);

describe('labelling a mention', () => {
  it('corrects a label with a note, shows who and when, and keeps it across a reload', async () => {
    await signIn(page, ANALYST, PASSWORD);
    await page.goto(`/monitoring/mentions/${mentionId}`);

    const judgements = page.getByTestId('judgements');
    const praise = judgements.locator('tr[data-label="praise"]');
    await eventually(() => praise.textContent()).toContain('Not judged yet.');
    const predicted = (await praise.getByTestId('predicted').textContent()) ?? '';
    await page.getByTestId('judge-note').fill('thanks to the station <i>staff</i>');
    await praise.getByTestId('correct').click();

    await eventually(() => praise.getByTestId('judgement').count()).toBe(1);
    const shown = (await praise.getByTestId('judgement').textContent()) ?? '';
    expect(shown).toContain('corrected');
    expect(shown).toContain(`by ${DISPLAY} at`);
    expect(shown).toContain('thanks to the station <i>staff</i>');
    expect(await judgements.locator('b, i').count()).toBe(0);
    expect(await page.getByTestId('judge-note').inputValue()).toBe('');

    await page.reload();
    await eventually(() => praise.getByTestId('judgement').count()).toBe(1);
    expect(await praise.getByTestId('predicted').textContent()).toBe(predicted);
    expect(await praise.getByTestId('judgement').textContent()).toContain(DISPLAY);
    await page.screenshot({ path: join(shots, 'mention-labels.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
