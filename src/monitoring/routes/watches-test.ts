import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { TestResultSchema, TestWatchBody } from './schemas.js';

export function testWatchRoute(api: App, ctx: AppContext): void {
  api.post(
    '/monitoring/watches/test',
    {
      schema: {
        tags: ['monitoring'],
        summary: "Test a query: what it would have matched among the caller's mentions of the last 7 days",
        description: 'A query that does not parse answers 400 query_syntax with details.position.',
        body: TestWatchBody,
        response: { 200: TestResultSchema },
      },
      config: { policy: { permission: 'watches.manage' } },
    },
    async (req) => ctx.monitoring.stream.test(requireAuth(req).actor, req.body.query, req.body.limit),
  );
}
