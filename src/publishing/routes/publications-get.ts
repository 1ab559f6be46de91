import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { PublicationEnvelope, UuidParams } from './publications-schemas.js';

export function getPublicationRoute(api: App, ctx: AppContext): void {
  api.get(
    '/publications/:id',
    {
      schema: { tags: ['publishing'], summary: 'One publication with its attempts', params: UuidParams, response: { 200: PublicationEnvelope } },
      config: { policy: { permission: 'publishing.calendar' } },
    },
    async (req) => ({ publication: await ctx.delivery.calendar.publication(requireAuth(req).actor, req.params.id) }),
  );
}
