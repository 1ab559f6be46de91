import { loadConfig, type Config } from '../config/config.js';
import { createContext, closeContext } from '../app/create-context.js';
import { prepareDatabase } from '../app/prepare.js';
import type { AppContext } from '../app/context.js';
import { createLogger } from '../log/logger.js';

let overrides: Partial<Config> = {};

/** Set by the CLI's global options (`--data`) before a command runs. */
export function setCliOverrides(next: Partial<Config>): void {
  overrides = next;
}

export function cliConfig(extra: Partial<Config> = {}): Config {
  return loadConfig(process.env, { ...overrides, ...extra });
}

/** Opens the configured database (migrating it), runs `fn`, and closes everything. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const ctx = await createContext(config, { logger: createLogger(process.env.LOG_LEVEL ?? 'warn') });
  try {
    await prepareDatabase(ctx);
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}
