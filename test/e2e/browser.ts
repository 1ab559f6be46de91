import { rmSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ServerProcess } from './server-process.js';

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface OpenedPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Script errors and console errors of the page; a test ends by expecting none. */
  pageErrors: string[];
}

/** A browser with one page on the server at `baseUrl`, collecting the page's errors. */
export async function openPage(baseUrl: string, viewport = { width: 1366, height: 768 }): Promise<OpenedPage> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport, baseURL: baseUrl });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  collectErrors(page, pageErrors);
  return { browser, context, page, pageErrors };
}

/** Adds the page's script errors and console errors to `errors`. */
export function collectErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // The browser logs every 4xx answer (the first /auth/me before sign-in is a 401); those are expected.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
  });
}

/** Signs in on the login form and waits for the main navigation. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

/** Closes the browser, kills the server if it still runs and removes its data folder. */
export async function tearDown(browser: Browser | null, server: ServerProcess | null, dataDir: string | undefined): Promise<void> {
  await browser?.close();
  if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
