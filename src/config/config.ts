import { resolve } from 'node:path';

export const PROCESS_ROLES = ['all', 'web', 'worker', 'scheduler'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/**
 * Everything Chhavi reads from its environment, validated once at start. Each field is documented
 * in README.md under "Configuration". There are no fallback secrets: the encryption key is either
 * given or generated once into the data folder (see `secrets/keyring.ts`).
 */
export interface Config {
  /** CHHAVI_DATA or --data: the data folder (embedded database, media, key file). */
  dataDir: string;
  /** DATABASE_URL: a PostgreSQL server; unset means the embedded database in the data folder. */
  databaseUrl: string | undefined;
  /** NATS_URL: NATS JetStream for the ingestion stream; unset means in process. */
  natsUrl: string | undefined;
  /** PORT and HOST (default 8080 on 0.0.0.0). */
  port: number;
  host: string;
  /** CHHAVI_SECRET_KEY: base64 of 32 bytes that encrypt secrets at rest. */
  secretKey: string | undefined;
  /** CHHAVI_PUBLIC_URL: where users reach the server; https:// here makes cookies Secure. */
  publicUrl: string;
  /**
   * CHHAVI_TRUST_PROXY: the reverse proxies whose X-Forwarded-For is believed (a comma-separated
   * list of addresses or CIDR ranges, or a hop count). Unset: none, so a client cannot choose the
   * address that login throttling and the audit log see.
   */
  trustProxy: string | number | false;
  /** LOG_LEVEL (default info). */
  logLevel: string;
  /** CHHAVI_DEMO=0 turns off demo data and the demo stream (default on with the embedded database). */
  demo: boolean;
  /** CHHAVI_TIMEZONE: the force's time zone (default Asia/Kolkata). */
  timeZone: string;
  /** CHHAVI_SESSION_HOURS (default 12). */
  sessionHours: number;
  /** DATABASE_POOL (default 10): connections per process to the PostgreSQL server. */
  poolSize: number;
  /** CHHAVI_SANDBOX_URL: where the Sandbox platform's API is reached (default this server, http://127.0.0.1:PORT). */
  sandboxUrl: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

function sandboxUrl(env: Env, port: number): string {
  const raw = env.CHHAVI_SANDBOX_URL || `http://127.0.0.1:${port}`;
  if (!/^https?:\/\/[^/]+/.test(raw)) throw new ConfigError('CHHAVI_SANDBOX_URL must be an http:// or https:// address');
  return raw.replace(/\/+$/, '');
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  const natsUrl = env.NATS_URL || undefined;
  if (natsUrl && !/^(nats|tls):\/\//.test(natsUrl)) throw new ConfigError('NATS_URL must start with nats:// or tls://');
  const timeZone = env.CHHAVI_TIMEZONE || 'Asia/Kolkata';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`CHHAVI_TIMEZONE "${timeZone}" is not a known IANA time zone`);
  }
  const secretKey = env.CHHAVI_SECRET_KEY || undefined;
  if (secretKey !== undefined && Buffer.from(secretKey, 'base64').length !== 32) {
    throw new ConfigError('CHHAVI_SECRET_KEY must be base64 of exactly 32 bytes (openssl rand -base64 32)');
  }
  // The port given on the command line (`start --port`) wins over PORT, and the addresses derived
  // from the port (the public URL, this server's Sandbox) follow it.
  const port = overrides.port ?? int(env, 'PORT', 8080, 0, 65535);
  const config: Config = {
    dataDir: resolve(env.CHHAVI_DATA || 'data'),
    databaseUrl,
    natsUrl,
    port,
    host: env.HOST || '0.0.0.0',
    secretKey,
    publicUrl: env.CHHAVI_PUBLIC_URL || `http://localhost:${port}`,
    trustProxy: parseTrustProxy(env.CHHAVI_TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    demo: env.CHHAVI_DEMO === undefined ? !databaseUrl : env.CHHAVI_DEMO !== '0',
    timeZone,
    sessionHours: int(env, 'CHHAVI_SESSION_HOURS', 12, 1, 24 * 30),
    poolSize: int(env, 'DATABASE_POOL', 10, 1, 200),
    sandboxUrl: sandboxUrl(env, port),
    ...overrides,
  };
  return config;
}

function parseTrustProxy(raw: string | undefined): string | number | false {
  if (raw === undefined || raw.trim() === '' || raw === 'false') return false;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const parts = raw.split(',').map((p) => p.trim()).filter(Boolean);
  for (const p of parts) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p)) throw new ConfigError(`CHHAVI_TRUST_PROXY: "${p}" is not an address, a CIDR range or a hop count`);
  }
  return parts.join(',');
}
