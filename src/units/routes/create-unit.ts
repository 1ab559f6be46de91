import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { CreateUnitBody, UnitEnvelope } from './schemas.js';

export function createUnitRoute(api: App, ctx: AppContext): void {
  api.post(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Add a unit (district, special unit, range)',
        description: 'Errors: 400 validation_failed (id, names, unknown parent), 409 conflict (id taken).',
        body: CreateUnitBody,
        response: { 201: UnitEnvelope },
      },
      config: { policy: { permission: 'units.manage' } },
    },
    async (req, reply) => {
      const unit = await ctx.units.createUnit(requireAuth(req).actor, req.body);
      return reply.code(201).send({ unit });
    },
  );
}
