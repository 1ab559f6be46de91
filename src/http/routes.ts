import type { AppContext } from '../app/context.js';
import type { App } from './server.js';
import { registerAuthRoutes } from '../auth/routes/index.js';
import { registerUserRoutes } from '../users/routes/index.js';
import { registerUnitRoutes } from '../units/routes/index.js';
import { registerAuditRoutes } from '../audit/routes/index.js';
import { registerSandboxRoutes } from '../platforms/sandbox/routes/index.js';
import { registerPublishingRoutes } from '../publishing/routes/index.js';
import { registerMonitoringRoutes } from '../monitoring/routes/index.js';
import { webhookRoute } from '../monitoring/sources/webhook-route.js';
import { registerModelRoutes } from '../nlp/models/routes/index.js';

/** Every capability's routes, mounted under /api/v1. */
export function registerRoutes(api: App, ctx: AppContext): void {
  registerAuthRoutes(api, ctx);
  registerUserRoutes(api, ctx);
  registerUnitRoutes(api, ctx);
  registerAuditRoutes(api, ctx);
  registerPublishingRoutes(api, ctx);
  registerMonitoringRoutes(api, ctx);
  webhookRoute(api, ctx);
  registerModelRoutes(api, ctx);
}

/** Routes outside /api/v1: platform simulators and other non-API surfaces. */
export function registerRootRoutes(app: App, ctx: AppContext): void {
  registerSandboxRoutes(app, ctx);
}
