import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { EmptyBody, MarkPublishedBody, PublicationEnvelope, ReasonBody, UuidParams } from './publications-schemas.js';

const schema = { tags: ['publishing'], params: UuidParams, response: { 200: PublicationEnvelope } };
const policy = { policy: { permission: 'publishing.deliver' as const } };

export function retryPublicationRoute(api: App, ctx: AppContext): void {
  api.post(
    '/publications/:id/retry',
    { schema: { ...schema, summary: 'Try a failed or unverified publication again (same idempotency key; the platform is asked first)', body: EmptyBody }, config: policy },
    async (req) => ({ publication: await ctx.delivery.calendar.retry(requireAuth(req).actor, req.params.id) }),
  );
}

export function cancelPublicationRoute(api: App, ctx: AppContext): void {
  api.post(
    '/publications/:id/cancel',
    { schema: { ...schema, summary: 'Stop a publication that has not gone out', body: ReasonBody }, config: policy },
    async (req) => ({ publication: await ctx.delivery.calendar.cancel(requireAuth(req).actor, req.params.id, req.body.reason) }),
  );
}

export function publishPublicationNowRoute(api: App, ctx: AppContext): void {
  api.post(
    '/publications/:id/publish-now',
    { schema: { ...schema, summary: 'Send a held publication (its time passed during a pause) out now', body: EmptyBody }, config: policy },
    async (req) => ({ publication: await ctx.delivery.calendar.publishNow(requireAuth(req).actor, req.params.id) }),
  );
}

export function markPublicationPublishedRoute(api: App, ctx: AppContext): void {
  api.post(
    '/publications/:id/mark-published',
    { schema: { ...schema, summary: 'Record that a person found the post on the platform (needs_verification → published)', body: MarkPublishedBody }, config: policy },
    async (req) => ({ publication: await ctx.delivery.calendar.markPublished(requireAuth(req).actor, req.params.id, req.body) }),
  );
}
