import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../config/paths.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerChild {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** Milliseconds from spawn until /readyz answered 200. */
  readyMs: number;
  rssMb(): number;
  stop(): Promise<number | null>;
}

/**
 * Starts `chhavi start` as a separate process on a free loopback port and waits until it is ready:
 * until /readyz answers 200, or, for a process without HTTP (`--role worker`), until its output
 * matches `readyLine`.
 */
export async function startServerChild(env: Record<string, string>, args: string[] = [], readyLine?: RegExp): Promise<ServerChild> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(packageRoot, 'bin', 'chhavi.js'), 'start', ...args], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within 120 s:\n${out}`);
    }
    if (readyLine) {
      if (readyLine.test(out)) break;
    } else {
      try {
        const res = await fetch(`${baseUrl}/readyz`);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = performance.now() - t0;
  return {
    child,
    baseUrl,
    readyMs,
    output: () => out,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      return exited;
    },
  };
}
