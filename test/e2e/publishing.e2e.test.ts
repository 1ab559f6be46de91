import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CHROMIUM_ARGS, collectErrors, tearDown } from './browser.js';
import { ensureBuilt, freePort, repoRoot, startServer, type ServerProcess } from './server-process.js';

/**
 * The publishing journey on the real server: the admin opens a Sandbox account for a district; an
 * agency editor drafts and submits a post to it; the district officer and then the Special Branch
 * supervisor approve it; it is on the calendar; the supervisor pauses publishing and another user
 * sees the banner with the reason.
 */

const ADMIN_PASSWORD = `e2e-${randomBytes(12).toString('base64url')}-Strong!`;
const USER_PASSWORD = `e2e-${randomBytes(12).toString('base64url')}-Users!`;
const shots = join(repoRoot, 'test-results');

let dataDir: string;
let server: ServerProcess | null = null;
let browser: Browser | null = null;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

/** A signed-in API session for setting up users (the journey itself goes through the browser). */
async function apiSession(baseUrl: string, username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { user } = (await res.json()) as { user: { csrfToken: string } };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': user.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

const stamp = Date.now() % 100000;
const people = {
  editor: { username: `e2e.agency${stamp}`, displayName: 'Agency Editor', role: 'agency_editor' },
  officer: { username: `e2e.dcp${stamp}`, displayName: 'District Officer', role: 'district_officer' },
  supervisor: { username: `e2e.sb${stamp}`, displayName: 'SB Supervisor', role: 'sb_supervisor' },
} as const;
let unitId = '';
let postId = '';
const handle = `e2e_north_${stamp}`;
const dayIn = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' });
const scheduledDay = dayIn(2);
const postText = `साइबर ठगी से सावधान! <b>OTP</b> किसी को न बताएँ। Call 1930 ${stamp}`;

async function newPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1366, height: 768 }, baseURL: server!.baseUrl, timezoneId: 'Asia/Kolkata' });
  contexts.push(context);
  const page = await context.newPage();
  collectErrors(page, pageErrors);
  // Confirmation dialogs (pause, resume) are accepted.
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Welcome, /);
}

const pages: Partial<Record<'admin' | keyof typeof people, Page>> = {};

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'chhavi-e2e-pub-'));
  server = await startServer({ dataDir, port: await freePort(), adminPassword: ADMIN_PASSWORD });
  const admin = await apiSession(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const { units } = await admin<{ units: { id: string; active: boolean; kind: string }[] }>('GET', '/units');
  unitId = (units.find((u) => u.active && u.kind === 'district') ?? units.find((u) => u.active))!.id;
  // The three people of the chain, each with a password of their own (first sign-in asks to change it).
  await Promise.all(
    Object.values(people).map(async (p) => {
      const scoped = p.role === 'sb_supervisor' ? {} : { unitIds: [unitId] };
      await admin('POST', '/users', { username: p.username, displayName: p.displayName, role: p.role, password: `${USER_PASSWORD}-first`, ...scoped });
      const self = await apiSession(server!.baseUrl, p.username, `${USER_PASSWORD}-first`);
      await self('POST', '/auth/password', { currentPassword: `${USER_PASSWORD}-first`, newPassword: USER_PASSWORD });
    }),
  );
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await tearDown(browser, server, dataDir);
}, 60_000);

