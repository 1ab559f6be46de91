import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { UuidParams } from './accounts-schemas.js';
import { presentTemplate } from './templates-present.js';
import { TemplateEnvelope, UpdateTemplateBody } from './templates-schemas.js';

export function updateTemplateRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/templates/:id',
    {
      schema: { tags: ['publishing'], summary: 'Change or retire a template', params: UuidParams, body: UpdateTemplateBody, response: { 200: TemplateEnvelope } },
      config: { policy: { permission: 'templates.manage' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      return { template: presentTemplate(actor, await ctx.templates.update(actor, req.params.id, req.body)) };
    },
  );
}
