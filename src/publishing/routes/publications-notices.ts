import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { EmptyBody, NoticeSchema, NoticesQuery, UuidParams } from './publications-schemas.js';

export function listNoticesRoute(api: App, ctx: AppContext): void {
  api.get(
    '/publishing/notices',
    {
      schema: {
        tags: ['publishing'],
        summary: "The caller's publishing notices: due without approval, held, failed, sign-in expired, needs verification",
        querystring: NoticesQuery,
        response: { 200: Type.Object({ notices: Type.Array(NoticeSchema) }) },
      },
      config: { policy: { permission: 'publishing.calendar' } },
    },
    async (req) => ({ notices: await ctx.delivery.notices.list(requireAuth(req).actor, { unreadOnly: req.query.unread ?? false, limit: req.query.limit ?? 50 }) }),
  );
}

export function readNoticeRoute(api: App, ctx: AppContext): void {
  api.post(
    '/publishing/notices/:id/read',
    {
      schema: { tags: ['publishing'], summary: 'Mark one of the caller’s notices read', params: UuidParams, body: EmptyBody },
      config: { policy: { permission: 'publishing.calendar' } },
    },
    async (req, reply) => {
      await ctx.delivery.notices.markRead(requireAuth(req).actor, req.params.id);
      return reply.code(204).send();
    },
  );
}
