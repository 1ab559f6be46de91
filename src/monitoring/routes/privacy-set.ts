import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { PrivacyBody, PrivacySchema, UnitIdParams } from './schemas.js';

export function setPrivacyRoute(api: App, ctx: AppContext): void {
  api.put(
    '/monitoring/units/:id/privacy',
    {
      schema: { tags: ['monitoring'], summary: 'Pseudonymise (or stop pseudonymising) the authors of a unit\'s mentions outside any case (audited)', params: UnitIdParams, body: PrivacyBody, response: { 200: PrivacySchema } },
      config: { policy: { permission: 'monitoring.privacy', unit: (req) => (req.params as { id: string }).id } },
    },
    async (req) => ctx.monitoring.privacy.set(requireAuth(req).actor, req.params.id, req.body.pseudonymiseAuthors),
  );
}
