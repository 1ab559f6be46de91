import type { AppContext } from '../../app/context.js';
import { requireAuth } from '../../auth/request.js';
import type { App } from '../../http/server.js';
import { UuidParams } from './accounts-schemas.js';
import { presentPost } from './posts-present.js';
import { PostEnvelope } from './posts-schemas.js';
import { TemplatePostBody } from './templates-schemas.js';

export function useTemplateRoute(api: App, ctx: AppContext): void {
  api.post(
    '/templates/:id/posts',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Draft a post from a template for a unit’s accounts, with the placeholders filled in; the post keeps the template’s id',
        params: UuidParams,
        body: TemplatePostBody,
        response: { 201: PostEnvelope },
      },
      config: { policy: { permission: 'posts.write' } },
    },
    async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.code(201).send({ post: presentPost(ctx, actor, await ctx.templates.createPost(actor, req.params.id, req.body)) });
    },
  );
}
