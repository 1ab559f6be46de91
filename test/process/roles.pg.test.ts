import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../src/test-support/db.js';
import { startServerChild, type ServerChild } from '../../src/bench/server-process.js';
import { ensureBuilt } from '../support/build.js';

/**
 * A web process and a worker process on one PostgreSQL server: the web process takes a request
 * that needs a job, only the worker runs it, and both stop cleanly on SIGTERM.
 */
describe('web and worker processes on one PostgreSQL server', () => {
  let t: TestDatabase;
  let web: ServerChild;
  let worker: ServerChild | null = null;
  const password = randomBytes(12).toString('base64url') + 'Aa1!';
  const env = () => ({
    DATABASE_URL: t.url!,
    CHHAVI_DATA: mkdtempSync(join(tmpdir(), 'chhavi-roles-')),
    CHHAVI_SECRET_KEY: randomBytes(32).toString('base64'),
    CHHAVI_ADMIN_PASSWORD: password,
    CHHAVI_DEMO: '0',
  });

  beforeAll(async () => {
    ensureBuilt();
    t = await createTestDatabase();
    web = await startServerChild(env(), ['--role', 'web']);
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await web?.stop();
    await t?.drop();
  });

  it('has the worker run the job the web process enqueued, then both exit 0 on SIGTERM', async () => {
    const login = await fetch(`${web.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await (await fetch(`${web.baseUrl}/api/v1/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
    const requested = await fetch(`${web.baseUrl}/api/v1/audit/verifications`, { method: 'POST', headers: { cookie, 'x-csrf-token': me.csrfToken } });
    expect(requested.status).toBe(202);
    const { verification } = (await requested.json()) as { verification: { id: string } };
    const poll = async () =>
      ((await (await fetch(`${web.baseUrl}/api/v1/audit/verifications/${verification.id}`, { headers: { cookie } })).json()) as {
        verification: { finishedAt: string | null; ok: boolean | null; entries: number | null };
      }).verification;

    // The web process runs no jobs: the request waits.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await poll()).finishedAt).toBeNull();

    worker = await startServerChild(env(), ['--role', 'worker'], /worker process started/);
    const deadline = Date.now() + 30_000;
    let v = await poll();
    while (!v.finishedAt && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      v = await poll();
    }
    expect(v.finishedAt).not.toBeNull();
    expect(v.ok).toBe(true);
    expect(v.entries).toBeGreaterThan(0);

    expect(await worker.stop()).toBe(0);
    expect(await web.stop()).toBe(0);
  }, 120_000);
});
