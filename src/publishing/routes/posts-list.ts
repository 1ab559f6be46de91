import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { presentPost } from './posts-present.js';
import { PostSchema, PostStatusSchema } from './posts-schemas.js';

export function listPostsRoute(api: App, ctx: AppContext): void {
  api.get(
    '/posts',
    {
      schema: {
        tags: ['publishing'],
        summary: "Posts of the caller's units, newest first, by pages",
        querystring: Type.Object({
          status: Type.Optional(Type.Array(PostStatusSchema, { maxItems: 9 })),
          unitId: Type.Optional(Type.String({ maxLength: 32 })),
          accountId: Type.Optional(Type.String({ format: 'uuid' })),
          campaign: Type.Optional(Type.String({ maxLength: 80 })),
          templateId: Type.Optional(Type.String({ format: 'uuid' })),
          mine: Type.Optional(Type.Boolean()),
          before: Type.Optional(Type.String({ maxLength: 100, description: 'nextBefore of the previous page' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Object({ posts: Type.Array(PostSchema), nextBefore: Type.Union([Type.String(), Type.Null()]) }) },
      },
      config: { policy: { permission: 'posts.read' } },
    },
    async (req) => {
      const { actor } = requireAuth(req);
      const { status, ...rest } = req.query;
      const page = await ctx.posts.list(actor, { ...rest, statuses: status });
      return { posts: page.posts.map((p) => presentPost(ctx, actor, p)), nextBefore: page.nextBefore };
    },
  );
}
