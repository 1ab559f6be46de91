import { ConnectorError } from '../errors.js';

/** How the Sandbox connector reaches the Sandbox API; `fetch` is replaceable in tests. */
export interface SandboxClientDeps {
  /** Where the Sandbox API is served (the Chhavi server's own address, `config.sandboxUrl`). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per-call time limit in milliseconds (default 15 s). */
  timeoutMs?: number;
}

export const SANDBOX_AUTH_SCHEME = 'Sandbox';

interface SandboxErrorBody {
  error?: { code?: string; message?: string; details?: { reason?: string } };
}

/**
 * One HTTP call to the Sandbox API, with its failures turned into typed connector errors the way
 * a real platform's answers are: 401 → auth_expired, 429 → rate_limited with the reset time,
 * 4xx → rejected, 5xx and network failures → transient.
 */
export async function sandboxCall<T>(
  deps: SandboxClientDeps,
  token: string | null,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; notFoundIsNull?: boolean } = {},
): Promise<T | null> {
  const doFetch = deps.fetch ?? fetch;
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (token) headers.authorization = `${SANDBOX_AUTH_SCHEME} ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await doFetch(new URL(path, deps.baseUrl), {
      method,
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
    });
  } catch (err) {
    throw new ConnectorError('transient', `the Sandbox could not be reached: ${(err as Error).message}`, { cause: err });
  }
  if (res.status === 204) return null;
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw new ConnectorError('transient', `the Sandbox closed the connection: ${(err as Error).message}`, { cause: err });
  }
  if (res.ok) {
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new ConnectorError('transient', 'the Sandbox sent an unreadable answer', { cause: err });
    }
  }
  if (res.status === 404 && opts.notFoundIsNull) return null;
  let body: SandboxErrorBody;
  try {
    body = JSON.parse(text) as SandboxErrorBody;
  } catch {
    body = {};
  }
  const message = body.error?.message ?? (text.slice(0, 300) || `HTTP ${res.status}`);
  const code = body.error?.details?.reason ?? body.error?.code ?? String(res.status);
  if (res.status === 401 || res.status === 403) throw new ConnectorError('auth_expired', message, { platformCode: code });
  if (res.status === 429) {
    const reset = Number(res.headers.get('x-rate-limit-reset'));
    const retryAfter = Number(res.headers.get('retry-after'));
    const resetAt = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(Date.now() + (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60) * 1000);
    throw new ConnectorError('rate_limited', message, { platformCode: code, resetAt });
  }
  if (res.status >= 400 && res.status < 500) throw new ConnectorError('rejected', message, { platformCode: code });
  throw new ConnectorError('transient', message, { platformCode: code });
}
