/**
 * The one way the SPA talks to the server: JSON over fetch with the session cookie, the CSRF
 * token on every state-changing request, and `{ error: { code, message } }` turned into ApiError.
 */

export const API_BASE = '/api/v1';

/** Codes the server documents (src/http/errors.ts), plus `network` when no answer came back. */
export type ApiErrorCode = string;

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Seconds to wait, from a Retry-After header (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** Bytes sent as they are (a media file), with their own Content-Type. */
  rawBody?: Blob;
}

const SAFE = new Set(['GET', 'HEAD']);

export class ApiClient {
  private csrfToken: string | null = null;
  private onUnauthenticated: (() => void) | null = null;

  constructor(private readonly fetchImpl: Fetch = (input, init) => fetch(input, init)) {}

  /** The session's CSRF token, from /auth/me or the login answer; cleared at logout. */
  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  /** Called when any request finds the session gone, so the shell can show the sign-in page. */
  setUnauthenticatedHandler(handler: (() => void) | null): void {
    this.onUnauthenticated = handler;
  }

  get<T>(path: string, query?: RequestOptions['query']): Promise<T> {
    return this.request<T>(path, { method: 'GET', query });
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>(path, { method: 'POST', body });
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(path, { method: 'PATCH', body });
  }
  delete<T>(path: string): Promise<T> {
    return this.request<T>(path, { method: 'DELETE' });
  }
  /** Sends a file as the request body (the server sniffs its type from the bytes). */
  upload<T>(path: string, file: Blob, query?: RequestOptions['query']): Promise<T> {
    return this.request<T>(path, { method: 'POST', rawBody: file, query });
  }

  async request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const method = opts.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    else if (opts.rawBody !== undefined) headers['content-type'] = opts.rawBody.type || 'application/octet-stream';
    if (!SAFE.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;

    let response: Response;
    try {
      response = await this.fetchImpl(API_BASE + path + queryString(opts.query), {
        method,
        headers,
        credentials: 'same-origin',
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : opts.rawBody !== undefined ? { body: opts.rawBody } : {}),
      });
    } catch (err) {
      throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
    }

    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let payload: unknown = undefined;
    if (text) {
      try {
        payload = JSON.parse(text);
      } catch {
        payload = undefined;
      }
    }
    if (!response.ok) {
      const error = toApiError(response, payload);
      if (error.code === 'unauthenticated') this.onUnauthenticated?.();
      throw error;
    }
    return payload as T;
  }
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function toApiError(response: Response, payload: unknown): ApiError {
  const retryHeader = response.headers.get('retry-after');
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader.trim()) ? Number(retryHeader.trim()) : undefined;
  const err = (payload as { error?: unknown } | undefined)?.error;
  if (err && typeof err === 'object') {
    const { code, message, details } = err as { code?: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      response.status,
      typeof code === 'string' ? code : 'unknown',
      typeof message === 'string' ? message : response.statusText,
      details && typeof details === 'object' ? (details as Record<string, unknown>) : undefined,
      retryAfter,
    );
  }
  return new ApiError(response.status, 'unknown', response.statusText || `HTTP ${response.status}`, undefined, retryAfter);
}

export const api = new ApiClient();
