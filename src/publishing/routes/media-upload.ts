import { Type } from '@sinclair/typebox';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { presentMedia } from './media-present.js';
import { MediaEnvelope } from './media-schemas.js';

/**
 * The file is the request body itself (any Content-Type: the type is sniffed from the bytes), read
 * as a stream into the store so a large video is never held in memory. Scoped to its own plugin so
 * the raw-body parser applies to this route only.
 */
export function uploadMediaRoute(api: App, ctx: AppContext): void {
  void api.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.post(
      '/media',
      {
        schema: {
          tags: ['publishing'],
          summary: 'Upload an image (JPEG, PNG, GIF, WebP) or an MP4 video as the raw request body; the same bytes are stored once',
          querystring: Type.Object({ altEn: Type.Optional(Type.String({ maxLength: 1500 })), altHi: Type.Optional(Type.String({ maxLength: 1500 })) }),
          response: { 200: MediaEnvelope, 201: MediaEnvelope },
        },
        config: { policy: { permission: 'media.write' } },
      },
      async (req, reply) => {
        const { actor } = requireAuth(req);
        const { media, created } = await ctx.media.upload(actor, req.body as Readable, req.query);
        return reply.code(created ? 201 : 200).send({ media: presentMedia(actor, media) });
      },
    );
  });
}
