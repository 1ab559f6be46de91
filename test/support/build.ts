import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/config/paths.js';

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Tests that start `chhavi` as a child process need dist/ to match src/: `npm test` builds first;
 * a test run on its own rebuilds the server when a source file is newer than the build.
 */
export function ensureBuilt(): void {
  const main = join(packageRoot, 'dist', 'cli', 'main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newest(join(packageRoot, 'src'))) return;
  execFileSync('npm', ['run', 'build:server'], { cwd: packageRoot, stdio: 'inherit' });
}
