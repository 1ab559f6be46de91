import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { exportCalendarCsv } from '../csv/csv-export.js';
import { CalendarQuery } from './publications-schemas.js';

export function csvExportRoute(api: App, ctx: AppContext): void {
  api.get(
    '/calendar/export',
    {
      schema: { tags: ['publishing'], summary: 'The calendar of a time range as CSV (one line per post and account)', querystring: CalendarQuery, produces: ['text/csv'] },
      config: { policy: { permission: 'publishing.calendar', unit: (req) => (req.query as { unitId?: string }).unitId } },
    },
    async (req, reply) => {
      const q = req.query;
      const csv = await exportCalendarCsv(ctx.delivery.calendar, requireAuth(req).actor, {
        from: new Date(q.from),
        to: new Date(q.to),
        unitId: q.unitId,
        accountId: q.accountId,
        campaign: q.campaign,
        status: q.status,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="chhavi-calendar-${q.from.slice(0, 10)}.csv"`)
        .send(csv);
    },
  );
}
