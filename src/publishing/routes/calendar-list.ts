import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { CalendarEntrySchema, CalendarQuery } from './publications-schemas.js';

export function calendarListRoute(api: App, ctx: AppContext): void {
  api.get(
    '/calendar',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Posts scheduled in a time range (month, week or list view), with each account’s publication state',
        querystring: CalendarQuery,
        response: { 200: Type.Object({ posts: Type.Array(CalendarEntrySchema) }) },
      },
      config: { policy: { permission: 'publishing.calendar', unit: (req) => (req.query as { unitId?: string }).unitId } },
    },
    async (req) => {
      const q = req.query;
      return {
        posts: await ctx.delivery.calendar.list(requireAuth(req).actor, {
          from: new Date(q.from),
          to: new Date(q.to),
          unitId: q.unitId,
          accountId: q.accountId,
          campaign: q.campaign,
          status: q.status,
        }),
      };
    },
  );
}
