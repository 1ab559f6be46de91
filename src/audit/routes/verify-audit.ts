import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { AuditVerifyResult } from './schemas.js';

export function verifyAuditRoute(api: App, ctx: AppContext): void {
  api.get(
    '/audit/verify',
    {
      schema: { tags: ['audit'], summary: 'Check the hash chain of the whole audit log', response: { 200: AuditVerifyResult } },
      config: { policy: { permission: 'audit.read' } },
    },
    async () => ctx.audit.verify(),
  );
}
