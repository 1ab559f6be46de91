import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { presentTemplate } from './templates-present.js';
import { CreateTemplateBody, TemplateEnvelope } from './templates-schemas.js';

export function createTemplateRoute(api: App, ctx: AppContext): void {
  api.post(
    '/templates',
    {
      schema: { tags: ['publishing'], summary: 'Write a bilingual awareness template', body: CreateTemplateBody, response: { 201: TemplateEnvelope } },
      config: { policy: { permission: 'templates.manage' } },
    },
    async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.code(201).send({ template: presentTemplate(actor, await ctx.templates.create(actor, req.body)) });
    },
  );
}
