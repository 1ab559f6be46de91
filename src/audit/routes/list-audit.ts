import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { unitFilter } from '../../auth/actor.js';
import { AuditListQuery, AuditPage } from './schemas.js';

export function listAuditRoute(api: App, ctx: AppContext): void {
  api.get(
    '/audit',
    {
      schema: { tags: ['audit'], summary: 'Audit entries, newest first, filtered, in keyset pages', querystring: AuditListQuery, response: { 200: AuditPage } },
      config: { policy: { permission: 'audit.read' } },
    },
    async (req) => {
      const q = req.query;
      return ctx.audit.list({
        action: q.action,
        actorId: q.actorId,
        targetType: q.targetType,
        targetId: q.targetId,
        from: q.from === undefined ? undefined : new Date(q.from),
        to: q.to === undefined ? undefined : new Date(q.to),
        before: q.before,
        limit: q.limit,
        scope: unitFilter(requireAuth(req).actor),
      });
    },
  );
}