describe('publishing in the browser', () => {
  it('lets the admin open a Sandbox account for the district with its approval chain', async () => {
    const page = (pages.admin = await newPage());
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('button', { name: 'New Sandbox account' }).click();
    const form = page.getByTestId('new-account-form');
    await form.locator('select[name="unitId"]').selectOption(unitId);
    await form.locator('input[name="handle"]').fill(handle);
    await form.locator('input[name="displayName"]').fill('North District Police');
    // The default chain is the district officer, then the Special Branch.
    expect(await form.getByTestId('chain-editor').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-role')))).toEqual(['district_officer', 'sb_supervisor']);
    await form.getByRole('button', { name: 'Create' }).click();
    const row = page.getByTestId('accounts-table').locator(`tr[data-handle="${handle}"]`);
    await eventually(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('District officer → Special Branch supervisor');
  }, 120_000);

  it('lets the agency editor draft a post with live counters and submit it', async () => {
    const page = (pages.editor = await newPage());
    await signIn(page, people.editor.username, USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Approvals', exact: true }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Posts', exact: true }).click();
    await page.getByRole('link', { name: 'New post' }).click();
    const form = page.getByTestId('new-post-form');
    await form.locator('select[name="unitId"]').selectOption(unitId);
    await form.getByRole('checkbox', { name: /North District Police/ }).check();
    await form.getByRole('button', { name: 'Start draft' }).click();

    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Compose');
    postId = new URL(page.url()).pathname.split('/')[3]!;
    const variant = page.getByTestId('variant').first();
    // Over the Sandbox's 1,000 characters: the counter and the server's check both say so on the field.
    await variant.locator('textarea[name="text"]').fill('क'.repeat(1001));
    await eventually(() => variant.getByTestId('counter').textContent()).toBe('1001 of 1000 characters');
    await eventually(() => variant.locator('.field-issues[data-field="variants[0].text"]').textContent()).toContain('the limit is 1000');

    await variant.locator('textarea[name="text"]').fill(postText);
    await variant.locator('input[name="hashtags"]').fill('CyberSafety DelhiPolice');
    await eventually(() => variant.locator('.field-issues').count()).toBe(0);
    // In two days at 10:00 in the force's zone, with its UTC reading shown.
    await page.locator('input[name="scheduledAt"]').fill(`${scheduledDay}T10:00`);
    expect(await page.getByText(/Publish at, in Asia\/Kolkata \(UTC\+05:30\)/).count()).toBe(1);
    await eventually(() => page.getByTestId('schedule-preview').textContent()).toContain('4:30');
    await page.getByRole('button', { name: 'Submit for approval' }).click();

    await eventually(() => new URL(page.url()).pathname).toBe(`/publishing/posts/${postId}`);
    await eventually(() => page.locator('[data-status="in_review"]').count()).toBe(1);
    // The text went out as text: the tags in it are not markup.
    const preview = page.getByTestId('preview').first().locator('.preview-text');
    expect(await preview.textContent()).toBe(`${postText}\n\n#CyberSafety #DelhiPolice`);
    expect(await preview.locator('b').count()).toBe(0);
    // The author may not decide on their own post.
    expect(await page.getByTestId('decision').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'publishing-submitted.png'), fullPage: true });
  }, 120_000);

  it('lets the district officer approve it from the inbox', async () => {
    const page = (pages.officer = await newPage());
    await signIn(page, people.officer.username, USER_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Approvals', exact: true }).click();
    const row = page.getByTestId('inbox').locator(`tr[data-post="${postId}"]`);
    await eventually(() => row.count()).toBe(1);
    await row.getByRole('link').click();
    const decision = page.getByTestId('decision');
    await eventually(() => decision.count()).toBe(1);
    // Rejecting needs a comment.
    await decision.getByRole('button', { name: 'Reject' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Write a comment first.');
    await decision.locator('textarea[name="comment"]').fill('Helpline number checked.');
    await decision.getByRole('button', { name: 'Approve' }).click();
    await eventually(() => page.getByTestId('history').locator('li[data-decision="approved"]').count()).toBe(1);
    expect(await page.getByTestId('history').textContent()).toContain('Helpline number checked.');
    expect(await page.getByTestId('decision').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Approvals', exact: true }).click();
    await eventually(() => page.getByTestId('inbox-empty').count()).toBe(1);
  }, 120_000);

  it('lets the Special Branch supervisor give the final approval and see it on the calendar', async () => {
    const page = (pages.supervisor = await newPage());
    await signIn(page, people.supervisor.username, USER_PASSWORD);
    await page.goto(`/publishing/approvals`);
    const row = page.getByTestId('inbox').locator(`tr[data-post="${postId}"]`);
    await eventually(() => row.count()).toBe(1);
    await row.getByRole('link').click();
    await eventually(() => page.getByTestId('decision').count()).toBe(1);
    await page.getByTestId('decision').getByRole('button', { name: 'Approve' }).click();
    await eventually(() => page.locator('[data-status="approved"]').count()).toBe(1);
    await eventually(() => page.getByTestId('history').locator('li[data-decision="approved"]').count()).toBe(2);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.getByRole('button', { name: 'List', exact: true }).click();
    const entry = page.getByTestId('calendar-list').locator(`tr[data-post="${postId}"]`);
    await eventually(() => entry.count()).toBe(1);
    expect(await entry.textContent()).toContain('Approved');
    expect(await entry.textContent()).toContain(`@${handle}`);
  }, 120_000);

  it('moves the post to another day by dragging it on the week view; the server re-validates', async () => {
    const page = pages.supervisor!;
    await page.goto(`/publishing/calendar?view=week&date=${scheduledDay}`);
    const chip = page.locator(`.cal-day[data-day="${scheduledDay}"] .cal-chip[data-post="${postId}"]`);
    await eventually(() => chip.count()).toBe(1);
    // The day before is tomorrow (still ahead); on a Monday the day after stays in the same week.
    const monday = new Date(`${scheduledDay}T12:00:00Z`).getUTCDay() === 1;
    const target = monday ? dayIn(3) : dayIn(1);
    await chip.dragTo(page.locator(`.cal-day[data-day="${target}"]`));
    await eventually(() => page.getByRole('status').textContent()).toMatch(/^Moved to .*10:00/);
    await eventually(() => page.locator(`.cal-day[data-day="${target}"] .cal-chip[data-post="${postId}"]`).count()).toBe(1);
    await page.screenshot({ path: join(shots, 'publishing-calendar.png'), fullPage: true });
  }, 120_000);

  it('imports posts from CSV only when every line is good, showing each bad line', async () => {
    const page = pages.editor!;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import CSV', exact: true }).click();
    const csv = ['account,scheduled_at,text', `${handle},${dayIn(3)}T11:00,यातायात नियमों का पालन करें`, `${handle},2020-01-01T10:00,old`, `nobody_${stamp},${dayIn(3)}T12:00,who`].join('\n');
    await page.locator('textarea[name="csv"]').fill(csv);
    await page.getByRole('button', { name: 'Check and import' }).click();
    const errors = page.getByTestId('import-errors');
    await eventually(() => errors.locator('tr[data-line]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line')))).toEqual(['3', '4']);
    await page.getByRole('button', { name: 'Import only the good rows' }).click();
    await eventually(() => page.getByRole('status').textContent()).toContain('1 post imported from 3 rows');
  }, 120_000);

  it('pauses publishing force-wide and shows the banner with the reason to another user', async () => {
    const page = pages.supervisor!;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Crisis pause', exact: true }).click();
    const reason = 'Law and order situation <script>window.__pwned=1</script> — hold all posts';
    await page.locator('input[name="scope"][value="force"]').check();
    await page.locator('textarea[name="reason"]').fill(reason);
    await page.getByRole('button', { name: 'Pause publishing' }).click();
    await eventually(() => page.getByTestId('pause-banner').count()).toBe(1);

    const editor = pages.editor!;
    await editor.goto('/publishing/calendar');
    await eventually(() => editor.getByTestId('pause-reason').textContent()).toBe(reason);
    expect(await editor.getByTestId('pause-banner').textContent()).toContain('Publishing is paused');
    expect(await editor.getByTestId('pause-banner').textContent()).toContain('SB Supervisor');
    expect(await editor.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Only those who may pause see the control to resume.
    expect(await editor.getByTestId('pause-banner').getByRole('button').count()).toBe(0);
    await editor.screenshot({ path: join(shots, 'publishing-paused.png'), fullPage: true });

    await page.getByTestId('pause-banner').getByRole('button', { name: 'Resume publishing' }).click();
    await eventually(() => page.getByTestId('pause-banner').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
