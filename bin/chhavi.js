#!/usr/bin/env node
// Entry point of the `chhavi` command: runs the compiled CLI from dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('chhavi: the server is not built yet; run `npm run build` (npm ci runs it for you).');
  process.exit(1);
}
await import(pathToFileURL(main).href);
