import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { UnitSchema } from './schemas.js';

export function listUnitsRoute(api: App, ctx: AppContext): void {
  api.get(
    '/units',
    {
      schema: { tags: ['units'], summary: "The caller's units (every unit for force-wide roles), with station counts", response: { 200: Type.Object({ units: Type.Array(UnitSchema) }) } },
      config: { policy: { permission: 'units.read' } },
    },
    async (req) => ({ units: await ctx.units.list(requireAuth(req).actor) }),
  );
}
