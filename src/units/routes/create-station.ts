import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { CreateStationBody, IdParams, StationEnvelope } from './schemas.js';

export function createStationRoute(api: App, ctx: AppContext): void {
  api.post(
    '/units/:id/stations',
    {
      schema: {
        tags: ['units'],
        summary: 'Add a police station to a unit',
        description: 'Errors: 400 validation_failed, 404 not_found (unit), 409 conflict (station id taken).',
        params: IdParams,
        body: CreateStationBody,
        response: { 201: StationEnvelope },
      },
      config: { policy: { permission: 'units.manage', unit: (req) => (req.params as { id: string }).id } },
    },
    async (req, reply) => {
      const station = await ctx.units.createStation(requireAuth(req).actor, req.params.id, req.body);
      return reply.code(201).send({ station });
    },
  );
}
