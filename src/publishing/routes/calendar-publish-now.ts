import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { CalendarEntryEnvelope, EmptyBody, UuidParams } from './publications-schemas.js';

export function calendarPublishNowRoute(api: App, ctx: AppContext): void {
  api.post(
    '/posts/:id/publish-now',
    {
      schema: { tags: ['publishing'], summary: 'Send an approved post out now (refused during a pause)', params: UuidParams, body: EmptyBody, response: { 200: CalendarEntryEnvelope } },
      config: { policy: { permission: 'publishing.deliver' } },
    },
    async (req) => ({ post: await ctx.delivery.calendar.publishPostNow(requireAuth(req).actor, req.params.id) }),
  );
}
