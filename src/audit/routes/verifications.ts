import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import type { VerificationRow } from '../verification-repository.js';

const Verification = Type.Object({
  id: Type.String({ format: 'uuid' }),
  requestedBy: Type.Union([Type.String(), Type.Null()], { description: 'null for the nightly run' }),
  requestedAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  ok: Type.Union([Type.Boolean(), Type.Null()], { description: 'null until the run finishes' }),
  entries: Type.Union([Type.Integer(), Type.Null()]),
  brokenAt: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
function view(r: VerificationRow): Static<typeof Verification> {
  return { ...r, requestedAt: new Date(r.requestedAt).toISOString(), startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt) };
}

/** Background verification runs: request one, follow it, list the latest (nightly ones included). */
export function verificationRoutes(api: App, ctx: AppContext): void {
  api.post(
    '/audit/verifications',
    {
      schema: { tags: ['audit'], summary: 'Ask a worker to verify the whole audit chain', response: { 202: Type.Object({ verification: Verification }) } },
      config: { policy: { permission: 'audit.read' } },
    },
    async (req, reply) => reply.code(202).send({ verification: view(await ctx.auditVerifications.request(req.auth!.actor)) }),
  );
  api.get(
    '/audit/verifications',
    {
      schema: { tags: ['audit'], summary: 'The latest verification runs', response: { 200: Type.Object({ verifications: Type.Array(Verification) }) } },
      config: { policy: { permission: 'audit.read' } },
    },
    async () => ({ verifications: (await ctx.auditVerifications.recent()).map(view) }),
  );
  api.get(
    '/audit/verifications/:id',
    {
      schema: {
        tags: ['audit'],
        summary: 'One verification run',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ verification: Verification }) },
      },
      config: { policy: { permission: 'audit.read' } },
    },
    async (req) => ({ verification: view(await ctx.auditVerifications.get(req.params.id)) }),
  );
}
