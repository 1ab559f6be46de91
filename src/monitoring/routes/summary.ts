import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { SummaryQuery, SummarySchema } from './schemas.js';

export function summaryRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/summary',
    {
      schema: { tags: ['monitoring'], summary: 'Counts of mentions by language, platform, unit, day and watch (no text, no authors)', querystring: SummaryQuery, response: { 200: SummarySchema } },
      config: { policy: { permission: 'monitoring.aggregates' } },
    },
    async (req) => ctx.monitoring.stream.summary(requireAuth(req).actor, req.query.days ?? 7),
  );
}
