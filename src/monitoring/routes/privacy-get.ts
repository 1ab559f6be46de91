import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { PrivacySchema, UnitIdParams } from './schemas.js';

export function getPrivacyRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/units/:id/privacy',
    {
      schema: { tags: ['monitoring'], summary: "A unit's monitoring privacy: whether authors are pseudonymised", params: UnitIdParams, response: { 200: PrivacySchema } },
      config: { policy: { permission: 'monitoring.privacy', unit: (req) => (req.params as { id: string }).id } },
    },
    async (req) => ctx.monitoring.privacy.get(requireAuth(req).actor, req.params.id),
  );
}
