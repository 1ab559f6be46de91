import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { IdParams, StationEnvelope, UpdateStationBody } from './schemas.js';

export function updateStationRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/stations/:id',
    {
      schema: { tags: ['units'], summary: "Rename a police station, change its aliases, deactivate or reactivate it", params: IdParams, body: UpdateStationBody, response: { 200: StationEnvelope } },
      // The station's unit is known only after reading it: the service checks it against the scope.
      config: { policy: { permission: 'units.manage' } },
    },
    async (req) => ({ station: await ctx.units.updateStation(requireAuth(req).actor, req.params.id, req.body) }),
  );
}
