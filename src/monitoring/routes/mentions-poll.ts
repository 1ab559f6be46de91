import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { MentionPollPage, MentionPollQuery } from './schemas.js';

export function pollMentionsRoute(api: App, ctx: AppContext): void {
  api.get(
    '/monitoring/mentions/updates',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Live stream: mentions newer than a cursor, oldest first; waits up to "wait" seconds for the first (long poll)',
        querystring: MentionPollQuery,
        response: { 200: MentionPollPage },
      },
      config: { policy: { permission: 'monitoring.read' } },
    },
    async (req) => {
      const gone = new AbortController();
      req.raw.once('close', () => gone.abort());
      const { wait, ...filter } = req.query;
      return ctx.monitoring.stream.poll(requireAuth(req).actor, filter, wait ?? 25, gone.signal);
    },
  );
}
