import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { IdParams, StationSchema, UnitSchema } from './schemas.js';

export function getUnitRoute(api: App, ctx: AppContext): void {
  api.get(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'One unit and its police stations',
        description: 'A unit outside the caller\'s scope answers 404 not_found, as if it did not exist.',
        params: IdParams,
        response: { 200: Type.Object({ unit: UnitSchema, stations: Type.Array(StationSchema) }) },
      },
      // The scope is checked by the service inside its query, so that other units stay unseen (404).
      config: { policy: { permission: 'units.read' } },
    },
    async (req) => ctx.units.get(requireAuth(req).actor, req.params.id),
  );
}
