import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { MentionListPage, MentionListQuery } from './schemas.js';

export function listMentionsRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/mentions',
    {
      schema: {
        tags: ['monitoring'],
        summary: "The stream: the caller's mentions newest first, filtered by watch, unit, language, label, platform, cluster or search",
        querystring: MentionListQuery,
        response: { 200: MentionListPage },
      },
      config: { policy: { permission: 'monitoring.read' } },
    },
    async (req) => ctx.monitoring.stream.list(requireAuth(req).actor, req.query),
  );
}
