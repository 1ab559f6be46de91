import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { requireAuth } from '../../auth/request.js';
import { presentMedia } from './media-present.js';
import { MediaEnvelope, ShaParams } from './media-schemas.js';

export function getMediaRoute(api: App, ctx: AppContext): void {
  api.get(
    '/media/:sha256',
    {
      schema: { tags: ['publishing'], summary: 'One media item’s details', params: ShaParams, response: { 200: MediaEnvelope } },
      config: { policy: { permission: 'media.read' } },
    },
    async (req) => {
      const media = await ctx.media.get(req.params.sha256);
      return { media: presentMedia(requireAuth(req).actor, media) };
    },
  );
}
