import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { MediaEnvelope, mediaUrl, ShaParams } from './media-schemas.js';

export function getMediaRoute(api: App, ctx: AppContext): void {
  api.get(
    '/media/:sha256',
    {
      schema: { tags: ['publishing'], summary: 'One media item’s details', params: ShaParams, response: { 200: MediaEnvelope } },
      config: { policy: { permission: 'media.read' } },
    },
    async (req) => {
      const media = await ctx.media.get(req.params.sha256);
      return { media: { ...media, url: mediaUrl(media.sha256) } };
    },
  );
}
