import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { presentMedia } from './media-present.js';
import { MediaEnvelope, ShaParams } from './media-schemas.js';

export function updateMediaRoute(api: App, ctx: AppContext): void {
  api.patch(
    '/media/:sha256',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Set a media item’s alt text in English and Hindi',
        params: ShaParams,
        body: Type.Object({ altEn: Type.Optional(Type.String({ maxLength: 1500 })), altHi: Type.Optional(Type.String({ maxLength: 1500 })) }, { additionalProperties: false }),
        response: { 200: MediaEnvelope },
      },
      config: { policy: { permission: 'media.write' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      return { media: presentMedia(actor, await ctx.media.updateAlt(actor, req.params.sha256, req.body)) };
    },
  );
}
