import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { CalendarEntrySchema, PublicationDetailSchema, UuidParams } from './publications-schemas.js';

export function publicationsOfPostRoute(api: App, ctx: AppContext): void {
  api.get(
    '/posts/:id/publications',
    {
      schema: {
        tags: ['publishing'],
        summary: "A post's delivery: each publication's state, attempts and the platform's error text",
        params: UuidParams,
        response: { 200: Type.Object({ post: CalendarEntrySchema, publications: Type.Array(PublicationDetailSchema) }) },
      },
      config: { policy: { permission: 'publishing.calendar' } },
    },
    async (req) => ctx.delivery.calendar.post(requireAuth(req).actor, req.params.id),
  );
}
