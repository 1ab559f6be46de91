import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { existsSync } from 'node:fs';
import type { Logger } from '../log/logger.js';
import { can, inScope } from '../auth/actor.js';
import { AppError, type ErrorCode } from './errors.js';
import { isPublic, type RoutePolicy } from './policy.js';
import { CSRF_HEADER, type RequestAuthenticator } from './request-auth.js';
import { validatorCompiler } from './validation.js';
import { HttpMetrics } from './metrics.js';

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  Logger,
  TypeBoxTypeProvider
>;

export interface ServerOptions {
  logger: Logger;
  authenticator: RequestAuthenticator;
  /** Registers every capability's routes under /api/v1. */
  routes: (api: App) => Promise<void> | void;
  /** Routes outside /api/v1 (e.g. the Sandbox platform's own API); they declare policies too. */
  rootRoutes?: (app: App) => Promise<void> | void;
  /** The built SPA (index.html and assets); not served when absent. */
  webRoot?: string | undefined;
  /** Answers /readyz: throws when the process cannot serve. */
  ready: () => Promise<void>;
  metrics: HttpMetrics;
  /** Largest accepted request body, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Which proxies' X-Forwarded-For to believe (config.trustProxy). */
  trustProxy?: string | number | false;
  /** Sets the Secure flag on cookies (https deployments). */
  secureCookies: boolean;
  version: string;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildServer(opts: ServerOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: opts.logger,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // Fastify accepts a hop count too, though its types do not say so.
    trustProxy: (opts.trustProxy ?? false) as string | boolean,
    // Per-request lines would dominate the log at load; errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.decorateRequest('auth', null);

  // Deny by default: a route that declares no policy is a programming error and stops the start.
  const routes: RegisteredRoute[] = [];
  let registeringStaticFiles = false;
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (!policy) {
      // Only the SPA's static files may go without a policy.
      if (!registeringStaticFiles) {
        throw new Error(`route ${String(route.method)} ${route.url} declares no policy`);
      }
      return;
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, policy });
    }
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Chhavi API', version: opts.version, description: 'The HTTP API of Chhavi, the police social-media command centre.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'chhavi_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    opts.metrics.start(req);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
  app.addHook('onResponse', async (req, reply) => {
    opts.metrics.finish(req, reply);
  });

  // Before the body is parsed or validated: an anonymous or unauthorised caller learns nothing
  // about the schema and costs no parsing.
  app.addHook('preParsing', async (req, reply, payload) => {
    const policy = req.routeOptions.config.policy;
    if (policy) await enforce(policy, req, reply, opts.authenticator);
    return payload;
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => sendError(err, req, reply));
  app.setNotFoundHandler((req, reply) => {
    // API paths and missing asset files get a real 404; other GETs are the SPA's own routes.
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET' || !opts.webRoot) {
      return reply.code(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
    }
    return reply.type('text/html').sendFile('index.html');
  });

  app.get('/healthz', { schema: { hide: true }, config: { policy: { public: true, why: 'liveness probe' } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, config: { policy: { public: true, why: 'readiness probe' } } }, async (_req, reply) => {
    try {
      await opts.ready();
      return { status: 'ready' };
    } catch (err) {
      return reply.code(503).send({ status: 'not_ready', reason: (err as Error).message });
    }
  });
  app.get('/metrics', { schema: { hide: true }, config: { policy: { public: true, why: 'Prometheus scrape; counters only, no personal data' } } }, async (_req, reply) => {
    reply.type(opts.metrics.contentType);
    return opts.metrics.render();
  });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true }, config: { policy: { public: true, why: 'API description' } } }, async () => app.swagger());
      await opts.routes(api as unknown as App);
    },
    { prefix: '/api/v1' },
  );

  if (opts.rootRoutes) await opts.rootRoutes(app);

  if (opts.webRoot && existsSync(opts.webRoot)) {
    registeringStaticFiles = true;
    await app.register(fastifyStatic, { root: opts.webRoot, wildcard: false, index: ['index.html'] });
    registeringStaticFiles = false;
  }

  return app;
}

async function enforce(policy: RoutePolicy, req: FastifyRequest, reply: FastifyReply, authenticator: RequestAuthenticator): Promise<void> {
  if (isPublic(policy)) {
    req.auth = await authenticator.authenticate(req, reply);
    return;
  }
  const auth = await authenticator.authenticate(req, reply);
  if (!auth) throw new AppError('unauthenticated', 'sign in first');
  req.auth = auth;
  if (auth.session?.secondFactorPending && !policy.allowPendingSecondFactor) {
    throw new AppError('second_factor_required', 'enter the code from your authenticator app');
  }
  if (auth.session && !SAFE_METHODS.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || sent !== auth.session.csrfToken) {
      throw new AppError('csrf_failed', `missing or wrong ${CSRF_HEADER} header`);
    }
  }
  if (auth.actor.mustChangePassword && policy.permission !== 'self') {
    throw new AppError('password_change_required', 'choose a new password before doing anything else');
  }
  if (!can(auth.actor, policy.permission)) {
    throw new AppError('forbidden', auth.actor.via === 'token' && !(auth.actor.tokenScopes ?? []).includes(policy.permission)
      ? `this API token lacks the scope ${policy.permission}`
      : `your role may not do this (${policy.permission})`);
  }
  if (policy.unit) {
    const unitId = policy.unit(req);
    if (unitId !== undefined && !inScope(auth.actor, unitId)) {
      throw new AppError('forbidden', `unit ${unitId} is outside your scope`);
    }
  }
}

function sendError(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.headers) void reply.headers(err.headers);
    return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
  }
  const fe = err;
  if (fe.validation) {
    const first = fe.validation[0];
    const where = fe.validationContext ?? 'body';
    const field = first ? `${where}${first.instancePath ? first.instancePath.replace(/\//g, '.') : ''}` : where;
    const extra = first?.keyword === 'additionalProperties' ? ` (unknown field "${String((first.params as { additionalProperty?: string }).additionalProperty)}")` : '';
    return reply.code(400).send({
      error: {
        code: 'validation_failed' satisfies ErrorCode,
        message: `${field} ${first?.message ?? 'is invalid'}${extra}`,
        details: { issues: fe.validation.map((v) => ({ path: `${where}${v.instancePath}`, message: v.message, keyword: v.keyword, params: v.params })) },
      },
    });
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code: ErrorCode = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 429 ? 'too_many_requests' : status === 404 ? 'not_found' : 'bad_request';
    return reply.code(status).send({ error: { code, message: fe.message } });
  }
  req.log.error({ err, url: req.url, method: req.method }, 'request failed');
  return reply.code(500).send({ error: { code: 'internal', message: 'internal error; the server log has the details' } });
}
