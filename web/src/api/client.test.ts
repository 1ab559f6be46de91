import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, type Fetch } from './client.js';
import { describeError } from './error-text.js';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(respond: (call: Call) => Response): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      const call = { url, init };
      calls.push(call);
      return respond(call);
    },
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('ApiClient', () => {
  it('sends the CSRF token on state changes but not on reads', async () => {
    const f = fakeFetch(() => json(200, { ok: true }));
    const client = new ApiClient(f.fetch);
    client.setCsrfToken('tok-1');
    await client.get('/units', { limit: 5, action: '', before: undefined });
    await client.post('/users', { username: 'a' });
    const [read, write] = f.calls;
    expect(read!.url).toBe('/api/v1/units?limit=5');
    expect((read!.init!.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((write!.init!.headers as Record<string, string>)['x-csrf-token']).toBe('tok-1');
    expect(write!.init!.credentials).toBe('same-origin');
    expect(write!.init!.body).toBe('{"username":"a"}');
  });

  it('turns the error envelope into an ApiError with the Retry-After wait', async () => {
    const f = fakeFetch(() => json(429, { error: { code: 'too_many_requests', message: 'slow down' } }, { 'retry-after': '42' }));
    const client = new ApiClient(f.fetch);
    const err = await client.post('/auth/login', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: 'too_many_requests', message: 'slow down', retryAfter: 42 });
    expect(describeError(err)).toEqual({ key: 'errors.too_many_requests_wait', values: { count: 42 }, serverMessage: null });
  });

  it('answers undefined for 204 and reports unreachable servers as network errors', async () => {
    const ok = new ApiClient(fakeFetch(() => new Response(null, { status: 204 })).fetch);
    await expect(ok.delete('/auth/tokens/x')).resolves.toBeUndefined();
    const down = new ApiClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(down.get('/auth/me')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('keeps a non-JSON error readable', async () => {
    const client = new ApiClient(fakeFetch(() => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })).fetch);
    const err = await client.get('/units').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 502, code: 'unknown', message: 'Bad Gateway' });
  });
});

describe('describeError', () => {
  it('translates known codes and keeps the server words where they are specific', () => {
    expect(describeError(new ApiError(401, 'invalid_credentials', 'invalid username or password'))).toEqual({
      key: 'errors.invalid_credentials',
      serverMessage: null,
    });
    expect(describeError(new ApiError(409, 'conflict', 'username "ravi" is taken'))).toEqual({
      key: 'errors.conflict',
      serverMessage: 'username "ravi" is taken',
    });
  });
  it('gives long waits in minutes, and the lockout time when the server sends it', () => {
    expect(describeError(new ApiError(429, 'too_many_requests', 'slow down', undefined, 890))).toEqual({
      key: 'errors.too_many_requests_wait_minutes',
      values: { count: 15 },
      serverMessage: null,
    });
    expect(describeError(new ApiError(423, 'account_locked', 'locked', { retryAfterSeconds: 899 }))).toEqual({
      key: 'errors.account_locked_wait',
      values: { count: 15 },
      serverMessage: null,
    });
    expect(describeError(new ApiError(423, 'account_locked', 'locked'))).toEqual({ key: 'errors.account_locked', serverMessage: null });
  });
  it('falls back to the server message for unknown codes', () => {
    expect(describeError(new ApiError(418, 'teapot_state', 'the teapot is busy'))).toEqual({ key: null, serverMessage: 'the teapot is busy' });
  });
});
