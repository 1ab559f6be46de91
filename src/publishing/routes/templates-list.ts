import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { presentTemplate } from './templates-present.js';
import { CategorySchema, TemplateSchema } from './templates-schemas.js';

export function listTemplatesRoute(api: App, ctx: AppContext): void {
  api.get(
    '/templates',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Awareness templates by category; q searches names and texts in both languages',
        querystring: Type.Object({ category: Type.Optional(CategorySchema), q: Type.Optional(Type.String({ maxLength: 200 })), active: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ templates: Type.Array(TemplateSchema) }) },
      },
      config: { policy: { permission: 'templates.read' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      const list = await ctx.templates.list({ category: req.query.category, text: req.query.q, active: req.query.active });
      return { templates: list.map((t) => presentTemplate(actor, t)) };
    },
  );
}
