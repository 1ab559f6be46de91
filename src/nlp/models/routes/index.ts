import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../../../app/context.js';
import type { App } from '../../../http/server.js';
import { summarise } from '../model-registry.js';
import type { ModelRow } from '../model-repository.js';

const Summary = Type.Object({
  anchors: Type.Record(Type.String(), Type.Number(), { description: 'published-benchmark figures on the dev splits' }),
  labels: Type.Array(Type.Object({ label: Type.String(), devF1: Type.Union([Type.Number(), Type.Null()]), threshold: Type.Union([Type.Number(), Type.Null()]) })),
});
const Model = Type.Object({
  version: Type.String(),
  registeredAt: Type.String({ format: 'date-time' }),
  registeredBy: Type.String(),
  active: Type.Boolean(),
  activatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  summary: Summary,
});

function view(m: ModelRow): Static<typeof Model> {
  return {
    version: m.version,
    registeredAt: new Date(m.registeredAt).toISOString(),
    registeredBy: m.registeredBy,
    active: m.active,
    activatedAt: m.activatedAt ? new Date(m.activatedAt).toISOString() : null,
    summary: summarise(m.report),
  };
}

/** The text models: list them with their evaluation summaries, and activate one (admin). */
export function registerModelRoutes(api: App, ctx: AppContext): void {
  api.get(
    '/nlp/models',
    {
      schema: { tags: ['nlp'], summary: 'Registered text models with their dev-set figures; one is active', response: { 200: Type.Object({ models: Type.Array(Model) }) } },
      config: { policy: { permission: 'models.read' } },
    },
    async () => ({ models: (await ctx.models.list()).map(view) }),
  );
  api.post(
    '/nlp/models/:version/activate',
    {
      schema: {
        tags: ['nlp'],
        summary: 'Make a registered model the one every process uses (audited with the figures before and after)',
        params: Type.Object({ version: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' }) }),
        response: { 200: Type.Object({ model: Model }) },
      },
      config: { policy: { permission: 'models.manage' } },
    },
    async (req) => ({ model: view(await ctx.models.activate(req.auth!.actor, req.params.version)) }),
  );
}
