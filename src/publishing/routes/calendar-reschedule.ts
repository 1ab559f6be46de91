import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { CalendarEntryEnvelope, RescheduleBody, UuidParams } from './publications-schemas.js';

export function calendarRescheduleRoute(api: App, ctx: AppContext): void {
  api.post(
    '/posts/:id/reschedule',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Move a post to a new time (re-validated; refused once any of it went out)',
        params: UuidParams,
        body: RescheduleBody,
        response: { 200: CalendarEntryEnvelope },
      },
      config: { policy: { permission: 'publishing.deliver' } },
    },
    async (req) => ({ post: await ctx.delivery.calendar.reschedule(requireAuth(req).actor, req.params.id, req.body) }),
  );
}
