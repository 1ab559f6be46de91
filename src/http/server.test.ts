import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { buildServer, type App } from './server.js';
import { HttpMetrics } from './metrics.js';
import { silentLogger } from '../log/logger.js';
import type { RequestAuthenticator } from './request-auth.js';
import type { Actor } from '../auth/actor.js';

const actors: Record<string, Actor> = {
  admin: { userId: 'u1', username: 'admin', displayName: 'Admin', role: 'admin', units: 'all', via: 'session' },
  officer: { userId: 'u2', username: 'do', displayName: 'DO', role: 'district_officer', units: ['A'], via: 'session' },
  newcomer: { userId: 'u4', username: 'new', displayName: 'New', role: 'admin', units: 'all', via: 'session', mustChangePassword: true },
  token: { userId: 'u3', username: 'script', displayName: 'Script', role: 'admin', units: 'all', via: 'token', tokenScopes: ['units.read'] },
};

// Test double: the caller names their actor in a header; sessions carry CSRF token "t".
const authenticator: RequestAuthenticator = {
  async authenticate(req) {
    const who = req.headers['x-test-actor'];
    const actor = typeof who === 'string' ? actors[who] : undefined;
    if (!actor) return null;
    return actor.via === 'session' ? { actor, session: { id: 's', csrfToken: 't', secondFactorPending: false } } : { actor };
  },
};

const Body = Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }), count: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

describe('HTTP server', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildServer({
      logger: silentLogger,
      authenticator,
      metrics: new HttpMetrics(),
      secureCookies: false,
      version: 'test',
      bodyLimit: 2048,
      ready: async () => undefined,
      routes: (api) => {
        api.post('/things', { schema: { body: Body }, config: { policy: { permission: 'units.manage' } } }, async (req) => ({ got: req.body }));
        api.get('/units/:unitId/things', { config: { policy: { permission: 'units.read', unit: (req) => (req.params as { unitId: string }).unitId } } }, async () => ({ ok: true }));
        api.get('/me', { config: { policy: { permission: 'self' } } }, async () => ({ ok: true }));
        api.get('/boom', { config: { policy: { public: true, why: 'test' } } }, async () => {
          throw new Error('secret internal detail');
        });
      },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/things', payload, headers: { 'content-type': 'application/json', 'x-test-actor': 'admin', 'x-csrf-token': 't', ...headers } });

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ name: 'a', count: 1 }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ got: { name: 'a', count: 1 } });
  });

  it.each([
    ['malformed JSON', '{"name": "a", count: }', 400, 'bad_request'],
    ['wrong type', JSON.stringify({ name: 'a', count: '1' }), 400, 'validation_failed'],
    ['unknown field', JSON.stringify({ name: 'a', count: 1, admin: true }), 400, 'validation_failed'],
    ['missing field', JSON.stringify({ name: 'a' }), 400, 'validation_failed'],
    ['oversized body', JSON.stringify({ name: 'a'.repeat(5000), count: 1 }), 413, 'payload_too_large'],
  ])('answers %s with a clear 4xx JSON error', async (_what, payload, status, code) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(status);
    const body = res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it('names the unknown field in the error', async () => {
    const res = await post(JSON.stringify({ name: 'a', count: 1, admin: true }));
    expect(res.json<{ error: { message: string } }>().error.message).toContain('admin');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await post('name=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
  });

  it('checks authentication and permission before validating the body', async () => {
    expect((await post('not json', { 'x-test-actor': '' })).statusCode).toBe(401);
    expect((await post('not json', { 'x-test-actor': 'officer' })).statusCode).toBe(403);
  });

  it('requires the CSRF header for session writes but not for tokens', async () => {
    const res = await post(JSON.stringify({ name: 'a', count: 1 }), { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('csrf_failed');
  });

  it('opens only the own account to a user who must change a generated password', async () => {
    const res = await app.inject({ url: '/api/v1/units/A/things', headers: { 'x-test-actor': 'newcomer' } });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('password_change_required');
    const own = await app.inject({ url: '/api/v1/me', headers: { 'x-test-actor': 'newcomer' } });
    expect(own.statusCode).toBe(200);
  });

  it('limits tokens to their scopes', async () => {
    const res = await post(JSON.stringify({ name: 'a', count: 1 }), { 'x-test-actor': 'token', 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('units.manage');
  });

  it('checks the unit against the actor scope', async () => {
    const inScope = await app.inject({ url: '/api/v1/units/A/things', headers: { 'x-test-actor': 'officer' } });
    const outOfScope = await app.inject({ url: '/api/v1/units/B/things', headers: { 'x-test-actor': 'officer' } });
    expect(inScope.statusCode).toBe(200);
    expect(outOfScope.statusCode).toBe(403);
  });

  it('hides internal errors behind a 500 without details', async () => {
    const res = await app.inject({ url: '/api/v1/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internal detail');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.inject({ url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('not_found');
  });

  it('serves OpenAPI, health and metrics', async () => {
    const spec = (await app.inject({ url: '/api/v1/openapi.json' })).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/v1/things');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    const metrics = await app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('chhavi_http_request_duration_seconds');
  });

  it('refuses to register a route without a policy', async () => {
    const bad = await buildServer({
      logger: silentLogger, authenticator, metrics: new HttpMetrics(), secureCookies: false, version: 't', ready: async () => undefined,
      routes: (api) => {
        api.get('/open', async () => ({}));
      },
    }).catch((err: Error) => err);
    expect(bad).toBeInstanceOf(Error);
    expect((bad as Error).message).toMatch(/declares no policy/);
  });
});
