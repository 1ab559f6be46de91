import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { UuidParams } from './accounts-schemas.js';
import { presentTemplate } from './templates-present.js';
import { TemplateEnvelope } from './templates-schemas.js';

export function getTemplateRoute(api: App, ctx: AppContext): void {
  api.get(
    '/templates/:id',
    {
      schema: { tags: ['publishing'], summary: 'One template', params: UuidParams, response: { 200: TemplateEnvelope } },
      config: { policy: { permission: 'templates.read' } },
    },
    async (req) => ({ template: presentTemplate(requireAuth(req).actor, await ctx.templates.get(req.params.id)) }),
  );
}
