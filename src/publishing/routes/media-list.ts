import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { presentMedia } from './media-present.js';
import { MediaSchema } from './media-schemas.js';

export function listMediaRoute(api: App, ctx: AppContext): void {
  api.get(
    '/media',
    {
      schema: {
        tags: ['publishing'],
        summary: 'The media library, newest first; q searches the English and Hindi alt texts',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          kind: Type.Optional(Type.Union([Type.Literal('image'), Type.Literal('video')])),
          before: Type.Optional(Type.String({ format: 'date-time', description: 'createdAt of the last item of the previous page' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Object({ media: Type.Array(MediaSchema) }) },
      },
      config: { policy: { permission: 'media.read' } },
    },
    async (req) => {
      const items = await ctx.media.search({ text: req.query.q, kind: req.query.kind, before: req.query.before, limit: req.query.limit });
      const { actor } = requireAuth(req);
      return { media: items.map((m) => presentMedia(actor, m)) };
    },
  );
}
