import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the server and the SPA when either is missing (a fresh checkout). */
export function ensureBuilt(): void {
  if (existsSync(join(repoRoot, 'dist', 'cli', 'main.js')) && existsSync(join(repoRoot, 'dist', 'web', 'index.html'))) return;
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Runs `chhavi start` on the embedded database in `dataDir` and waits until /readyz answers 200. */
export async function startServer(opts: { dataDir: string; port: number; adminPassword: string; readyTimeoutMs?: number }): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    CHHAVI_ADMIN_PASSWORD: opts.adminPassword,
    CHHAVI_DEMO: '0',
    CHHAVI_PUBLIC_URL: `http://127.0.0.1:${opts.port}`,
    LOG_LEVEL: 'warn',
  };
  // The embedded database, whatever the surrounding shell points at.
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  delete env.CHHAVI_DATA;

  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'chhavi.js'), 'start', '--data', opts.dataDir], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (hasExited) throw new Error(`chhavi start exited before it was ready (code ${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`chhavi start was not ready within the time allowed:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, baseUrl, output: () => output, exited };
}

/**
 * Mentions accepted by a source are safe in the stream before they are stored: waits (30 s at
 * most) until `list` returns `count` of them, and returns them.
 */
export async function untilStored<T>(list: () => Promise<T[]>, count: number): Promise<T[]> {
  const storedBy = Date.now() + 30_000;
  for (;;) {
    const mentions = await list();
    if (mentions.length === count) return mentions;
    if (Date.now() > storedBy) throw new Error(`${mentions.length} of ${count} pushed mentions stored`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
