import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { UuidParams } from './publications-schemas.js';

const Point = Type.Object({
  collectedAt: Type.String(),
  pull: Type.String({ description: '1h, 6h, 24h, 7d or manual' }),
  likes: Type.Integer(),
  shares: Type.Integer(),
  comments: Type.Integer(),
  views: Type.Union([Type.Integer(), Type.Null()]),
});

export function publicationMetricsRoute(api: App, ctx: AppContext): void {
  api.get(
    '/publications/:id/metrics',
    {
      schema: { tags: ['publishing'], summary: 'Likes, shares, comments and views of a publication over time', params: UuidParams, response: { 200: Type.Object({ metrics: Type.Array(Point) }) } },
      config: { policy: { permission: 'publishing.calendar' } },
    },
    async (req) => {
      const series = await ctx.delivery.metrics.series(requireAuth(req).actor, req.params.id);
      return { metrics: series.map((m) => ({ ...m, collectedAt: new Date(m.collectedAt).toISOString() })) };
    },
  );
}
