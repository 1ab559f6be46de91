import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openPage, tearDown } from './browser.js';
import { ensureBuilt, freePort, repoRoot, startServer, type ServerProcess } from './server-process.js';

/**
 * One browser journey through the shell on the real server: sign in, the dashboard, Hindi with
 * the bundled Devanagari font, creating a user, and the audit log that recorded the sign-in.
 */

const ADMIN_PASSWORD = `e2e-${randomBytes(12).toString('base64url')}-Strong!`;
const shots = join(repoRoot, 'test-results');

let dataDir: string;
let server: ServerProcess | null = null;
let browser: Browser | null = null;
let page: Page;
let pageErrors: string[] = [];
/** Waits for the page to reach a state; sign-in and password changes hash with scrypt, which takes a while on a busy machine. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

/** The user the journey creates, with the first password the Users page showed once. */
let created: { username: string; password: string; unitId: string } | null = null;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'chhavi-e2e-'));
  server = await startServer({ dataDir, port: await freePort(), adminPassword: ADMIN_PASSWORD });
  ({ browser, page, pageErrors } = await openPage(server.baseUrl));
}, 600_000);

afterAll(async () => {
  await tearDown(browser, server, dataDir);
}, 60_000);

describe('the web shell', () => {
  it('signs the admin in and shows the dashboard', async () => {
    await page.goto('/');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(`${ADMIN_PASSWORD}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Wrong username or password.');

    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Welcome, /);
    expect(await page.getByTestId('dashboard-role').textContent()).toBe('Administrator');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const label of ['Dashboard', 'Calendar', 'Sources', 'Cases', 'Analytics', 'Users', 'Units', 'Audit log']) {
      await eventually(() => nav.getByRole('link', { name: label, exact: true }).count()).toBe(1);
    }
    // A capability still to come says so instead of showing made-up data.
    // The admin reads source health but no mentions: the stream is not in the navigation.
    expect(await nav.getByRole('link', { name: 'Stream', exact: true }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Cases', exact: true }).click();
    await eventually(() => page.getByTestId('coming-later').textContent()).toContain('Coming in a later release');
    expect(new URL(page.url()).pathname).toBe('/cases');
    await nav.getByRole('link', { name: 'Dashboard', exact: true }).click();
  }, 120_000);

  it('switches to Hindi, keeps the choice on the account and renders Devanagari with the bundled font', async () => {
    await page.locator('button[data-locale="hi"]').first().click();
    const nav = page.getByRole('navigation', { name: 'मुख्य नेविगेशन' });
    await eventually(() => nav.getByRole('link', { name: 'उपयोगकर्ता', exact: true }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'डैशबोर्ड', exact: true }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'ऑडिट लॉग', exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^स्वागत है, /);

    // Saved on the account, not only in this browser.
    const me = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()) as { locale: string });
    expect(me.locale).toBe('hi');

    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const family = '"Noto Sans Devanagari"';
      // The face of the bundled family whose unicode-range holds क (U+0915) must have been fetched.
      const covers = (range: string, cp: number) =>
        range.split(',').some((part) => {
          const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16));
          return lo !== undefined && cp >= lo && cp <= (hi ?? lo);
        });
      const faces = [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), range: f.unicodeRange, status: f.status }));
      const devanagariFace = faces.find((f) => f.family === 'Noto Sans Devanagari' && covers(f.range, 0x0915) && f.status === 'loaded');
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d')!;
      const samples = ['क', 'ख', 'ञ', 'ळ', 'ॐ', 'कि', 'क्ष', 'छवि', 'पुलिस'];
      const widths = (font: string) => {
        ctx.font = font;
        return samples.map((s) => Math.round(ctx.measureText(s).width * 100) / 100);
      };
      const navLink = document.querySelector('nav a');
      return {
        check: document.fonts.check(`16px ${family}`, 'छवि'),
        faceLoaded: devanagariFace !== undefined,
        faces,
        noto: widths(`32px ${family}`),
        fallback: widths('32px "no-such-font-chhavi", monospace'),
        navFont: navLink ? getComputedStyle(navLink).fontFamily : '',
      };
    });
    expect(fonts.check).toBe(true);
    expect(fonts.faceLoaded, JSON.stringify(fonts.faces)).toBe(true);
    expect(fonts.navFont).toContain('Noto Sans Devanagari');
    // Missing glyphs draw as boxes of one width; real glyphs differ from one another.
    expect(new Set(fonts.noto).size).toBeGreaterThanOrEqual(6);
    expect(fonts.noto.every((w) => w > 0)).toBe(true);
    // And the bundled font is the one drawing them, not whatever the system falls back to.
    expect(fonts.noto).not.toEqual(fonts.fallback);

    await page.screenshot({ path: join(shots, 'shell-dashboard-hi.png'), fullPage: true });
  }, 120_000);

  it('collapses the navigation at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const nav = page.locator('#main-nav');
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'मेन्यू' }).click();
    await eventually(() => nav.isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'shell-phone-hi.png'), fullPage: true });
    await page.getByRole('button', { name: 'मेन्यू' }).click();
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 60_000);

  it('creates a user through the Users page and lists it, showing their name as plain text', async () => {
    await page.getByRole('navigation', { name: 'मुख्य नेविगेशन' }).getByRole('link', { name: 'उपयोगकर्ता', exact: true }).click();
    await eventually(() => page.getByTestId('users-table').locator('tr[data-username="admin"]').count()).toBe(1);

    const username = `e2e.officer${Date.now() % 100000}`;
    const displayName = '<img src=x onerror="window.__pwned=1"> रवि कुमार';
    await page.getByRole('button', { name: 'नया उपयोगकर्ता' }).click();
    const form = page.locator('form').filter({ has: page.locator('input[name="username"]') });
    await form.locator('input[name="username"]').fill(username);
    await form.locator('input[name="displayName"]').fill(displayName);
    await form.locator('select[name="role"]').selectOption('district_officer');
    const firstUnit = form.locator('input[name="unitIds"]').first();
    await firstUnit.check();
    const unitId = await firstUnit.getAttribute('value');
    await form.getByRole('button', { name: 'बनाएँ' }).click();

    const row = page.getByTestId('users-table').locator(`tr[data-username="${username}"]`);
    await eventually(() => row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe(displayName);
    expect(await row.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await row.textContent()).toContain('ज़िला अधिकारी');
    // The generated first password is shown once.
    const secret = await page.getByTestId('secret-value').textContent();
    expect(secret?.length ?? 0).toBeGreaterThanOrEqual(12);
    created = { username, password: secret!, unitId: unitId! };
    await page.screenshot({ path: join(shots, 'shell-users-hi.png'), fullPage: true });
  }, 120_000);

  it('shows the sign-in in the audit log and verifies the chain', async () => {
    await page.getByRole('navigation', { name: 'मुख्य नेविगेशन' }).getByRole('link', { name: 'ऑडिट लॉग', exact: true }).click();
    const table = page.getByTestId('audit-table');
    await eventually(() => table.locator('tr[data-action="auth.login"]').count()).toBeGreaterThanOrEqual(1);
    expect(await table.locator('tr[data-action="auth.login"]').first().textContent()).toContain('admin');

    await page.getByRole('button', { name: 'शृंखला सत्यापित करें' }).click();
    await expect.poll(() => page.getByTestId('verify-result').textContent(), { timeout: 30_000 }).toMatch(/^शृंखला सही है/);
    await page.screenshot({ path: join(shots, 'shell-audit-hi.png'), fullPage: true });
  }, 120_000);

  it('signs out to a sign-in page that keeps the chosen language', async () => {
    await page.getByRole('button', { name: 'साइन आउट' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('साइन इन करें');
    const status = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(status).toBe(401);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('makes the new user choose a password, then shows only their unit and no administration', async () => {
    expect(created).not.toBeNull();
    const user = created!;
    const other = await browser!.newContext({ viewport: { width: 1366, height: 768 }, baseURL: server!.baseUrl });
    try {
      const p = await other.newPage();
      await p.goto('/');
      await p.getByLabel('Username').fill(user.username);
      await p.getByLabel('Password').fill(user.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await eventually(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('Choose a new password');

      const next = `${ADMIN_PASSWORD}-officer`;
      await p.locator('input[name="currentPassword"]').fill(user.password);
      await p.locator('input[name="newPassword"]').fill(next);
      await p.locator('input[name="repeatPassword"]').fill(next);
      await p.getByRole('button', { name: 'Change password' }).click();
      await eventually(() => p.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Welcome, /);

      expect(await p.getByTestId('dashboard-role').textContent()).toBe('District officer');
      const unitChoice = p.locator('select[name="unit"]');
      expect(await unitChoice.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([user.unitId]);
      const nav = p.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link', { name: 'Users', exact: true }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Audit log', exact: true }).count()).toBe(0);
      // Typing an administration address shows a refusal, not the page.
      await p.goto('/users');
      await eventually(() => p.getByRole('alert').textContent()).toBe('You do not have permission to do this.');
    } finally {
      await other.close();
    }
  }, 120_000);

  it('stops the server cleanly on SIGTERM', async () => {
    await browser?.close();
    browser = null;
    const running = server!;
    running.child.kill('SIGTERM');
    const code = await Promise.race([running.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
    expect(code, running.output()).toBe(0);
  }, 60_000);
});
