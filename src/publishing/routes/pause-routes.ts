import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { EmptyBody, UuidParams } from './publications-schemas.js';

const PauseSchema = Type.Object({
  id: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()], { description: 'null: force-wide' }),
  reason: Type.String(),
  startedBy: Type.String(),
  startedByName: Type.String(),
  startedAt: Type.String(),
  can: Type.Object({ end: Type.Boolean() }),
});
const Pauses = Type.Object({ pauses: Type.Array(PauseSchema) });

export function listPausesRoute(api: App, ctx: AppContext): void {
  api.get(
    '/publishing/pause',
    {
      schema: { tags: ['publishing'], summary: 'Active crisis pauses that concern the caller (the banner)', response: { 200: Pauses } },
      config: { policy: { permission: 'publishing.pause.read' } },
    },
    async (req) => ({ pauses: await ctx.delivery.pauses.active(requireAuth(req).actor) }),
  );
}

export function startPauseRoute(api: App, ctx: AppContext): void {
  api.post(
    '/publishing/pause',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Pause publishing force-wide (no unitIds) or for chosen units, with a reason',
        body: Type.Object(
          {
            reason: Type.String({ minLength: 1, maxLength: 500 }),
            unitIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Pauses },
      },
      config: { policy: { permission: 'publishing.pause' } },
    },
    async (req, reply) => reply.code(201).send({ pauses: await ctx.delivery.pauses.start(requireAuth(req).actor, { reason: req.body.reason, unitIds: req.body.unitIds ?? null }) }),
  );
}

export function endPauseRoute(api: App, ctx: AppContext): void {
  api.post(
    '/publishing/pause/:id/end',
    {
      schema: { tags: ['publishing'], summary: 'End a pause: posts not yet due go out as planned; held posts wait for a person', params: UuidParams, body: EmptyBody },
      config: { policy: { permission: 'publishing.pause' } },
    },
    async (req, reply) => {
      await ctx.delivery.pauses.end(requireAuth(req).actor, req.params.id);
      return reply.code(204).send();
    },
  );
}
