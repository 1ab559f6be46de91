import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { listAuditRoute } from './list-audit.js';
import { verifyAuditRoute } from './verify-audit.js';
import { verificationRoutes } from './verifications.js';

/** The audit log: /api/v1/audit and /api/v1/audit/verify. */
export function registerAuditRoutes(api: App, ctx: AppContext): void {
  listAuditRoute(api, ctx);
  verifyAuditRoute(api, ctx);
  verificationRoutes(api, ctx);
}
