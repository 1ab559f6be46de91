import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { IdParams, UnitEnvelope, UpdateUnitBody } from './schemas.js';

export function updateUnitRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/units/:id',
    {
      schema: { tags: ['units'], summary: 'Rename, re-kind, deactivate or reactivate a unit', params: IdParams, body: UpdateUnitBody, response: { 200: UnitEnvelope } },
      config: { policy: { permission: 'units.manage', unit: (req) => (req.params as { id: string }).id } },
    },
    async (req) => ({ unit: await ctx.units.updateUnit(requireAuth(req).actor, req.params.id, req.body) }),
  );
}
