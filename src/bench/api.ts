import { mkdtempSync, rmSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { percentile, round } from './stats.js';
import { startServerChild } from './server-process.js';

export interface ApiBenchOptions {
  seconds: number;
  connections: number;
  rate: number;
  databaseUrl?: string | undefined;
}

/**
 * Starts a server in its own process, signs in, creates an API token, and loads an authenticated
 * read route from this process over loopback: first as fast as `connections` allow, then at a
 * fixed rate. Also records start-up time, time to a working login and idle memory.
 */
export async function runApiBench(opts: ApiBenchOptions): Promise<Record<string, number | string | null>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chhavi-bench-api-'));
  const password = randomBytes(12).toString('base64url') + 'A1!';
  const server = await startServerChild({
    CHHAVI_DATA: dataDir,
    CHHAVI_ADMIN_PASSWORD: password,
    CHHAVI_DEMO: '0',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  });
  try {
    const t0 = performance.now();
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const loginMs = performance.now() - t0;
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = (await (await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
    const tokRes = await fetch(`${server.baseUrl}/api/v1/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ name: 'bench', scopes: ['units.read'] }),
    });
    if (tokRes.status !== 201) throw new Error(`token creation failed: ${tokRes.status} ${await tokRes.text()}`);
    const { token } = (await tokRes.json()) as { token: string };

    await new Promise((r) => setTimeout(r, 2000));
    const idleRss = server.rssMb();

    const url = new URL('/api/v1/units', server.baseUrl);
    const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - start) : reject(new Error(`status ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end();
      });

    // Warm-up, then closed-loop load.
    for (let i = 0; i < 200; i++) await get();
    const closed: number[] = [];
    let errors = 0;
    const endAt = performance.now() + opts.seconds * 1000;
    const loadStart = performance.now();
    await Promise.all(
      Array.from({ length: opts.connections }, async () => {
        while (performance.now() < endAt) {
          try {
            closed.push(await get());
          } catch {
            errors += 1;
          }
        }
      }),
    );
    const loadSeconds = (performance.now() - loadStart) / 1000;

    // Open loop at a fixed rate: latency as a client sending `rate` requests per second sees it.
    const fixed: number[] = [];
    const total = Math.round(opts.rate * Math.min(opts.seconds, 10));
    const interval = 1000 / opts.rate;
    const fixedStart = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = fixedStart + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(get().then((ms) => void fixed.push(ms), () => void (errors += 1)));
    }
    await Promise.all(pending);
    agent.destroy();
    const busyRss = server.rssMb();
    const exitCode = await server.stop();

    return {
      route: 'GET /api/v1/units (bearer token)',
      database: opts.databaseUrl ? 'postgres' : 'pglite',
      connections: opts.connections,
      requests: closed.length,
      requests_per_s: round(closed.length / loadSeconds, 1),
      latency_p50_ms: round(percentile(closed, 50)),
      latency_p99_ms: round(percentile(closed, 99)),
      fixed_rate_per_s: opts.rate,
      fixed_rate_latency_p50_ms: round(percentile(fixed, 50)),
      fixed_rate_latency_p99_ms: round(percentile(fixed, 99)),
      errors,
      start_to_ready_ms: round(server.readyMs, 0),
      first_login_ms: round(loginMs, 1),
      idle_rss_mb: round(idleRss, 1),
      loaded_rss_mb: round(busyRss, 1),
      shutdown_exit_code: exitCode,
    };
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
