import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { ShaParams } from './media-schemas.js';

export function mediaFileRoute(api: App, ctx: AppContext): void {
  api.get(
    '/media/:sha256/file',
    {
      schema: { tags: ['publishing'], summary: 'The media file itself (content never changes for an id)', params: ShaParams },
      config: { policy: { permission: 'media.read' } },
    },
    async (req, reply) => {
      const { media, stream } = await ctx.media.open(req.params.sha256);
      return reply
        .type(media.mime)
        .header('content-length', String(media.bytes))
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('content-disposition', 'inline')
        .send(stream);
    },
  );
}
